/**
 * @module Size-bounded summaries of messages for execution traces.
 */
import type { Message } from '../core/message.js';

/** Largest JSON text kept for one value in a trace; longer values become a preview. */
export const SUMMARY_LIMIT = 4096;

/** A value as it is kept in a trace: itself when small, else `{ truncated, size, preview }`. */
export function summarizeValue(value: unknown, limit = SUMMARY_LIMIT): unknown {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    return { unserializable: true, kind: typeof value };
  }
  if (text === undefined) return null;
  if (text.length <= limit) return value;
  return { truncated: true, size: text.length, preview: text.slice(0, limit) };
}

/** What a trace keeps of a step's output message. */
export function summarizeMessage(message: Message): { payload: unknown; vars: unknown } {
  return { payload: summarizeValue(message.payload), vars: summarizeValue(message.vars) };
}

/** What a trace keeps of a step's output: the message's payload and vars, by reference (messages are never
 * changed once a step has returned them). Whoever keeps a record bounds it with {@link summarizeMessage}. */
export function stepOutput(message: Message): { payload: unknown; vars: unknown } {
  return { payload: message.payload, vars: message.vars };
}
