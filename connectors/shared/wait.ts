/**
 * @module Waiting on the injected clock, turning an aborted execution into a typed CANCELLED error.
 */
import { FlowbusError, type Clock } from '../../engine/sdk.js';

/** The error raised when the execution is cancelled while a send waits. */
export function cancelledError(doing: string): FlowbusError {
  return new FlowbusError('CANCELLED', `${doing}: cancelled while waiting`);
}

/** Sleeps `ms` on `clock`; rejects with CANCELLED as soon as `signal` aborts. */
export async function waitFor(clock: Clock, ms: number, signal: AbortSignal, doing: string): Promise<void> {
  if (signal.aborted) throw cancelledError(doing);
  try {
    await clock.sleep(ms, signal);
  } catch (thrown) {
    if (signal.aborted) throw cancelledError(doing);
    throw thrown;
  }
}

/** Resolves with `promise`, or rejects with CANCELLED once `signal` aborts (the promise keeps running). */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal, doing: string): Promise<T> {
  if (signal.aborted) return Promise.reject(cancelledError(doing));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelledError(doing));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
