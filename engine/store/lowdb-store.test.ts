import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HISTORY_FILE_NAME, STATE_FILE_NAME } from './store-files.js';
import { HISTORY_DIR_NAME, openLowdbStore, type LowdbStoreOptions } from './lowdb-store.js';
import type { Store, StoredExecution } from './types.js';

let dir: string;
const open: Store[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flowbus-store-'));
});
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(open.splice(0).map((store) => store.close()));
  await rm(dir, { recursive: true, force: true });
});

async function openStore(options: Partial<LowdbStoreOptions> = {}) {
  const opened = await openLowdbStore({
    dataDir: dir,
    retention: { maxPerFlow: 100, maxAgeMs: 3_600_000 },
    flushIntervalMs: 0,
    syncHistory: false,
    ...options,
  });
  open.push(opened.store);
  return opened;
}

function execution(id: string, flowId: string, startedAt = Date.now(), status = 'succeeded') {
  return {
    id,
    flowId,
    status: status as StoredExecution['status'],
    trigger: 'http',
    startedAt,
    endedAt: startedAt + 2,
    durationMs: 2,
    input: { payload: { n: id } },
    steps: [],
    logs: [],
  } satisfies StoredExecution;
}

const readJson = async (name: string) => JSON.parse(await readFile(join(dir, name), 'utf8'));
const readState = () => readJson(STATE_FILE_NAME);
/** The execution ids written to the history's segments (record lines after each segment's header). */
async function writtenIds(): Promise<string[]> {
  const folder = join(dir, HISTORY_DIR_NAME);
  const ids: string[] = [];
  for (const name of (await readdir(folder)).filter((file) => file.endsWith('.seg')).sort()) {
    const lines = (await readFile(join(folder, name), 'utf8')).split('\n').slice(1, -1);
    ids.push(...lines.map((line) => JSON.parse(line.slice(9)).id as string));
  }
  return ids;
}
async function reopenStore(options: Partial<LowdbStoreOptions> = {}) {
  await open.pop()!.close();
  return openStore(options);
}

