import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  expr,
  httpFlow,
  json,
  setPayload,
  startSlowServer,
  startTestServer,
  step,
  type TestServer,
} from './helpers.js';

let server: TestServer;
let slow: Awaited<ReturnType<typeof startSlowServer>>;

/** Version `version` of the slow flow: waits `ms` on a loopback server, then answers `{ version }`. */
function slowFlow(version: number, ms: number) {
  return httpFlow('/slow', [
    step('call', 'http-request', { method: 'GET', url: `${slow.url}/?ms=${ms}`, outputVariable: 'upstream' }),
    setPayload('answer', { version, upstream: expr('vars.upstream.body.slow') }),
  ]);
}

beforeAll(async () => {
  slow = await startSlowServer();
  server = await startTestServer({
    flows: {
      slow: slowFlow(1, 600),
      broken: '{ "format": "flowbus/flow@1", ',
      first: httpFlow('/shared', [setPayload('who', 'first')]),
      second: httpFlow('/shared', [setPayload('who', 'second')]),
    },
  });
});

afterAll(async () => {
  await server?.close();
  await slow?.close();
});

const flowStatus = async (id: string) => (await server.request(`/api/flows/${id}`)).json;

describe('publishing without restart', () => {
  it('serves a changed file to new executions while running ones finish on the old version', async () => {
    const before = await flowStatus('slow');
    const running = server.request('/slow', json('POST', {}));
    await eventually(async () => (await server.request('/api/ready')).json.runningExecutions === 1);
    await server.writeFlow('slow', slowFlow(2, 0));
    const fresh = await eventually(async () => {
      const answer = await server.request('/slow', json('POST', {}));
      return answer.json.version === 2 && answer;
    });
    const old = await running;
    expect(old.json).toEqual({ version: 1, upstream: true });
    expect(fresh.json).toEqual({ version: 2, upstream: true });
    const oldTrace = await server.request(`/api/executions/${old.headers.get('x-flowbus-execution')}`);
    const newTrace = await server.request(`/api/executions/${fresh.headers.get('x-flowbus-execution')}`);
    expect(oldTrace.json.flowVersion).toBe(before.version);
    expect(newTrace.json.flowVersion).not.toBe(before.version);
    const servedVersion = newTrace.json.flowVersion;
    expect(await flowStatus('slow')).toMatchObject({ status: 'published', servedVersion });
  });

  it('keeps the previous version serving when the changed file is invalid, and shows why', async () => {
    const served = (await flowStatus('slow')).servedVersion;
    await server.writeFlow('slow', { ...slowFlow(3, 0), steps: [{ id: 'oops', type: 'no-such-step' }] });
    const flow = await eventually(async () => {
      const found = await flowStatus('slow');
      return found.status === 'outdated' && found;
    });
    expect(flow.servedVersion).toBe(served);
    expect(flow.issues).toEqual([
      expect.objectContaining({
        file: 'flows/slow.flow.json',
        pointer: '/steps/0/type',
        code: 'unknown-step-type',
      }),
    ]);
    expect((await server.request('/slow', json('POST', {}))).json.version).toBe(2);
    expect(server.logs.some((line) => line.includes(`version ${served} keeps serving`))).toBe(true);
    await server.writeFlow('slow', slowFlow(4, 0));
    await eventually(async () => (await server.request('/slow', json('POST', {}))).json.version === 4);
  });

  it('stops serving a deleted file and serves a new one', async () => {
    await rm(join(server.flowsDir, 'slow.flow.json'));
    await eventually(async () => (await server.request('/slow', json('POST', {}))).status === 404);
    expect((await server.request('/api/flows/slow')).status).toBe(404);
    await server.writeFlow('fresh', httpFlow('/fresh', [setPayload('hi', 'hi')]));
    const answer = await eventually(async () => {
      const found = await server.request('/fresh', json('POST', {}));
      return found.status === 200 && found;
    });
    expect(answer.text).toBe('hi');
  });

  it('does not serve a file that was invalid from the start', async () => {
    const broken = await flowStatus('broken');
    const issues = [expect.objectContaining({ code: 'json-syntax' })];
    expect(broken).toMatchObject({ status: 'invalid', issues });
    expect(broken.servedVersion).toBeUndefined();
  });

  it('leaves a path to the flow that had it and reports the conflict on the other', async () => {
    expect((await server.request('/shared', json('POST', {}))).text).toBe('first');
    const second = await flowStatus('second');
    expect(second.status).toBe('invalid');
    expect(second.issues).toEqual([
      expect.objectContaining({
        code: 'http-path-conflict',
        message: 'POST /shared is already served by flow "first"',
      }),
    ]);
  });
});
