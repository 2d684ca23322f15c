/**
 * @module Tests of the bus journal: what is read back after a restart (or a crash mid-line), settling by
 * routing and finished tasks, and deleting segments once nothing in them is needed.
 */
import { appendFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BusEvent } from '../cloudevents/index.js';
import { BusJournal } from './bus-journal.js';

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function freshDir(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'flowbus-journal-'));
  folders.push(folder);
  return folder;
}

function event(id: string, size = 0): BusEvent {
  return { specversion: '1.0', id, source: 'test', type: 'test.event', data: { padding: 'x'.repeat(size) } };
}

const entry = (id: string, size = 0) => ({ bus: 'default', event: event(id, size), acceptedAt: 1000 });

describe('BusJournal', () => {
  it('reads back failed attempts and deferrals of open tasks, also after they were copied forward', async () => {
    const dir = await freshDir();
    const first = await BusJournal.open(dir);
    const [a, b] = await first.journal.recordEvents([entry('a'), { ...entry('b'), bus: 'orders' }]);
    expect([first.journal.unsettledOn('default'), first.journal.unsettledOn('orders')]).toEqual([1, 1]);
    await first.journal.recordRouting(a!.seq, ['r/x', 'r/y']);
    await first.journal.recordFailedAttempts(a!.seq, 'r/x', 1);
    await first.journal.recordFailedAttempts(a!.seq, 'r/x', 2);
    await first.journal.recordDeferral(a!.seq, 'r/y', 50_000, 2_000);
    await first.journal.recordRouting(b!.seq, ['r/z']);
    await first.journal.recordDone(b!.seq, 'r/z');
    expect(first.journal.unsettledOn('orders')).toBe(0);
    await first.journal.close();

    for (let reopen = 0; reopen < 2; reopen++) {
      const again = await BusJournal.open(dir);
      expect(again.pending).toHaveLength(1);
      expect(again.pending[0]!.progress).toEqual({
        'r/x': { failedAttempts: 2 },
        'r/y': { dueAt: 50_000, deferredAt: 2_000 },
      });
      expect(again.journal.unsettledOn('default')).toBe(1);
      await again.journal.close();
    }
  });

  it('reads back accepted events that were not settled, with the tasks still open', async () => {
    const dir = await freshDir();
    const first = await BusJournal.open(dir);
    expect(first.pending).toEqual([]);
    const [a, b, c, d] = await first.journal.recordEvents([entry('a'), entry('b'), entry('c'), entry('d')]);
    await first.journal.recordRouting(a!.seq, ['r/x', 'r/y']);
    await first.journal.recordDone(a!.seq, 'r/x');
    await first.journal.recordRouting(b!.seq, ['r/x']);
    await first.journal.recordDone(b!.seq, 'r/x');
    await first.journal.recordRouting(c!.seq, []);
    expect(first.journal.unsettled).toBe(2);
    await first.journal.close();

    const second = await BusJournal.open(dir);
    expect(second.pending.map((pending) => [pending.event.id, pending.openTasks])).toEqual([
      ['a', ['r/y']],
      ['d', undefined],
    ]);
    expect(second.pending[0]).toMatchObject({ bus: 'default', acceptedAt: 1000, seq: a!.seq });
    const [e] = await second.journal.recordEvents([entry('e')]);
    expect(e!.seq).toBeGreaterThan(d!.seq);
    await second.journal.close();

    const third = await BusJournal.open(dir);
    expect(third.pending.map((pending) => pending.event.id)).toEqual(['a', 'd', 'e']);
    await third.journal.close();
    expect(await readdir(dir)).toHaveLength(1);
  });

  it('skips a line cut short by a crash', async () => {
    const dir = await freshDir();
    const { journal } = await BusJournal.open(dir);
    await journal.recordEvents([entry('kept')]);
    await journal.close();
    const [segment] = await readdir(dir);
    await appendFile(join(dir, segment!), '{"t":"e","s":9,"b":"default","ev":{"id":"torn"');
    const reopened = await BusJournal.open(dir);
    expect(reopened.pending.map((pending) => pending.event.id)).toEqual(['kept']);
    await reopened.journal.close();
  });

  // Regression: the live count of a new segment was once reset after a rotation, and a later compaction
  // deleted the segment that held the only copy of a long-retried event.
  it('deletes settled closed segments and copies the few live events of the others forward', async () => {
    const dir = await freshDir();
    const { journal } = await BusJournal.open(dir, { segmentBytes: 4096 });
    const stuck = (await journal.recordEvents([entry('stuck', 100)]))[0]!;
    await journal.recordRouting(stuck.seq, ['r/slow']);
    for (let round = 0; round < 20; round++) {
      const recorded = await journal.recordEvents([entry(`e${round}`, 1000)]);
      for (const { seq } of recorded) await journal.recordRouting(seq, []);
    }
    await journal.close();
    const segments = await readdir(dir);
    expect(segments.length).toBeLessThanOrEqual(3);
    const reopened = await BusJournal.open(dir);
    expect(reopened.pending.map((pending) => [pending.event.id, pending.openTasks])).toEqual([
      ['stuck', ['r/slow']],
    ]);
    await reopened.journal.close();
  });

  it('keeps every unsettled event through many rotations under concurrent appends', async () => {
    const dir = await freshDir();
    const { journal } = await BusJournal.open(dir, { segmentBytes: 2048 });
    const kept: string[] = [];
    await Promise.all(
      Array.from({ length: 300 }, async (_, index) => {
        const [recorded] = await journal.recordEvents([entry(`e${index}`, 50)]);
        if (index % 3 === 0) kept.push(`e${index}`);
        else await journal.recordRouting(recorded!.seq, []);
      }),
    );
    await journal.close();
    expect((await readdir(dir)).length).toBeLessThan(20);
    const reopened = await BusJournal.open(dir);
    expect(reopened.pending.map((pending) => pending.event.id).sort()).toEqual(kept.sort());
    await reopened.journal.close();
  });

  it('answers nothing for settled or unknown sequence numbers', async () => {
    const dir = await freshDir();
    const { journal } = await BusJournal.open(dir);
    await journal.recordDone(42, 'r/x');
    await journal.recordRouting(42, ['r/x']);
    expect(journal.unsettled).toBe(0);
    await journal.close();
  });
});
