/**
 * @module Tests of the keyed ledger: values survive a reopen, retention by age and count, a torn tail is cut
 * off with the entries before it kept, and rotation keeps the folder about the size of the live entries.
 */
import { appendFile, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KeyedLedger, type KeyedLedgerOptions } from './keyed-ledger.js';

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function freshDir(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'flowbus-ledger-'));
  folders.push(folder);
  return folder;
}

function testOptions(clock: { now: number }, overrides: Partial<KeyedLedgerOptions> = {}): KeyedLedgerOptions {
  return { kind: 'test-ledger', retentionMs: 60_000, maxEntries: 100, now: () => clock.now, ...overrides };
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir)) total += (await stat(join(dir, name))).size;
  return total;
}

describe('KeyedLedger', () => {
  it('keeps the newest value of each key across a reopen', async () => {
    const dir = await freshDir();
    const clock = { now: 1_000 };
    const ledger = await KeyedLedger.open<{ n: number }>(dir, testOptions(clock));
    await ledger.set('a', { n: 1 });
    await ledger.set('b', { n: 2 });
    await ledger.set('a', { n: 3 });
    await ledger.close();

    const reopened = await KeyedLedger.open<{ n: number }>(dir, testOptions(clock));
    expect(reopened.get('a')).toEqual({ value: { n: 3 }, at: 1_000 });
    expect(reopened.get('b')?.value).toEqual({ n: 2 });
    expect(reopened.has('c')).toBe(false);
    expect([...reopened.list()].map(([key]) => key)).toEqual(['b', 'a']);
    await reopened.close();
  });

  it('forgets entries past the retention period, in memory and on reopen', async () => {
    const dir = await freshDir();
    const clock = { now: 0 };
    const ledger = await KeyedLedger.open<number>(dir, testOptions(clock));
    await ledger.set('old', 1);
    clock.now = 50_000;
    await ledger.set('new', 2);
    clock.now = 60_001;
    expect(ledger.has('old')).toBe(false);
    expect(ledger.has('new')).toBe(true);
    await ledger.close();

    const reopened = await KeyedLedger.open<number>(dir, testOptions(clock));
    expect(reopened.size).toBe(1);
    expect(reopened.has('new')).toBe(true);
    await reopened.close();
  });

  it('keeps at most maxEntries, dropping the oldest first', async () => {
    const dir = await freshDir();
    const clock = { now: 0 };
    const ledger = await KeyedLedger.open<number>(dir, testOptions(clock, { maxEntries: 3 }));
    for (let n = 1; n <= 5; n++) await ledger.set(`k${n}`, n);
    expect(ledger.size).toBe(3);
    expect(ledger.has('k2')).toBe(false);
    await ledger.close();
    const reopened = await KeyedLedger.open<number>(dir, testOptions(clock, { maxEntries: 3 }));
    expect([...reopened.list()].map(([key]) => key)).toEqual(['k3', 'k4', 'k5']);
    await reopened.close();
  });

  it('cuts a torn last record off and keeps every whole one before it', async () => {
    const dir = await freshDir();
    const clock = { now: 0 };
    const ledger = await KeyedLedger.open<number>(dir, testOptions(clock));
    await ledger.set('whole', 1);
    await ledger.close();
    const [segment] = (await readdir(dir)).filter((name) => name.endsWith('.seg'));
    // A crash in the middle of writing the next record: no end of line.
    await appendFile(join(dir, segment!), '1a2b3c4d {"k":"torn","at":0,"v"');

    const reopened = await KeyedLedger.open<number>(dir, testOptions(clock));
    expect(reopened.has('whole')).toBe(true);
    expect(reopened.has('torn')).toBe(false);
    expect(reopened.damaged.map((damaged) => damaged.damages[0]?.kind)).toEqual(['torn-tail']);
    await reopened.set('after', 2);
    await reopened.close();
    const again = await KeyedLedger.open<number>(dir, testOptions(clock));
    expect(again.damaged).toEqual([]);
    expect(again.has('after')).toBe(true);
    await again.close();
  });

  it('rolls over and copies the live entries forward, so the folder does not grow with writes', async () => {
    const dir = await freshDir();
    const clock = { now: 0 };
    const options = testOptions(clock, { maxEntries: 10, segmentBytes: 4096, sync: false });
    const ledger = await KeyedLedger.open<string>(dir, options);
    for (let n = 0; n < 2_000; n++) await ledger.set(`key-${n % 20}`, `value ${n}`);
    await ledger.close();
    expect(await folderBytes(dir)).toBeLessThan(3 * 4096);

    const reopened = await KeyedLedger.open<string>(dir, options);
    expect(reopened.size).toBe(10);
    expect(reopened.get('key-19')?.value).toBe('value 1999');
    await reopened.close();
  });
});
