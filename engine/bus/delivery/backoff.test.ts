/**
 * @module Tests of retry timing: full-jitter backoff bounds, and when retries stop.
 */
import { describe, expect, it } from 'vitest';
import type { RetryPolicy } from '../types.js';
import { backoffDelay, retryStop } from './backoff.js';

const policy: RetryPolicy = { maxAttempts: 5, initialDelayMs: 1000, maxDelayMs: 6000, maxAgeMs: 60_000 };

describe('backoffDelay', () => {
  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [4, 6000],
    [10, 6000],
  ])('retry %i waits below a cap of %i ms', (retry, cap) => {
    expect(backoffDelay(retry, policy, () => 0)).toBe(0);
    expect(backoffDelay(retry, policy, () => 0.5)).toBe(cap / 2);
    expect(backoffDelay(retry, policy, () => 0.999999)).toBe(cap - 1);
  });

  it('spreads retries over the whole window', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const delays = Array.from({ length: 1000 }, () => backoffDelay(3, policy, random));
    expect(Math.min(...delays)).toBeLessThan(400);
    expect(Math.max(...delays)).toBeGreaterThan(3600);
  });
});

describe('retryStop', () => {
  it('allows a retry within the attempts and the age', () => {
    expect(retryStop(4, 10_000, 0, policy)).toBeUndefined();
  });

  it('stops after the last attempt', () => {
    expect(retryStop(5, 10_000, 0, policy)).toBe('gave up after 5 attempts');
    expect(retryStop(1, 0, 0, { ...policy, maxAttempts: 1 })).toBe('gave up after 1 attempt');
  });

  it('stops when the retry would start past the maximum age', () => {
    expect(retryStop(2, 60_001, 0, policy)).toContain('older than 60000 ms');
  });
});