describe('openLowdbStore', () => {
  it('creates the data folder and file, and keeps state across restarts', async () => {
    dir = join(dir, 'nested', 'data');
    const { store } = await openStore();
    await store.setPublishState('echo', { published: false, updatedAt: 1 });
    await store.addExecution(execution('e1', 'echo'));
    await store.close();
    open.length = 0;
    const reopened = (await openStore()).store;
    expect(await reopened.getPublishState('echo')).toEqual({ published: false, updatedAt: 1 });
    expect((await reopened.getExecution('e1'))?.input).toEqual({ payload: { n: 'e1' } });
  });

  it('coalesces a burst of executions into one write after the flush interval', async () => {
    const { store } = await openStore({ flushIntervalMs: 200 });
    await store.flush();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    for (let index = 0; index < 50; index++) await store.addExecution(execution(`e${index}`, 'burst'));
    await vi.advanceTimersByTimeAsync(199);
    expect(await writtenIds()).toEqual([]);
    expect(await store.getExecution('e49')).toBeDefined();
    await vi.advanceTimersByTimeAsync(1);
    // The flush has started; its file writes are real, so wait for them to land.
    await vi.waitFor(async () => expect(await writtenIds()).toHaveLength(50));
  });

  it('keeps the newest executions per flow and drops old ones', async () => {
    const now = Date.now();
    const { store } = await openStore({ retention: { maxPerFlow: 3, maxAgeMs: 60_000 } });
    await store.addExecution(execution('old', 'a', now - 120_000));
    for (let index = 0; index < 5; index++) {
      await store.addExecution(execution(`a${index}`, 'a', now + index));
    }
    await store.addExecution(execution('b0', 'b', now));
    await store.flush();
    const listed = await store.listExecutions({ flowId: 'a' });
    expect(listed.map((item) => item.id)).toEqual(['a4', 'a3', 'a2']);
    expect(await store.getExecution('a0')).toBeUndefined();
    expect(await store.getExecution('old')).toBeUndefined();
    const reopened = (await reopenStore({ retention: { maxPerFlow: 3, maxAgeMs: 60_000 } })).store;
    expect((await reopened.listExecutions()).map((item) => item.id)).toEqual(['a4', 'a3', 'a2', 'b0']);
  });

  it('filters executions by flow, status and time, newest first, up to a limit', async () => {
    const { store } = await openStore();
    const base = Date.now() - 10_000;
    await store.addExecution(execution('x1', 'x', base + 1));
    await store.addExecution(execution('x2', 'x', base + 2, 'failed'));
    await store.addExecution(execution('y1', 'y', base + 3));
    const ids = async (query: Parameters<Store['listExecutions']>[0]) =>
      (await store.listExecutions(query)).map((item) => item.id);
    expect(await ids({})).toEqual(['y1', 'x2', 'x1']);
    expect(await ids({ status: 'failed' })).toEqual(['x2']);
    expect(await ids({ since: base + 2 })).toEqual(['y1', 'x2']);
    expect(await ids({ until: base + 2, flowId: 'x' })).toEqual(['x2', 'x1']);
    expect(await ids({ limit: 1 })).toEqual(['y1']);
    expect(await ids({ flowId: 'none' })).toEqual([]);
  });

  const states = [
    ['half-written JSON', '{"version": 2, "flows": {'],
    ['an empty file', ''],
    ['a wrong shape', '{"version": 2, "flows": [], "connections": {}}'],
    ['an unknown version', '{"version": 7, "flows": {}, "connections": {}}'],
  ];

  it.each(states)('sets aside an old history file holding %s and keeps the state', async (_name, content) => {
    const first = (await openStore()).store;
    await first.setPublishState('quiet', { published: false, updatedAt: 1 });
    await first.putConnection({ name: 'c', type: 't', values: {}, secrets: {}, createdAt: 1, updatedAt: 1 });
    await first.close();
    open.length = 0;
    await writeFile(join(dir, HISTORY_FILE_NAME), content.replace('"flows": {', '"executions": {'));
    const { store, recovered } = await openStore();
    expect(recovered).toHaveLength(1);
    expect(recovered[0]).toMatchObject({ file: join(dir, HISTORY_FILE_NAME) });
    expect(recovered[0]!.restoredFrom).toBeUndefined();
    expect(recovered[0]!.movedTo).toMatch(/flowbus-history\.json\.corrupt-/);
    expect(await store.getPublishState('quiet')).toEqual({ published: false, updatedAt: 1 });
    expect((await store.listConnections()).map((connection) => connection.name)).toEqual(['c']);
    expect(await readFile(recovered[0]!.movedTo, 'utf8')).toBe(content.replace('"flows": {', '"executions": {'));
    expect(await readdir(dir)).not.toContain(HISTORY_FILE_NAME);
  });

  it('moves an old history file into segments once, and keeps the file renamed', async () => {
    const old = { version: 1, executions: { echo: [execution('e1', 'echo'), execution('e2', 'echo')], x: [execution('x1', 'x')] } };
    await writeFile(join(dir, HISTORY_FILE_NAME), JSON.stringify(old));
    const { store, migration } = await openStore();
    expect(migration).toMatchObject({ migrated: 3, keptAs: expect.stringMatching(/flowbus-history\.json\.migrated-/) });
    expect(JSON.parse(await readFile(migration.keptAs!, 'utf8'))).toEqual(old);
    expect((await writtenIds()).sort()).toEqual(['e1', 'e2', 'x1']);
    expect((await store.getExecution('e2'))?.input).toEqual({ payload: { n: 'e2' } });
    const again = await reopenStore();
    expect(again.migration).toEqual({ migrated: 0 });
    expect((await again.store.listExecutions({ flowId: 'echo' })).map((item) => item.id).sort()).toEqual(['e1', 'e2']);
  });

  it('does not add an execution twice when a migration cut short by a crash runs again', async () => {
    const old = { version: 1, executions: { echo: [execution('e1', 'echo'), execution('e2', 'echo')] } };
    await writeFile(join(dir, HISTORY_FILE_NAME), JSON.stringify(old));
    await openStore();
    await open.pop()!.close();
    // As if the process died after writing the segments and before renaming the old file.
    await writeFile(join(dir, HISTORY_FILE_NAME), JSON.stringify(old));
    const { store, migration } = await openStore();
    expect(migration.migrated).toBe(0);
    expect(await store.listExecutions()).toHaveLength(2);
    expect((await writtenIds()).sort()).toEqual(['e1', 'e2']);
  });

  it.each(states)('sets aside a state file holding %s and restores its last good copy', async (_name, content) => {
    const first = (await openStore()).store;
    await first.setPublishState('quiet', { published: false, updatedAt: 1 });
    await first.close();
    open.length = 0;
    await writeFile(join(dir, STATE_FILE_NAME), content);
    const { store, recovered } = await openStore();
    expect(recovered).toHaveLength(1);
    expect(recovered[0]).toMatchObject({ file: join(dir, STATE_FILE_NAME), restoredFrom: `${join(dir, STATE_FILE_NAME)}.bak` });
    expect(await readFile(recovered[0]!.movedTo, 'utf8')).toBe(content);
    expect(await store.getPublishState('quiet')).toEqual({ published: false, updatedAt: 1 });
  });

  it('starts an empty state when the state file and its copy are both unusable', async () => {
    await writeFile(join(dir, STATE_FILE_NAME), '{"half');
    await writeFile(join(dir, `${STATE_FILE_NAME}.bak`), '[]');
    const { store, recovered } = await openStore();
    expect(recovered).toMatchObject([{ file: join(dir, STATE_FILE_NAME), reason: expect.stringContaining('JSON') }]);
    expect(recovered[0]!.restoredFrom).toBeUndefined();
    expect(await store.listPublishStates()).toEqual({});
  });

  it('splits a single-file store (version 1) into state and history', async () => {
    const legacy = {
      version: 1,
      flows: { quiet: { published: false, updatedAt: 1 } },
      connections: {},
      executions: { echo: [execution('e1', 'echo')] },
    };
    await writeFile(join(dir, STATE_FILE_NAME), JSON.stringify(legacy));
    const { store, recovered } = await openStore();
    expect(recovered).toEqual([]);
    expect(await store.getExecution('e1')).toBeDefined();
    expect(await readState()).toEqual({ version: 2, flows: legacy.flows, connections: {} });
    expect(await writtenIds()).toEqual(['e1']);
  });

  it('keeps the state of a single-file store whose history is damaged', async () => {
    const legacy = { version: 1, flows: { quiet: { published: false, updatedAt: 1 } }, connections: {}, executions: { echo: 5 } };
    await writeFile(join(dir, STATE_FILE_NAME), JSON.stringify(legacy));
    const { store, recovered } = await openStore();
    expect(recovered).toMatchObject([{ reason: 'its history is unusable: the executions of flow "echo" are not a list of records' }]);
    expect(await store.getPublishState('quiet')).toEqual({ published: false, updatedAt: 1 });
  });

  it('removes a temp file left by an interrupted write', async () => {
    await writeFile(join(dir, `.${STATE_FILE_NAME}.tmp`), '{"half');
    await writeFile(join(dir, `.${HISTORY_FILE_NAME}.tmp`), '{"half');
    await openStore();
    expect((await readdir(dir)).sort()).toEqual([STATE_FILE_NAME, `${STATE_FILE_NAME}.bak`, HISTORY_DIR_NAME].sort());
  });

  it('stores and deletes connections and publish states', async () => {
    const { store } = await openStore();
    const secrets = { k: 'v1.x.y.z' };
    const connection = { name: 'c', type: 't', values: {}, secrets, createdAt: 1, updatedAt: 1 };
    await store.putConnection(connection);
    expect(await store.getConnection('c')).toEqual(connection);
    expect(await store.getConnection('constructor')).toBeUndefined();
    expect(await store.deleteConnection('c')).toBe(true);
    expect(await store.deleteConnection('c')).toBe(false);
    await store.setPublishState('f', { published: true, updatedAt: 2 });
    expect(await store.listPublishStates()).toEqual({ f: { published: true, updatedAt: 2 } });
    await store.deletePublishState('f');
    expect((await readState()).flows).toEqual({});
  });
});
