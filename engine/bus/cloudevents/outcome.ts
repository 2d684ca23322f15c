/**
 * @module Building per-event outcomes with reasons that say which event and what is wrong.
 */
import type { ParsedEvent } from './types.js';

/** The rejected side of a ParsedEvent. */
export type RejectedEvent = Extract<ParsedEvent, { ok: false }>;

/**
 * A rejected event: the reason is prefixed with the event's index, the pointer locates it in the body.
 *
 * @example
 * rejectEvent(3, 'attribute "specversion" must be "1.0", got "0.3"', '/3/specversion');
 */
export function rejectEvent(index: number, message: string, pointer?: string): RejectedEvent {
  const rejected: RejectedEvent = { ok: false, index, reason: `event ${index}: ${message}` };
  if (pointer !== undefined) rejected.pointer = pointer;
  return rejected;
}

/** Whether a value is a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
