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

/**
 * A step's output summary, computed when the trace is first read (by the API, the store, a test) rather than
 * on the hot path: messages are never changed once a step has returned them, so the result is the same.
 */
export class LazySummary {
  constructor(private readonly message: Message) {}

  /** Defines `entry.output` as an enumerable property that summarizes on first read, then keeps the value. */
  attachTo(entry: { output?: unknown }): void {
    const message = this.message;
    Object.defineProperty(entry, 'output', {
      enumerable: true,
      configurable: true,
      get() {
        const value = summarizeMessage(message);
        Object.defineProperty(entry, 'output', { value, enumerable: true, configurable: true, writable: true });
        return value;
      },
    });
  }
}

export const lazySummary = (message: Message) => new LazySummary(message);
