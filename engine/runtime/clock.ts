/**
 * @module The real clock; tests pass a controllable one instead.
 */
import { FlowbusError } from '../core/errors.js';
import type { Clock } from '../core/step-definition.js';

/** Waits `ms`, or rejects with `CANCELLED` as soon as the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new FlowbusError('CANCELLED', 'cancelled while waiting'));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new FlowbusError('CANCELLED', 'cancelled while waiting'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const realClock: Clock = { now: () => Date.now(), sleep };
