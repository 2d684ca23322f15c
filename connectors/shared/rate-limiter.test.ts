import { describe, expect, it } from 'vitest';
import { createTestClock } from '../../engine/sdk.js';
import { driveClock } from '../../test/fakes/drive-clock.js';
import { createRobotLanes, delayUntilFree } from './rate-limiter.js';

const perMinute = [{ limit: 2, windowMs: 60_000 }];

describe('delayUntilFree', () => {
  it.each([
    { sentAt: [], now: 0, expected: 0 },
    { sentAt: [0], now: 10, expected: 0 },
    { sentAt: [0, 10], now: 20, expected: 59_980 },
    { sentAt: [0, 10], now: 59_990, expected: 10 },
    { sentAt: [0, 10], now: 60_000, expected: 0 },
    { sentAt: [0, 10, 20], now: 30, expected: 59_980 },
  ])('after $sentAt at $now waits $expected', ({ sentAt, now, expected }) => {
    expect(delayUntilFree(sentAt, perMinute, now)).toBe(expected);
  });

  it('takes the longest wait over several windows', () => {
    const windows = [
      { limit: 2, windowMs: 1_000 },
      { limit: 3, windowMs: 60_000 },
    ];
    expect(delayUntilFree([0, 500], windows, 600)).toBe(400);
    expect(delayUntilFree([0, 1_500, 3_000], windows, 3_100)).toBe(56_900);
  });
});

describe('robot lanes', () => {
  it('paces sends of one key and leaves other keys alone', async () => {
    const clock = createTestClock(0);
    const lanes = createRobotLanes();
    const signal = new AbortController().signal;
    const times: Record<string, number[]> = { a: [], b: [] };
    const send = (key: 'a' | 'b') =>
      lanes.lane(key, perMinute).exclusive(
        async () => {
          await lanes.lane(key, perMinute).takeSlot(clock, signal, 'test');
          times[key].push(clock.now());
        },
        signal,
        'test',
      );
    await driveClock(clock, Promise.all([send('a'), send('a'), send('a'), send('b'), send('b')]), 1_000);
    expect(times.a.slice(0, 2)).toEqual([0, 0]);
    expect(times.a[2]).toBeGreaterThanOrEqual(60_000);
    expect(times.b).toEqual([0, 0]);
  });

  it('runs tasks of one lane one at a time, in order, even when one fails', async () => {
    const lanes = createRobotLanes();
    const lane = lanes.lane('k', perMinute);
    const signal = new AbortController().signal;
    const order: string[] = [];
    const task = (name: string, fail = false) => async () => {
      order.push(`start ${name}`);
      await new Promise((resolve) => setImmediate(resolve)); // a turn of the event loop: the other task could run now
      order.push(`end ${name}`);
      if (fail) throw new Error(name);
    };
    const results = await Promise.allSettled([
      lane.exclusive(task('1', true), signal, 'test'),
      lane.exclusive(task('2'), signal, 'test'),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled']);
    expect(order).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('gives up waiting with CANCELLED on cancellation, without letting the next one overtake', async () => {
    const clock = createTestClock(0);
    const lanes = createRobotLanes();
    const lane = lanes.lane('k', [{ limit: 1, windowMs: 60_000 }]);
    const never = new AbortController().signal;
    const cancel = new AbortController();
    await lane.takeSlot(clock, never, 'test');
    const waiting = lane.takeSlot(clock, cancel.signal, 'sending to X');
    cancel.abort();
    await expect(waiting).rejects.toMatchObject({
      type: 'CANCELLED',
      message: 'sending to X: cancelled while waiting',
    });

    let releaseFirst!: () => void;
    const blocker = () => new Promise<void>((resolve) => (releaseFirst = resolve));
    const first = lane.exclusive(blocker, never, 'test');
    const queued = new AbortController();
    const second = lane.exclusive(async () => 'second ran', queued.signal, 'test');
    let thirdStarted = false;
    const third = lane.exclusive(async () => (thirdStarted = true), never, 'test');
    queued.abort();
    await expect(second).rejects.toMatchObject({ type: 'CANCELLED' });
    await new Promise((resolve) => setImmediate(resolve)); // the lane reacts to the abort within this turn
    expect(thirdStarted).toBe(false);
    releaseFirst();
    await first;
    await third;
    expect(thirdStarted).toBe(true);
  });
});
