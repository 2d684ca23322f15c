import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for.js';
import { expr, httpFlow, json, startTestServer, step, type TestServer } from './helpers.js';

// Each filter is checked against executions that differ in just that field, so a filter that is ignored
// (or applied to the wrong field) lists an id it must not.
let server: TestServer;

const fails = step('check', 'set-variable', { name: 'checked', value: expr("payload.fail ? $error('boom') : true") });
const work = httpFlow('/work', [fails]);
const guarded = httpFlow('/guarded', [
  {
    id: 'guard',
    type: 'try',
    steps: [fails],
    catch: [
      {
        id: 'on-any',
        config: { errorTypes: ['ANY'] },
        steps: [step('log-it', 'logger', { level: 'WARN', category: 'test', content: expr("'caught ' & error.type") })],
      },
    ],
  },
]);

type Listed = { id: string; status: string; trigger: string; handledErrors?: number };

async function call(path: string, body: unknown, headers: Record<string, string> = {}): Promise<string> {
  const answer = await server.request(path, json('POST', body, headers));
  const id = answer.headers.get('x-flowbus-execution');
  if (!id) throw new Error(`no execution header from ${path}: ${answer.status} ${answer.text}`);
  await waitFor(async () => (await server.request(`/api/executions/${id}`)).status === 200, `execution ${id} stored`);
  return id;
}

async function listed(query: string): Promise<string[]> {
  const answer = await server.request(`/api/executions?${query}`);
  expect(answer.status, answer.text).toBe(200);
  return answer.json.executions.map((item: Listed) => item.id);
}

const ids: Record<string, string> = {};
let between = 0;

beforeAll(async () => {
  server = await startTestServer({ flows: { work, guarded } });
  ids.ok = await call('/work', { fail: false });
  ids.failed = await call('/work', { fail: true });
  const early = await server.request(`/api/executions/${ids.failed}`);
  between = early.json.endedAt + 1;
  await waitFor(() => Date.now() > between, 'the clock to pass the mark');
  ids.handled = await call('/guarded', { fail: true });
  const dry = await server.request('/api/flows/work/dry-run', json('POST', { input: { payload: { fail: false } } }));
  ids.dry = dry.json.id;
});

afterAll(async () => {
  await server?.close();
});

describe('management API: execution filters', () => {
  it('filters by status', async () => {
    const failed = await listed('status=failed');
    expect(failed).toContain(ids.failed);
    expect(failed).not.toContain(ids.ok);
    expect(failed).not.toContain(ids.handled);
  });

  it('filters by trigger kind', async () => {
    expect(await listed('trigger=dry-run')).toEqual([ids.dry]);
    const http = await listed('trigger=http');
    expect(http).toEqual(expect.arrayContaining([ids.ok, ids.failed, ids.handled]));
    expect(http).not.toContain(ids.dry);
  });

  it('filters by time range, both ends inclusive', async () => {
    const late = await listed(`since=${between}`);
    expect(late).toEqual(expect.arrayContaining([ids.handled, ids.dry]));
    expect(late).not.toContain(ids.ok);
    const early = await listed(`until=${new Date(between - 1).toISOString()}`);
    expect(early).toEqual(expect.arrayContaining([ids.ok, ids.failed]));
    expect(early).not.toContain(ids.handled);
  });

  it('flags and filters executions that went through a Catch', async () => {
    const answer = await server.request(`/api/executions?flow=guarded`);
    expect(answer.json.executions).toEqual([expect.objectContaining({ id: ids.handled, status: 'succeeded', handledErrors: 1 })]);
    expect(await listed('handled=true')).toEqual([ids.handled]);
    const unhandled = await listed('handled=false');
    expect(unhandled).toContain(ids.failed);
    expect(unhandled).not.toContain(ids.handled);
    const failed = (await server.request(`/api/executions?flow=work&status=failed`)).json.executions;
    expect(failed[0]).not.toHaveProperty('handledErrors');
  });

  it('pages newest first with a cursor, each page bounded by limit', async () => {
    const all = await listed('limit=1000');
    const first = await server.request('/api/executions?limit=2');
    expect(first.json.executions.map((item: Listed) => item.id)).toEqual(all.slice(0, 2));
    expect(first.json.next).toBe(all[1]);
    const second = await server.request(`/api/executions?limit=2&before=${first.json.next}`);
    expect(second.json.executions.map((item: Listed) => item.id)).toEqual(all.slice(2, 4));
    const last = await server.request(`/api/executions?limit=3&before=${all[2]}`);
    expect(last.json.executions.map((item: Listed) => item.id)).toEqual(all.slice(3));
    expect(last.json).not.toHaveProperty('next');
  });

  it.each([
    ['status=broken', '"status": "broken" is not one of succeeded, failed, cancelled, timed-out'],
    ['limit=0', '"limit": "0" is not an integer from 1 to 1000'],
    ['limit=1001', '"limit": "1001" is not an integer from 1 to 1000'],
    ['limit=2.5', '"limit": "2.5" is not an integer'],
    ['since=yesterday', '"since": "yesterday" is not epoch milliseconds or an ISO 8601 date'],
    ['since=10&until=5', '"since" is later than "until"'],
    ['handled=yes', '"handled": "yes" is not true or false'],
    ['status=failed&status=succeeded', '"status" must be given once'],
    ['stauts=failed', 'unknown query parameter "stauts"; expected one of flow, status'],
    ['before=nope', '"before": no execution "nope" in the history'],
  ])('refuses %s with a 400 that names the parameter', async (query, message) => {
    const answer = await server.request(`/api/executions?${query}`);
    expect(answer.status).toBe(400);
    expect(answer.json.error.message).toContain(message);
  });
});

describe('management API: run again with this input', () => {
  it('runs the stored input again as a test run, listed as a new execution', async () => {
    const answer = await server.request(`/api/executions/${ids.failed}/replay`, json('POST', {}));
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json).toMatchObject({ flowId: 'work', trigger: 'dry-run', dryRun: true, status: 'failed' });
    expect(answer.json.id).not.toBe(ids.failed);
    const original = (await server.request(`/api/executions/${ids.failed}`)).json;
    expect(answer.json.input.payload).toEqual(original.input.payload);
    expect(await listed('trigger=dry-run')).toContain(answer.json.id);
  });

  it('refuses an input the history kept redacted, naming where', async () => {
    const id = await call('/work', { fail: false }, { authorization: 'Bearer abc123' });
    const answer = await server.request(`/api/executions/${id}/replay`, json('POST', {}));
    expect(answer.status).toBe(409);
    expect(answer.json.error.type).toBe('EXECUTION:NOT_REPLAYABLE');
    expect(answer.json.error.message).toContain('/input/attributes/headers/authorization (redacted)');
    expect(answer.json.error.issues).toEqual([expect.objectContaining({ pointer: '/input/attributes/headers/authorization', code: 'redacted' })]);
  });

  it('refuses an input the history kept cut short', async () => {
    const id = await call('/work', { fail: false, text: 'x'.repeat(10_000) });
    const answer = await server.request(`/api/executions/${id}/replay`, json('POST', {}));
    expect(answer.status).toBe(409);
    expect(answer.json.error.message).toContain('/input/payload (truncated)');
  });

  it('answers 404 for an unknown execution', async () => {
    expect((await server.request('/api/executions/none/replay', json('POST', {}))).status).toBe(404);
  });
});
