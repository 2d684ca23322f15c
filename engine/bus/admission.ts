/**
 * @module Whether the bus takes more events: refused before they are journaled (so nothing refused was ever
 * acknowledged) when the bus has too many unsettled events, a target of the bus has too many deliveries
 * waiting (429), or the process is overloaded (503). Both answers carry a `Retry-After`.
 */
import { FlowbusError } from '../core/errors.js';

/** What admission reads. */
export interface AdmissionState {
  limits: { maxUnsettledEvents: number; maxQueuedPerTarget: number };
  /** Unsettled events of the bus. */
  unsettled(bus: string): number;
  /** The most deliveries waiting at one target of the bus's rules (deferred ones not counted). */
  fullestQueue(bus: string): { target: string; size: number } | undefined;
  /** Why the process is overloaded (event-loop delay, heap), or undefined. */
  overloaded?: () => string | undefined;
}

/** Seconds a refused client is told to wait: a queue drains in about that time; overload passes slower. */
export const BACKPRESSURE_RETRY_AFTER_S = 1;
export const OVERLOAD_RETRY_AFTER_S = 5;

/**
 * Throws `BUS:BACKPRESSURE` (429) or `SERVER:OVERLOADED` (503) when `count` more events on `bus` would pass
 * a bound; returns otherwise.
 *
 * @example
 * admitEvents(state, 'default', events.length); // before journal.recordEvents
 */
export function admitEvents(state: AdmissionState, bus: string, count: number): void {
  const overload = state.overloaded?.();
  if (overload) {
    const message = `the server is overloaded (${overload}); retry in ${OVERLOAD_RETRY_AFTER_S} s`;
    throw new FlowbusError('SERVER:OVERLOADED', message, { retryAfterSeconds: OVERLOAD_RETRY_AFTER_S });
  }
  const { maxUnsettledEvents, maxQueuedPerTarget } = state.limits;
  const unsettled = state.unsettled(bus);
  if (unsettled + count > maxUnsettledEvents) {
    const message =
      `bus "${bus}" has ${unsettled} events not yet delivered (limits.busUnsettledEvents is ` +
      `${maxUnsettledEvents}); retry in ${BACKPRESSURE_RETRY_AFTER_S} s`;
    throw new FlowbusError('BUS:BACKPRESSURE', message, {
      bus,
      unsettled,
      retryAfterSeconds: BACKPRESSURE_RETRY_AFTER_S,
    });
  }
  const fullest = state.fullestQueue(bus);
  if (fullest && fullest.size >= maxQueuedPerTarget) {
    const message =
      `target "${fullest.target}" of bus "${bus}" has ${fullest.size} deliveries waiting ` +
      `(limits.targetQueueSize is ${maxQueuedPerTarget}); retry in ${BACKPRESSURE_RETRY_AFTER_S} s`;
    throw new FlowbusError('BUS:BACKPRESSURE', message, {
      bus,
      target: fullest.target,
      queued: fullest.size,
      retryAfterSeconds: BACKPRESSURE_RETRY_AFTER_S,
    });
  }
}
