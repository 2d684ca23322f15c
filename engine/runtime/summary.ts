/**
 * @module Size-bounded summaries of messages for execution traces.
 */
import type { Message } from '../core/message.js';
import { jsonPreview, measureValue, type SizeMemo } from '../core/value-size.js';

/** Largest JSON text kept for one value in a trace; longer values become a preview. */
export const SUMMARY_LIMIT = 4096;

/**
 * A value as it is kept in a trace: itself when small, else `{ truncated, size, preview }` (`size` about its
 * JSON length). Never writes the whole value out: a huge value costs a walk (once per object, with a memo)
 * and a preview of `limit` characters.
 */
export function summarizeValue(value: unknown, limit = SUMMARY_LIMIT, memo?: SizeMemo): unknown {
  if (value === undefined) return null;
  if (measureValue(value, limit, memo) <= limit) return value;
  const size = measureValue(value, Number.MAX_SAFE_INTEGER, memo);
  return { truncated: true, size, preview: jsonPreview(value, limit) };
}

/** What a trace keeps of a step's output message. */
export function summarizeMessage(
  message: Message,
  limit = SUMMARY_LIMIT,
  memo?: SizeMemo,
): { payload: unknown; vars: unknown } {
  const payload = summarizeValue(message.payload, limit, memo);
  return { payload, vars: summarizeValue(message.vars, limit, memo) };
}

/** What a trace keeps of a step's output: the message's payload and vars, by reference (messages are never
 * changed once a step has returned them). Whoever keeps a record bounds it with {@link summarizeMessage}. */
export function stepOutput(message: Message): { payload: unknown; vars: unknown } {
  return { payload: message.payload, vars: message.vars };
}
