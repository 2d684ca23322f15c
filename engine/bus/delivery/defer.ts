/**
 * @module "Not now, deliver at T": a target's answer that is not a failure. The queue counts no attempt,
 * frees the delivery's concurrency slot, records the due time in the journal (so it holds across a
 * restart) and delivers again when it is due.
 */
import { FlowbusError, toFlowError } from '../../core/errors.js';

/** The error type of a deferral. */
export const DEFERRED = 'BUS:DEFERRED';

/**
 * What a target throws to be delivered again at `dueAt` (ms since the epoch).
 *
 * @example
 * throw deferDelivery(clock.now() + 90 * 60_000, 'receiver "ops" is outside its window 09:30–23:30');
 */
export function deferDelivery(dueAt: number, reason: string): FlowbusError {
  if (!Number.isFinite(dueAt)) throw new TypeError(`deferDelivery needs a time in ms, got ${dueAt}`);
  return new FlowbusError(DEFERRED, reason, { dueAt });
}

/** The due time of a deferral, or undefined for anything else. */
export function deferredUntil(thrown: unknown): { dueAt: number; reason: string } | undefined {
  const error = toFlowError(thrown);
  const dueAt = error.details?.dueAt;
  if (error.type !== DEFERRED || typeof dueAt !== 'number' || !Number.isFinite(dueAt)) return undefined;
  return { dueAt, reason: error.message };
}
