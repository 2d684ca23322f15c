import { describe, expect, it } from 'vitest';
import { RecordQueue } from './record-queue.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('RecordQueue', () => {
  it('records after the current turn, in order', async () => {
    const recorded: number[] = [];
    const queue = new RecordQueue<number>((item) => recorded.push(item), () => {});
    queue.add(1);
    queue.add(2);
    expect(recorded).toEqual([]);
    await nextTurn();
    expect(recorded).toEqual([1, 2]);
  });

  // Guards the memory bound: a burst past the cap must not keep every execution waiting.
  it('records at once past maxPending', () => {
    const recorded: number[] = [];
    const queue = new RecordQueue<number>((item) => recorded.push(item), () => {}, 2);
    queue.add(1);
    queue.add(2);
    queue.add(3);
    expect(recorded).toEqual([3]);
    expect(queue.size).toBe(2);
    queue.drain();
    expect(recorded).toEqual([3, 1, 2]);
  });

  it('reports a failing item and records the rest', async () => {
    const recorded: number[] = [];
    const failed: number[] = [];
    const queue = new RecordQueue<number>(
      (item) => {
        if (item === 1) throw new Error('no');
        recorded.push(item);
      },
      (item) => failed.push(item),
    );
    queue.add(1);
    queue.add(2);
    await nextTurn();
    expect({ recorded, failed }).toEqual({ recorded: [2], failed: [1] });
  });
});
