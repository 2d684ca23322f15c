/**
 * @module Per-flow backpressure at an HTTP trigger: with `limits.flowConcurrency` 1 and
 * `limits.flowQueueSize` 0, one execution runs and the next request is answered 429 with Retry-After
 * before its body is read; once the held execution ends, the flow takes requests again. (Queueing order
 * is tested on FlowAdmission itself.)
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpFlow, json, startTestServer, step, type TestServer } from './helpers.js';

let app: TestServer;
const held: ServerResponse[] = [];
const upstream = createServer((_request, response) => held.push(response));

beforeAll(async () => {
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/slow`;
  app = await startTestServer({
    flows: { slow: httpFlow('/slow', [step('call', 'http-request', { method: 'GET', url })]) },
    server: { limits: { flowConcurrency: 1, flowQueueSize: 0 } },
  });
});

afterAll(async () => {
  for (const response of held) response.end('{}');
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
  await app.close();
});

async function until(condition: () => boolean): Promise<void> {
  for (let turns = 0; !condition(); turns++) {
    if (turns > 500) throw new Error('the condition never held');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('per-flow backpressure', () => {
  it('answers 429 with Retry-After while the flow runs its one execution, and runs the next after it', async () => {
    const running = app.request('/slow', json('POST', { n: 1 }));
    await until(() => held.length === 1);
    const refused = await app.request('/slow', json('POST', { n: 3 }));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.json.error).toMatchObject({ type: 'SERVER:BUSY' });
    expect(refused.json.error.message).toContain('flow "slow" has every slot taken and 0 executions waiting to run');
    expect(held).toHaveLength(1);

    held.shift()!.end('{}');
    expect((await running).status).toBe(200);
    const next = app.request('/slow', json('POST', { n: 3 }));
    await until(() => held.length === 1);
    held.shift()!.end('{}');
    expect((await next).status).toBe(200);
  });
});
