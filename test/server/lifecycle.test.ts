import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHistoryRecords } from './history-files.js';
import {
  eventually,
  expr,
  httpFlow,
  json,
  readAnswer,
  setPayload,
  startSlowServer,
  startTestServer,
  step,
} from './helpers.js';

let slow: Awaited<ReturnType<typeof startSlowServer>>;

beforeAll(async () => {
  slow = await startSlowServer();
});
afterAll(async () => {
  await slow?.close();
});

const STORE = 'flowbus-store.json';
const HISTORY = 'flowbus-history.json';
const slowFlow = (ms: number) =>
  httpFlow('/slow', [
    step('wait', 'http-request', { method: 'GET', url: `${slow.url}/?ms=${ms}`, outputVariable: 'r' }),
    setPayload('done', expr('"waited"')),
  ]);
const quick = httpFlow('/quick', [setPayload('n', expr('payload.n'))]);
const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8'));

describe('execution history retention', () => {
  it('keeps the newest executions per flow, in memory and in the history segments', async () => {
    const history = { maxPerFlow: 3, flushIntervalMs: 20 };
    const root = await mkdtemp(join(tmpdir(), 'flowbus-retention-'));
    try {
      const server = await startTestServer({ root, flows: { quick }, server: { history } });
      try {
        for (let n = 1; n <= 6; n++) await server.request('/quick', json('POST', { n }));
        const listed = await server.request('/api/executions?flow=quick');
        expect(listed.json.executions).toHaveLength(3);
        const written = async () => {
          const records = await readHistoryRecords(server.dataDir);
          return records.map((item) => (item as { result: { payload: number } }).result.payload);
        };
        await eventually(async () => (await written()).at(-1) === 6);
        // Records are appended in order; one that retention dropped before its flush may never be written.
        const appended = await written();
        expect(appended.slice(-3)).toEqual([4, 5, 6]);
        expect(appended).toEqual([...appended].sort((a, b) => a - b));
      } finally {
        await server.close();
      }
      const again = await startTestServer({ root, server: { history } });
      try {
        const kept = (await again.request('/api/executions?flow=quick')).json.executions as Array<{ id: string }>;
        const payloads = await Promise.all(
          kept.map(async ({ id }) => (await again.request(`/api/executions/${id}`)).json.result.payload),
        );
        expect(payloads).toEqual([6, 5, 4]);
      } finally {
        await again.close();
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('drops executions older than the age limit at start', async () => {
    const startedAt = Date.now() - 3 * 3_600_000;
    const old = { id: 'old-1', flowId: 'quick', status: 'succeeded', trigger: 'http', startedAt };
    const recent = { ...old, id: 'recent-1', startedAt: Date.now() - 60_000 };
    const store = { version: 1, flows: {}, connections: {}, executions: { quick: [old, recent] } };
    const server = await startTestServer({
      flows: { quick },
      server: { history: { maxAgeHours: 1 } },
      dataFiles: { [STORE]: JSON.stringify(store) },
    });
    try {
      const listed: Array<{ id: string }> = (await server.request('/api/executions')).json.executions;
      expect(listed.map((item) => item.id)).toEqual(['recent-1']);
    } finally {
      await server.close();
    }
  });
});

describe('start and stop', () => {
  it('sets a corrupt data file aside, says so, and still serves the flows', async () => {
    const half = '{"version":1,"flows":{"quick":{"published":fal';
    const server = await startTestServer({ flows: { quick }, dataFiles: { [STORE]: half } });
    try {
      expect((await server.request('/quick', json('POST', { n: 7 }))).text).toBe('7');
      const kept = (await readdir(server.dataDir)).find((name) => name.startsWith(`${STORE}.corrupt-`));
      expect(kept).toBeDefined();
      expect(await readFile(join(server.dataDir, kept!), 'utf8')).toBe(half);
      const entries = server.logs.map((text) => JSON.parse(text));
      const line = entries.find((entry) => /^the data file .* was unusable/.test(entry.msg));
      expect(line).toMatchObject({ level: 'error', movedTo: join(server.dataDir, kept!) });
      expect((await readJson(join(server.dataDir, STORE))).version).toBe(2);
      const health = await server.request('/api/health');
      expect([health.status, health.json.status]).toEqual([200, 'degraded']);
      expect(health.json.problems).toMatchObject([{ component: 'store', details: { movedTo: join(server.dataDir, kept!) } }]);
    } finally {
      await server.close();
    }
  });

  // Regression: a corrupt store file used to take the publish switches and connections with it.
  it('keeps publish switches and connections when the history file is corrupt, and says degraded', async () => {
    const root = await mkdtemp(join(tmpdir(), 'flowbus-history-'));
    try {
      const first = await startTestServer({ root, flows: { quick } });
      await first.request('/api/flows/quick/unpublish', { method: 'POST' });
      const connection = { name: 'ops-auth', type: 'http-auth', values: { token: 'abcdefghijklmnop-1' } };
      expect((await first.request('/api/connections', json('POST', connection))).status).toBe(201);
      await first.close();
      const broken = '{"version":1,"executions":{"quick":[{"id":';
      await writeFile(join(root, 'data', HISTORY), broken);
      const second = await startTestServer({ root });
      try {
        expect((await second.request('/api/flows/quick')).json.status).toBe('unpublished');
        expect((await second.request('/quick', json('POST', { n: 1 }))).status).toBe(404);
        const names = (await second.request('/api/connections')).json.connections.map((item: { name: string }) => item.name);
        expect(names).toEqual(['ops-auth']);
        const health = await second.request('/api/health');
        expect(health.json).toMatchObject({ status: 'degraded', problems: [{ component: 'store-history' }] });
        expect(health.json.problems[0].message).toContain('publish switches and connections are not affected');
        const kept = (await readdir(join(root, 'data'))).find((name) => name.startsWith(`${HISTORY}.corrupt-`));
        expect(await readFile(join(root, 'data', kept!), 'utf8')).toBe(broken);
      } finally {
        await second.close();
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('keeps the publish switch across a restart', async () => {
    const root = await mkdtemp(join(tmpdir(), 'flowbus-restart-'));
    try {
      const first = await startTestServer({ root, flows: { quick } });
      await first.request('/api/flows/quick/unpublish', { method: 'POST' });
      await first.close();
      const second = await startTestServer({ root });
      expect((await second.request('/api/flows/quick')).json.status).toBe('unpublished');
      expect((await second.request('/quick', json('POST', { n: 1 }))).status).toBe(404);
      await second.close();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('lets running executions finish on close, refuses new connections, flushes the history', async () => {
    const root = await mkdtemp(join(tmpdir(), 'flowbus-close-'));
    const server = await startTestServer({
      root,
      flows: { slow: slowFlow(400) },
      server: { history: { flushIntervalMs: 60_000 } },
    });
    try {
      const running = server.request('/slow', json('POST', {}));
      await eventually(async () => (await server.request('/api/ready')).json.runningExecutions === 1);
      const closing = server.close();
      const refused = () => fetch(`${server.url}/api/health`).then(() => false, () => true);
      await eventually(refused);
      const answer = await running;
      expect([answer.status, answer.text]).toEqual([200, 'waited']);
      await closing;
      const [record] = await readHistoryRecords(join(root, 'data'));
      expect(record).toMatchObject({ id: answer.headers.get('x-flowbus-execution'), status: 'succeeded' });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('cancels executions still running after the shutdown bound and records them', async () => {
    const root = await mkdtemp(join(tmpdir(), 'flowbus-shutdown-'));
    const server = await startTestServer({
      root,
      flows: { slow: slowFlow(10_000) },
      server: { limits: { shutdownTimeoutMs: 200 }, history: { flushIntervalMs: 60_000 } },
    });
    try {
      const running = server.request('/slow', json('POST', {}));
      await eventually(async () => (await server.request('/api/ready')).json.runningExecutions === 1);
      const started = Date.now();
      await server.close();
      expect(Date.now() - started).toBeLessThan(3000);
      const answer = await running;
      expect(answer.status).toBe(503);
      expect(answer.json.error.type).toBe('CANCELLED');
      const [record] = await readHistoryRecords(join(root, 'data'));
      expect(record).toMatchObject({ id: answer.json.error.executionId, status: 'cancelled' });
      const warning = 'cancelled 1 execution(s) still running after 200 ms';
      expect(server.logs.some((line) => line.includes(warning))).toBe(true);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('shuts down on SIGTERM: the running request is answered, the history written, exit code 0', async () => {
    const root = await mkdtemp(join(tmpdir(), 'flowbus-sigterm-'));
    await mkdir(join(root, 'flows'));
    await writeFile(join(root, 'flows', 'slow.flow.json'), JSON.stringify(slowFlow(500)));
    const script = fileURLToPath(new URL('./fixtures/serve.ts', import.meta.url));
    const args = ['--import', 'tsx', script, join(root, 'flows'), join(root, 'data')];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`server exited early with ${code}: ${output}`)));
        child.stdout!.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /READY (\S+)/.exec(output);
          if (match) resolve(match[1]!);
        });
      });
      child.removeAllListeners('exit');
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const pending = fetch(`${url}/slow`, json('POST', {})).then(readAnswer);
      const ready = async () => (await readAnswer(await fetch(`${url}/api/ready`))).json;
      const running = async () => (await ready()).runningExecutions;
      await eventually(async () => (await running()) === 1);
      child.kill('SIGTERM');
      expect((await pending).text).toBe('waited');
      expect(await exited).toBe(0);
      expect(output).toContain('received SIGTERM: shutting down');
      expect((await readHistoryRecords(join(root, 'data')))[0]).toMatchObject({ flowId: 'slow', status: 'succeeded' });
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await rm(root, { recursive: true, force: true });
    }
  });
});
