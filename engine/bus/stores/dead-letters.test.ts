/**
 * @module Tests of the dead-letter store: durable across reopen, filters and paging, updates and removals.
 */
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DeadLetterStore, type DeadLetter } from './dead-letters.js';

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

function letter(id: string, failedAt: number, rule = 'r1', target = 't1'): DeadLetter {
  return {
    id,
    bus: 'default',
    rule,
    target,
    targetType: 'webhook',
    event: { specversion: '1.0', id: `event-${id}`, source: 's', type: 't' },
    payload: { id: `event-${id}` },
    transformed: false,
    acceptedAt: 1,
    failedAt,
    attempts: 3,
    error: { type: 'HTTP:STATUS', message: 'answered 503' },
    redrives: 0,
  };
}

describe('DeadLetterStore', () => {
  it('keeps letters, updates and removals across a reopen, and compacts the file', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'flowbus-dlq-'));
    folders.push(folder);
    const path = join(folder, 'bus', 'dead-letters.jsonl');
    const store = await DeadLetterStore.open(path, { sync: true });
    await store.add([letter('a', 10), letter('b', 20), letter('c', 30)]);
    await store.update('b', { attempts: 4, redrives: 1 });
    expect(await store.remove('c')).toBe(true);
    expect(await store.remove('c')).toBe(false);
    await store.update('missing', { attempts: 1 });
    await store.close();
    await appendFile(path, '{"op":"add","letter":{"id":"torn"');

    const reopened = await DeadLetterStore.open(path, { sync: true });
    expect(reopened.size).toBe(2);
    expect(reopened.get('b')).toMatchObject({ attempts: 4, redrives: 1, error: { type: 'HTTP:STATUS' } });
    expect((await readFile(path, 'utf8')).trim().split('\n')).toHaveLength(2);
    await reopened.close();
  });

  it('lists newest failure first, filtered by bus, rule and target, with paging', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'flowbus-dlq-'));
    folders.push(folder);
    const store = await DeadLetterStore.open(join(folder, 'dl.jsonl'), { sync: false });
    await store.add([letter('a', 10), letter('b', 30, 'r2'), letter('c', 20, 'r1', 't2'), letter('d', 40)]);
    expect(store.list().items.map((item) => item.id)).toEqual(['d', 'b', 'c', 'a']);
    expect(store.list({ rule: 'r1' }).items.map((item) => item.id)).toEqual(['d', 'c', 'a']);
    expect(store.list({ rule: 'r1', target: 't1' })).toMatchObject({ total: 2 });
    expect(store.list({ bus: 'other' }).total).toBe(0);
    const page = store.list({ limit: 2, offset: 1 });
    expect(page.total).toBe(4);
    expect(page.items.map((item) => item.id)).toEqual(['b', 'c']);
    await store.close();
  });
});
