/**
 * @module Retry timing: exponential backoff with full jitter, and whether another attempt may start.
 */
import type { RetryPolicy } from '../types.js';

/**
 * The wait before retry number `retry` (1 = the first retry): a uniformly random time between 0 and
 * `min(maxDelayMs, initialDelayMs * 2^(retry-1))` ("full jitter"), so failed deliveries do not retry in step.
 *
 * @example
 * const policy = { initialDelayMs: 1000, maxDelayMs: 60000, maxAttempts: 5, maxAgeMs: 1e9 };
 * backoffDelay(3, policy, () => 0.5); // 2000
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  const cap = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * cap);
}

/** Why no further attempt is made, or undefined when one may be. */
export function retryStop(
  attempts: number,
  retryAt: number,
  acceptedAt: number,
  policy: RetryPolicy,
): string | undefined {
  if (attempts >= policy.maxAttempts) return `gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}`;
  if (retryAt - acceptedAt > policy.maxAgeMs) {
    return `gave up after ${attempts} attempts: the event is older than ${policy.maxAgeMs} ms`;
  }
  return undefined;
}
