/**
 * @module Tests of the segment history: reopening, filters, retention by count and age (whole segments
 * deleted, sparse ones compacted), a torn tail cut off, corrupt and unusable records reported and kept aside.
 */
import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { frameRecord } from '../segments/index.js';
import type { StoredExecution } from '../types.js';
import { ExecutionHistory, type ExecutionHistoryOptions, type RecordDamage } from './execution-history.js';

let dir: string;
const opened: ExecutionHistory[] = [];
const NOW = Date.UTC(2026, 5, 1);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flowbus-history-'));
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((history) => history.close()));
  await rm(dir, { recursive: true, force: true });
});

async function openHistory(options: Partial<ExecutionHistoryOptions> = {}) {
  const result = await ExecutionHistory.open({
    dir,
    retention: { maxPerFlow: 1000, maxAgeMs: 3_600_000 },
    flushIntervalMs: 0,
    sync: false,
    now: () => NOW,
    ...options,
  });
  opened.push(result.history);
  return result;
}

async function reopen(options: Partial<ExecutionHistoryOptions> = {}) {
  await opened.pop()!.close();
  return openHistory(options);
}

function execution(id: string, flowId: string, startedAt = NOW - 1000, extra: Partial<StoredExecution> = {}) {
  return {
    id,
    flowId,
    status: 'succeeded',
    trigger: 'http',
    startedAt,
    endedAt: startedAt + 2,
    durationMs: 2,
    input: { payload: { n: id, text: 'x'.repeat(200) } },
    steps: [],
    logs: [],
    ...extra,
  } satisfies StoredExecution;
}

const segmentFiles = async () => (await readdir(dir)).filter((name) => name.endsWith('.seg')).sort();
const ids = (history: ExecutionHistory, query = {}) => history.list(query).map((item) => item.id);

