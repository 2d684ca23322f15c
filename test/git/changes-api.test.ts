/**
 * `/api/changes` and `/api/flows/:id/changes` on a server whose flows folder is a git work tree, and on one
 * whose folder is not.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRegistry } from '../../app/registry.js';
import { connectorConnectionTypes } from '../../connectors/index.js';
import { startServer, type RunningServer } from '../../engine/server/index.js';
import { createTestRepo, storyFlow, type TestRepo } from './repo.js';

let repo: TestRepo;
const servers: RunningServer[] = [];
const folders: string[] = [];

async function serve(flowsDir: string, dataDir: string): Promise<RunningServer> {
  const server = await startServer({
    registry: createAppRegistry(),
    connectionTypes: connectorConnectionTypes,
    port: 0,
    host: '127.0.0.1',
    flowsDir,
    dataDir,
    env: { FLOWBUS_SECRET_KEY: randomBytes(32).toString('base64') },
    logWrite: () => {},
    handleSignals: false,
  });
  servers.push(server);
  return server;
}

async function api(server: RunningServer, path: string, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(`${server.url}/api${path}`, {
    method: init.method ?? 'GET',
    headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, json: await response.json() };
}

let server: RunningServer;
beforeAll(async () => {
  repo = await createTestRepo();
  await repo.writeDocument('flows/alarm-to-wecom.flow.json', await storyFlow('alarm-to-wecom'));
  await repo.writeDocument('flows/stock-batch.flow.json', await storyFlow('stock-batch'));
  await repo.commitAll('two flows');
  server = await serve(join(repo.dir, 'flows'), join(repo.dir, 'data'));
}, 60_000);
afterAll(async () => {
  for (const running of servers) await running.close();
  await repo.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

describe('the changes API', () => {
  it('lists nothing right after a commit', async () => {
    expect(await api(server, '/changes')).toEqual({ status: 200, json: { git: true, files: [] } });
    expect((await api(server, '/flows/alarm-to-wecom/changes')).json).toEqual({ git: true, file: 'flows/alarm-to-wecom.flow.json', status: 'unchanged', changes: [] });
  });

  it('lists a flow saved through the API with its step changes, and a new flow as added', async () => {
    const { json: detail } = await api(server, '/flows/alarm-to-wecom');
    detail.document.steps[2].steps[0].config.msgType = 'text';
    expect((await api(server, '/flows/alarm-to-wecom', { method: 'PUT', body: detail.document })).status).toBe(200);
    expect((await api(server, '/flows', { method: 'POST', body: { id: 'echo', document: { format: 'flowbus/flow@1', name: 'Echo', trigger: { id: 'in', type: 'http', config: { path: '/echo' } }, steps: [] } } })).status).toBe(201);
    const { json } = await api(server, '/changes');
    expect(json.files).toEqual([
      { file: 'alarm-to-wecom.flow.json', kind: 'flow', id: 'alarm-to-wecom', status: 'modified', changes: 1 },
      { file: 'echo.flow.json', kind: 'flow', id: 'echo', status: 'added', changes: expect.any(Number) },
    ]);
    expect((await api(server, '/flows/alarm-to-wecom/changes')).json.changes).toEqual([
      { change: 'changed', node: 'step', id: 'send', type: 'wecom-robot', pointer: '/config/msgType', before: 'markdown', after: 'text' },
    ]);
    expect((await api(server, '/flows/echo/changes')).json.status).toBe('added');
  });

  it('compares an unsaved draft with the last commit', async () => {
    const { json: detail } = await api(server, '/flows/stock-batch');
    detail.document.name = 'Stock batches';
    const { json } = await api(server, '/flows/stock-batch/changes', { method: 'POST', body: { document: detail.document } });
    expect(json).toMatchObject({ status: 'modified', changes: [{ change: 'changed', node: 'root', pointer: '/name', after: 'Stock batches' }] });
  });

  it.each([
    ['/flows/nope/changes', 'GET', undefined, 404, 'FLOW:NOT_FOUND'],
    ['/flows/stock-batch/changes', 'POST', { draft: {} }, 400, 'API:BAD_REQUEST'],
  ])('answers %s %s with %i %s', async (path, method, body, status, type) => {
    const answer = await api(server, path, { method, body });
    expect(answer.status).toBe(status);
    expect(answer.json.error.type).toBe(type);
  });

  it('says git is false for a flows folder outside any git work tree', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'flowbus-nogit-'));
    folders.push(folder);
    const plain = await serve(join(folder, 'flows'), join(folder, 'data'));
    expect((await api(plain, '/changes')).json).toEqual({ git: false, files: [] });
  });
});
