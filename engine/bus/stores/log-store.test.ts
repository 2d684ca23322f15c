/**
 * @module Tests of the log store: search by every filter, newest first with paging, merging of the rules that
 * stored the same event, retention, and reading back the day files.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DeliveryItem } from '../types.js';
import { LogStore } from './log-store.js';

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

const DAY = 24 * 60 * 60 * 1000;
const START = Date.UTC(2024, 5, 1, 12);

function item(
  id: string,
  acceptedAt: number,
  fields: Record<string,
  unknown> = {},
  rule = 'archive',
): DeliveryItem {
  const event = {
    specversion: '1.0',
    id,
    source: 'cvm.cloud.tencent',
    type: 'cvm:ErrorEvent:GuestReboot',
    subject: 'ins-1',
    status: '1',
    ...fields,
  };
  return {
    event: event as DeliveryItem['event'],
    payload: event,
    transformed: false,
    bus: 'default',
    rule,
    acceptedAt,
  };
}

async function openStore(now: { value: number }, options: { maxEntries?: number } = {}) {
  const folder = await mkdtemp(join(tmpdir(), 'flowbus-logs-'));
  folders.push(folder);
  const store = await LogStore.open(
    folder,
    { retentionMs: 7 * DAY, maxEntries: options.maxEntries ?? 1000, sync: false, now: () => now.value },
  );
  return { folder, store };
}

describe('LogStore', () => {
  it('searches by time, bus, source, type, subject, status and rule, newest first, with paging', async () => {
    const now = { value: START };
    const { store } = await openStore(now);
    await store.append([
      item('a', START - 3000),
      item('b', START - 2000, { subject: 'ins-2', region: 'ap-shanghai' }),
      item('c', START - 1000, { type: 'cvm:ErrorEvent:DiskReadOnly', status: '0' }),
      { ...item('d', START), bus: 'retail' },
    ]);
    const ids = (query: Parameters<LogStore['search']>[0]) => {
      return store.search(query).items.map((entry) => entry.eventId);
    };
    expect(ids({})).toEqual(['d', 'c', 'b', 'a']);
    expect(ids({ from: START - 2000, to: START - 1000 })).toEqual(['c', 'b']);
    expect(ids({ bus: 'default' })).toEqual(['c', 'b', 'a']);
    expect(ids({ subject: 'ins-2' })).toEqual(['b']);
    expect(ids({ type: 'cvm:ErrorEvent:DiskReadOnly' })).toEqual(['c']);
    expect(ids({ status: '1', bus: 'default' })).toEqual(['b', 'a']);
    expect(ids({ source: 'cos.cloud.tencent' })).toEqual([]);
    expect(ids({ rule: 'archive' })).toHaveLength(4);
    expect(store.search({ limit: 2, offset: 1 })).toMatchObject({
      total: 4,
      items: [{ eventId: 'c' }, { eventId: 'b' }],
    });
    expect(store.search({ subject: 'ins-2' }).items[0]).toMatchObject({
      region: 'ap-shanghai',
      event: { id: 'b' },
    });
    await store.close();
  });

  it('keeps one entry per event with every rule that stored it, also after a reopen', async () => {
    const now = { value: START };
    const { folder, store } = await openStore(now);
    await store.append([item('a', START, {}, 'r1')]);
    await store.append([item('a', START, {}, 'r2')]);
    expect(store.search({}).items).toEqual([expect.objectContaining({ eventId: 'a', rules: ['r1', 'r2'] })]);
    await store.close();
    const reopened = await LogStore.open(
      folder,
      { retentionMs: 7 * DAY, maxEntries: 1000, sync: false, now: () => now.value },
    );
    expect(reopened.search({}).items).toEqual([
      expect.objectContaining({ eventId: 'a', rules: ['r1', 'r2'] }),
    ]);
    await reopened.close();
  });

  it('drops entries and day files past the retention, and the oldest entries past maxEntries', async () => {
    const now = { value: START };
    const { folder, store } = await openStore(now, { maxEntries: 3 });
    await writeFile(join(folder, '2020-01-01.jsonl'), '{}\n');
    await store.append([
      item('old', START - 8 * DAY),
      item('x', START - DAY),
      item('y', START),
      item('z', START),
    ]);
    expect(store.size).toBe(3);
    expect(store.search({}).items.map((entry) => entry.eventId)).toEqual(['z', 'y', 'x']);
    now.value = START + 6.5 * DAY;
    await store.expire();
    expect(store.search({}).items.map((entry) => entry.eventId)).toEqual(['z', 'y']);
    expect(await readdir(folder)).not.toContain('2020-01-01.jsonl');
    await store.close();
  });
});