describe('ExecutionHistory', () => {
  it('keeps records across a restart, with their index rebuilt from the segments', async () => {
    const { history } = await openHistory();
    history.add(execution('a1', 'a', NOW - 30, { status: 'failed', error: { type: 'HTTP:STATUS', message: 'm' } }));
    history.add(execution('a2', 'a', NOW - 20));
    expect(await history.get('a2')).toMatchObject({ id: 'a2' });
    await history.flush();
    const { history: again, damage } = await reopen();
    expect(damage.damaged).toEqual([]);
    expect(again.size).toBe(2);
    expect((await again.get('a1'))?.input).toEqual(execution('a1', 'a').input);
    expect(again.list({ flowId: 'a' })).toEqual([
      expect.objectContaining({ id: 'a2', status: 'succeeded' }),
      expect.objectContaining({ id: 'a1', status: 'failed', error: { type: 'HTTP:STATUS', message: 'm' } }),
    ]);
    expect(await again.get('missing')).toBeUndefined();
  });

  it('filters by flow, status, trigger and time, newest first, up to a limit', async () => {
    const { history } = await openHistory();
    history.add(execution('x1', 'x', NOW - 50));
    history.add(execution('x2', 'x', NOW - 40, { status: 'failed' }));
    history.add(execution('y1', 'y', NOW - 30, { trigger: 'event' }));
    // Ends before one that started earlier: the list is still in start order.
    history.add(execution('x0', 'x', NOW - 60));
    await history.flush();
    const { history: again } = await reopen();
    for (const shown of [again]) {
      expect(ids(shown)).toEqual(['y1', 'x2', 'x1', 'x0']);
      expect(ids(shown, { status: 'failed' })).toEqual(['x2']);
      expect(ids(shown, { trigger: 'event' })).toEqual(['y1']);
      expect(ids(shown, { since: NOW - 40 })).toEqual(['y1', 'x2']);
      expect(ids(shown, { until: NOW - 40, flowId: 'x' })).toEqual(['x2', 'x1', 'x0']);
      expect(ids(shown, { since: NOW - 50, until: NOW - 40 })).toEqual(['x2', 'x1']);
      expect(ids(shown, { limit: 2 })).toEqual(['y1', 'x2']);
      expect(ids(shown, { flowId: 'none' })).toEqual([]);
    }
  });

  it('keeps the newest per flow and deletes segments once retention dropped everything in them', async () => {
    const { history } = await openHistory({ retention: { maxPerFlow: 10, maxAgeMs: 3_600_000 }, segmentBytes: 2000 });
    for (let index = 0; index < 60; index++) {
      history.add(execution(`a${index}`, 'a', NOW - 1000 + index));
      await history.flush();
    }
    history.add(execution('b0', 'b'));
    await history.flush();
    expect(history.size).toBe(11);
    expect(ids(history, { flowId: 'a' })).toEqual(Array.from({ length: 10 }, (_, index) => `a${59 - index}`));
    // The lists by status and trigger lose the dropped ones too.
    expect(ids(history, { status: 'succeeded', limit: 100 })).toHaveLength(11);
    expect(ids(history, { trigger: 'http', flowId: 'a', limit: 100 })).toHaveLength(10);
    expect(await history.get('a49')).toBeUndefined();
    // 61 records of about 400 bytes in segments of 2000 bytes: only the ones holding the kept 11 are left.
    expect((await segmentFiles()).length).toBeLessThanOrEqual(5);
    const { history: again } = await reopen({ retention: { maxPerFlow: 10, maxAgeMs: 3_600_000 } });
    expect(again.size).toBe(11);
    expect((await again.get('a50'))?.id).toBe('a50');
  });

  it('drops executions older than the age bound, on write and on reopen', async () => {
    let now = NOW;
    const { history } = await openHistory({ now: () => now, retention: { maxPerFlow: 100, maxAgeMs: 60_000 } });
    history.add(execution('old', 'a', NOW - 120_000));
    history.add(execution('fresh', 'a', NOW - 1000));
    history.add(execution('other', 'b', NOW - 30_000));
    expect(ids(history)).toEqual(['fresh', 'other']);
    await history.flush();
    now = NOW + 40_000;
    const { history: again } = await reopen({ now: () => now, retention: { maxPerFlow: 100, maxAgeMs: 60_000 } });
    expect(ids(again)).toEqual(['fresh']);
    expect(await again.get('other')).toBeUndefined();
  });

  it('copies the few live records of a mostly dropped segment forward, then deletes it', async () => {
    const retention = { maxPerFlow: 2, maxAgeMs: 3_600_000 };
    const { history } = await openHistory({ retention, segmentBytes: 4000 });
    history.add(execution('quiet', 'quiet', NOW - 5000));
    for (let index = 0; index < 40; index++) history.add(execution(`busy${index}`, 'busy', NOW - 4000 + index));
    await history.flush();
    const first = (await segmentFiles())[0];
    for (let index = 40; index < 60; index++) {
      history.add(execution(`busy${index}`, 'busy', NOW - 4000 + index));
      await history.flush();
    }
    expect(await segmentFiles()).not.toContain(first);
    expect((await history.get('quiet'))?.flowId).toBe('quiet');
    const { history: again } = await reopen({ retention });
    expect(ids(again)).toEqual(['busy59', 'busy58', 'quiet']);
    expect((await again.get('quiet'))?.id).toBe('quiet');
  });

  it('cuts off a torn tail left by a crash and reports it; the records before it stay', async () => {
    const { history } = await openHistory();
    history.add(execution('a1', 'a'));
    await history.flush();
    const [segment] = await segmentFiles();
    await appendFile(join(dir, segment!), frameRecord(JSON.stringify(execution('a2', 'a'))).subarray(0, 40));
    const { history: again, damage } = await reopen();
    expect(damage.damaged).toEqual([
      expect.objectContaining({ file: join(dir, segment!), damages: [expect.objectContaining({ kind: 'torn-tail' })] }),
    ]);
    expect(ids(again)).toEqual(['a1']);
  });

  it('keeps a segment with a corrupt record aside and lists every intact record', async () => {
    const { history } = await openHistory();
    for (const id of ['a1', 'a2', 'a3']) history.add(execution(id, 'a', NOW - 100 + Number(id[1])));
    await history.flush();
    const [segment] = await segmentFiles();
    const path = join(dir, segment!);
    const bytes = await readFile(path);
    bytes[bytes.indexOf('"a2"') + 1] = 'z'.charCodeAt(0);
    await writeFile(path, bytes);
    const { history: again, damage } = await reopen();
    const [damaged] = damage.damaged;
    expect(damaged).toMatchObject({ file: path, damages: [{ kind: 'corrupt', reason: 'checksum mismatch' }] });
    expect(await readFile(damaged!.keptAs!)).toEqual(bytes);
    expect(ids(again)).toEqual(['a3', 'a1']);
    const { damage: later } = await reopen();
    expect(later.keptAside).toEqual([expect.stringMatching(/\.seg\.corrupt-/)]);
  });

  it('keeps aside and reports a record whose checksum holds but which is no execution', async () => {
    const { history } = await openHistory();
    history.add(execution('a1', 'a'));
    await history.flush();
    const [segment] = await segmentFiles();
    await appendFile(join(dir, segment!), frameRecord(JSON.stringify({ id: 'q', flowId: 'a', status: 1 })));
    const { history: again, damage } = await reopen();
    expect(damage.records).toEqual([
      expect.objectContaining({ file: join(dir, segment!), reason: 'not an execution record: "status" is not a string' }),
    ]);
    expect(damage.records[0]!.keptAs).toMatch(/\.corrupt-/);
    expect(ids(again)).toEqual(['a1']);
  });

  it('answers a record damaged after opening with an error saying where, and reports it', async () => {
    const reported: RecordDamage[] = [];
    const { history } = await openHistory({ onDamage: (damage) => reported.push(damage) });
    history.add(execution('a1', 'a'));
    await history.flush();
    const [segment] = await segmentFiles();
    const path = join(dir, segment!);
    const bytes = await readFile(path);
    bytes[bytes.indexOf('"payload"') + 2] = 'P'.charCodeAt(0);
    await writeFile(path, bytes);
    await expect(history.get('a1')).rejects.toThrow(/execution "a1": the record in .*\.seg at byte \d+ is unusable \(checksum mismatch\)/);
    expect(reported).toEqual([expect.objectContaining({ file: path, reason: 'checksum mismatch' })]);
  });

  it('records the same id again as one execution, the newest record winning', async () => {
    const { history } = await openHistory();
    history.add(execution('a1', 'a', NOW - 10, { status: 'failed' }));
    await history.flush();
    history.add(execution('a1', 'a', NOW - 10));
    await history.flush();
    const { history: again } = await reopen();
    expect(again.list()).toEqual([expect.objectContaining({ id: 'a1', status: 'succeeded' })]);
  });

  it('opens from the index files of closed segments, and reads a segment whose index file is damaged', async () => {
    const { history } = await openHistory({ segmentBytes: 1500 });
    for (let index = 0; index < 12; index++) {
      history.add(execution(`a${index}`, 'a', NOW - 100 + index));
      await history.flush();
    }
    const indexFiles = (await readdir(dir)).filter((name) => name.endsWith('.idx')).sort();
    expect(indexFiles.length).toBeGreaterThanOrEqual(3);
    const { history: again } = await reopen();
    expect(ids(again, { limit: 100 })).toEqual(Array.from({ length: 12 }, (_, index) => `a${11 - index}`));
    // A record changed on disk under a good index file is found when it is read, not skipped.
    const [first] = await segmentFiles();
    const bytes = await readFile(join(dir, first!));
    bytes[bytes.indexOf('"payload"') + 2] = 'P'.charCodeAt(0);
    await writeFile(join(dir, first!), bytes);
    const firstId = (await readFile(join(dir, first!), 'utf8')).match(/"id":"(a\d+)"/)![1]!;
    await expect(again.get(firstId)).rejects.toThrow(/checksum mismatch/);
    // A damaged index file: the segment itself is read, and its damaged record reported.
    const index = join(dir, first!.replace('.seg', '.idx'));
    await writeFile(index, (await readFile(index)).subarray(0, 60));
    const { history: third, damage } = await reopen();
    expect(damage.damaged.map((segment) => segment.file)).toEqual([join(dir, first!)]);
    expect(third.size).toBe(11);
    expect(await third.get(firstId)).toBeUndefined();
  });
});
