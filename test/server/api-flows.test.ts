import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFlow } from '../../engine/flow/canonical.js';
import {
  expr,
  httpFlow,
  json,
  raw,
  registry,
  setPayload,
  startTestServer,
  step,
  type TestServer,
} from './helpers.js';

let server: TestServer;

const greet = httpFlow('/greet', [setPayload('hello', expr('"hello " & payload.name'))]);
const notify = httpFlow('/notify', [
  step('post', 'http-request', { method: 'POST', url: 'http://127.0.0.1:9/never', body: expr('payload') }),
  { id: 'done', type: 'set-variable', config: { name: 'sent', value: true } },
]);

beforeAll(async () => {
  server = await startTestServer({ flows: { notify } });
});

afterAll(async () => {
  await server?.close();
});

describe('management API: flows', () => {
  it('serves the step registry manifest for the editor', async () => {
    const { json: body } = await server.request('/api/steps');
    const http = body.steps.find((step: { type: string }) => step.type === 'http');
    expect(http).toMatchObject({ kind: 'trigger', category: 'trigger', title: 'HTTP', sideEffects: false });
    expect(http.config.properties.path.type).toBe('string');
    expect(body.steps.find((step: { type: string }) => step.type === 'http-request').sideEffects).toBe(true);
    expect((await server.request('/api/steps/set-payload')).json.type).toBe('set-payload');
    expect((await server.request('/api/steps/nope')).status).toBe(404);
  });

  it('creates a flow: canonical file on disk, served at once', async () => {
    const created = await server.request('/api/flows', json('POST', { id: 'greet', document: greet }));
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/api/flows/greet');
    expect(created.headers.get('etag')).toBe(`"${created.json.version}"`);
    const file = 'flows/greet.flow.json';
    expect(created.json).toMatchObject({ id: 'greet', status: 'published', file, issues: [] });
    const onDisk = await readFile(join(server.flowsDir, 'greet.flow.json'), 'utf8');
    expect(onDisk).toBe(formatFlow(greet, registry));
    expect((await server.request('/greet', json('POST', { name: 'Ada' }))).text).toBe('hello Ada');
  });

  it.each([
    ['an existing id', { id: 'greet', document: greet }, 409, 'FLOW:EXISTS'],
    ['an id that is not a slug', { id: 'Bad Id', document: greet }, 422, 'VALIDATION'],
    ['an invalid document', { id: 'nameless', document: { ...greet, name: undefined } }, 422, 'VALIDATION'],
    ['no id', { document: greet }, 400, 'API:BAD_REQUEST'],
    ['a path under /api', { id: 'shadow', document: httpFlow('/api/flows') }, 422, 'VALIDATION'],
  ])('refuses to create a flow with %s', async (_name, body, status, type) => {
    const answer = await server.request('/api/flows', json('POST', body));
    expect([answer.status, answer.json.error.type]).toEqual([status, type]);
  });

  it('lists the problems of a refused document and writes nothing', async () => {
    const document = { ...greet, name: '' };
    const answer = await server.request('/api/flows', json('POST', { id: 'nameless', document }));
    const issue = expect.objectContaining({ pointer: '/name', code: 'wrong-type' });
    expect(answer.json.error.issues).toEqual([issue]);
    await expect(stat(join(server.flowsDir, 'nameless.flow.json'))).rejects.toThrow();
  });

  it('updates only the version the caller read when If-Match is given', async () => {
    const current = await server.request('/api/flows/greet');
    const changed = httpFlow('/greet', [setPayload('hello', 'hi there')]);
    const stale = await server.request('/api/flows/greet', json('PUT', changed, { 'if-match': '"0000"' }));
    expect([stale.status, stale.json.error.type]).toEqual([412, 'FLOW:VERSION_MISMATCH']);
    const etag = current.headers.get('etag')!;
    const updated = await server.request('/api/flows/greet', json('PUT', changed, { 'if-match': etag }));
    expect(updated.status).toBe(200);
    expect(updated.json.version).not.toBe(current.json.version);
    expect((await server.request('/greet', json('POST', {}))).text).toBe('hi there');
  });

  // Regression: a change on disk that the file watcher missed must still stop a save based on the old version.
  it('refuses a save based on a version that was changed on disk behind its back', async () => {
    const current = await server.request('/api/flows/greet');
    const etag = current.headers.get('etag')!;
    const onDisk = httpFlow('/greet', [setPayload('hello', 'edited by hand')]);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(server.flowsDir, 'greet.flow.json'), formatFlow(onDisk));
    const save = await server.request('/api/flows/greet', json('PUT', httpFlow('/greet', [setPayload('hello', 'x')]), { 'if-match': etag }));
    expect([save.status, save.json.error.type]).toEqual([412, 'FLOW:VERSION_MISMATCH']);
    expect(await readFile(join(server.flowsDir, 'greet.flow.json'), 'utf8')).toContain('edited by hand');
  });

  it('validates a document without saving it', async () => {
    const document = { ...greet, steps: {} };
    const bad = await server.request('/api/flows/validate', json('POST', { document }));
    expect(bad.json).toEqual({ valid: false, issues: [expect.objectContaining({ pointer: '/steps' })], warnings: [] });
    const good = await server.request('/api/flows/validate', json('POST', { id: 'x', document: greet }));
    expect(good.json).toEqual({ valid: true, issues: [], warnings: [] });
  });

  it('unpublishes and publishes a flow', async () => {
    const action = (name: string) => server.request(`/api/flows/greet/${name}`, { method: 'POST' });
    expect((await action('unpublish')).json.status).toBe('unpublished');
    expect((await server.request('/greet', json('POST', {}))).status).toBe(404);
    expect((await action('publish')).json.status).toBe('published');
    expect((await server.request('/greet', json('POST', {}))).status).toBe(200);
  });

  it('dry-runs a flow: side effects stubbed, the full trace returned and kept in the history', async () => {
    const input = { payload: { n: 1 } };
    const answer = await server.request('/api/flows/notify/dry-run', json('POST', { input }));
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      flowId: 'notify',
      status: 'succeeded',
      trigger: 'dry-run',
      dryRun: true,
      steps: [
        { stepId: 'post', status: 'stubbed' },
        { stepId: 'done', status: 'succeeded' },
      ],
      result: { vars: { sent: true } },
    });
    const listed = await server.request('/api/executions?flow=notify');
    expect(listed.json.executions.map((item: { id: string }) => item.id)).toContain(answer.json.id);
    const byTrigger = async (trigger: string) =>
      (await server.request(`/api/executions?trigger=${trigger}`)).json.executions.map((item: { id: string }) => item.id);
    expect(await byTrigger('dry-run')).toContain(answer.json.id);
    expect(await byTrigger('http')).not.toContain(answer.json.id);
  });

  it.each([
    ['an unknown flow', '/api/flows/none/dry-run', {}, 404],
    ['an invalid document', '/api/flows/notify/dry-run', { document: { format: 'x' } }, 422],
    ['a bad input', '/api/flows/notify/dry-run', { input: 5 }, 400],
  ])('refuses a dry run of %s', async (_name, path, body, status) => {
    expect((await server.request(path, json('POST', body))).status).toBe(status);
  });

  it('deletes a flow and its file', async () => {
    expect((await server.request('/api/flows/greet', { method: 'DELETE' })).status).toBe(204);
    await expect(stat(join(server.flowsDir, 'greet.flow.json'))).rejects.toThrow();
    expect((await server.request('/api/flows/greet')).status).toBe(404);
    expect((await server.request('/greet', json('POST', {}))).status).toBe(404);
    expect((await server.request('/api/flows/greet', { method: 'DELETE' })).status).toBe(404);
  });

  it('answers an unknown route with 404 and malformed JSON with 400, as JSON', async () => {
    expect((await server.request('/api/nothing')).json.error.type).toBe('API:NOT_FOUND');
    const malformed = await server.request('/api/flows', raw('POST', 'application/json', '{'));
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.message).toMatch(/^malformed JSON body/);
  });
});
