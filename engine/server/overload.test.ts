/**
 * @module Tests of the overload check: event-loop delay and heap share against their bounds, and 0 / 1
 * turning each check off.
 */
import { describe, expect, it } from 'vitest';
import { createOverloadCheck } from './overload.js';

describe('createOverloadCheck', () => {
  const cases = [
    { delay: 50, used: 10, limits: [1000, 0.85], reason: undefined },
    { delay: 1500, used: 10, limits: [1000, 0.85], reason: 'the event loop ran 1500 ms late (limit 1000 ms)' },
    { delay: 50, used: 90, limits: [1000, 0.85], reason: 'the heap is 90% full (limit 85%)' },
    { delay: 5000, used: 99, limits: [0, 1], reason: undefined },
  ] as const;
  for (const { delay, used, limits, reason } of cases) {
    it(`delay ${delay} ms, heap ${used}%, limits ${limits.join(' / ')}: ${reason ?? 'not overloaded'}`, () => {
      const [maxEventLoopDelayMs, maxHeapRatio] = limits;
      const check = createOverloadCheck({ maxEventLoopDelayMs, maxHeapRatio, heap: () => ({ used, limit: 100 }) });
      expect(check.reason()).toBeUndefined();
      check.noteReading(delay);
      expect(check.reason()).toBe(reason);
    });
  }
});
