/**
 * `/api/flows/:id/tests`: a test run set up in the editor is saved as a case of the flow's test file, which the
 * flow test runner then runs like a hand-written one.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFlowCatalog } from '../../engine/runtime/catalog.js';
import { runFlowTestFile } from '../../engine/flow-tests/index.js';
import { expr, httpFlow, json, registry, startTestServer, step, type TestServer } from './helpers.js';

let server: TestServer;

const guarded = httpFlow('/guarded', [
  {
    id: 'guard',
    type: 'try',
    steps: [step('post', 'http-request', { method: 'POST', url: 'http://127.0.0.1:9/never', body: expr('payload') })],
    catch: [
      {
        id: 'on-status',
        config: { errorTypes: ['HTTP:STATUS'] },
        steps: [step('note', 'set-variable', { name: 'failed', value: expr('error.type') })],
      },
    ],
  },
]);

const failingCase = {
  name: 'the Catch runs when the call answers 500',
  input: { payload: { n: 1 } },
  stubs: { post: { error: { type: 'HTTP:STATUS', message: 'status 500', details: { status: 500 } } } },
  expect: { status: 'succeeded', steps: ['post', 'note'], vars: { failed: 'HTTP:STATUS' } },
};

beforeAll(async () => {
  server = await startTestServer({ flows: { guarded } });
});

afterAll(async () => {
  await server?.close();
});

describe('management API: flow test files', () => {
  it('answers null for a flow without a test file, and 404 for an unknown flow', async () => {
    expect((await server.request('/api/flows/guarded/tests')).json).toEqual({ file: 'flows/guarded.test.json', tests: null });
    expect((await server.request('/api/flows/none/tests')).status).toBe(404);
  });

  it('saves a case into a new test file that the flow test runner passes', async () => {
    const saved = await server.request('/api/flows/guarded/tests/cases', json('POST', failingCase));
    expect(saved.status).toBe(201);
    const text = await readFile(join(server.flowsDir, 'guarded.test.json'), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'flowbus/flow-test@1', cases: [failingCase] });
    expect(JSON.parse(text).$schema).toBe('../schema/flow-test.schema.json');
    const catalog = await loadFlowCatalog([join(server.flowsDir, 'guarded.flow.json')], registry);
    const result = await runFlowTestFile(join(server.flowsDir, 'guarded.test.json'), catalog);
    expect(result.problems).toEqual([]);
    expect(result.cases.map((testCase) => [testCase.name, testCase.passed, testCase.failures])).toEqual([
      [failingCase.name, true, []],
    ]);
  });

  it('replaces a case of the same name and keeps the others', async () => {
    const other = { ...failingCase, name: 'another', expect: { status: 'succeeded' } };
    expect((await server.request('/api/flows/guarded/tests/cases', json('POST', other))).status).toBe(201);
    const renamed = { ...failingCase, expect: { status: 'succeeded' } };
    const replaced = await server.request('/api/flows/guarded/tests/cases', json('POST', renamed));
    expect(replaced.status).toBe(200);
    expect(replaced.json.tests.cases.map((testCase: { name: string }) => testCase.name)).toEqual(['another', failingCase.name]);
  });

  it('refuses a bad case with its place in the test file, and writes nothing', async () => {
    const before = await readFile(join(server.flowsDir, 'guarded.test.json'), 'utf8');
    const bad = { name: 'bad', stubs: { post: { error: { message: 'no type' } } }, expect: {} };
    const answer = await server.request('/api/flows/guarded/tests/cases', json('POST', bad));
    expect(answer.status).toBe(422);
    expect(answer.json.error.issues[0]).toMatchObject({ file: 'flows/guarded.test.json', pointer: '/cases/2/stubs/post/error/type' });
    expect(await readFile(join(server.flowsDir, 'guarded.test.json'), 'utf8')).toBe(before);
  });
});
