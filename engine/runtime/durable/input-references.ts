/**
 * @module Checkpoints name the execution's input instead of repeating it: most steps leave the payload and
 * the attributes as the trigger gave them, so a snapshot that still holds those very objects (the message,
 * a Try's entry message, a trace entry's output) writes a short marker where they are, and reading it back
 * puts them back.
 */
import type { ExecutionInput } from '../types.js';

const MARK = '$flowbus:input';

const PAYLOAD_MARK = { [MARK]: 'payload' };
const ATTRIBUTES_MARK = { [MARK]: 'attributes' };

/**
 * A message-like value (`{payload, attributes, ...}`) with the input's payload and attributes objects (by
 * identity) replaced by markers; anything else as it is. Shallow: JSON.stringify then takes its fast path.
 */
export function markInput(value: unknown, input: ExecutionInput): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const message = value as { payload?: unknown; attributes?: unknown };
  const samePayload = typeof input.payload === 'object' && input.payload !== null && message.payload === input.payload;
  const sameAttributes = input.attributes !== undefined && message.attributes === input.attributes;
  if (!samePayload && !sameAttributes) return value;
  return {
    ...message,
    ...(samePayload ? { payload: PAYLOAD_MARK } : {}),
    ...(sameAttributes ? { attributes: ATTRIBUTES_MARK } : {}),
  };
}

/** Each field of an object marked with {@link markInput} (a scope's state, a persisted context). */
export function markFields(value: unknown, input: ExecutionInput): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const marked: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) marked[key] = markInput(field, input);
  return marked;
}

/** `value` read back with its markers replaced by the input's payload and attributes. */
export function restoreInput(value: unknown, input: ExecutionInput): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => restoreInput(item, input));
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === MARK) {
    return record[MARK] === 'payload' ? input.payload : record[MARK] === 'attributes' ? input.attributes : value;
  }
  const restored: Record<string, unknown> = {};
  for (const key of keys) restored[key] = restoreInput(record[key], input);
  return restored;
}
