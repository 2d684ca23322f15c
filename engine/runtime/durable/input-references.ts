/**
 * @module Checkpoints name the execution's input instead of repeating it: most steps leave the payload and
 * the attributes as the trigger gave them, so a snapshot that still holds those very objects (the message,
 * a Try's entry message) writes a short marker where they are, and reading it back puts them back.
 */
import type { ExecutionInput } from '../types.js';

const MARK = '$flowbus:input';

/** JSON text of `value`, with the input's payload and attributes objects (by identity) written as markers. */
export function stringifyAgainstInput(value: unknown, input: ExecutionInput): string {
  const { payload, attributes } = input;
  const payloadIsObject = typeof payload === 'object' && payload !== null;
  return JSON.stringify(value, (_key, current: unknown) => {
    if (payloadIsObject && current === payload) return { [MARK]: 'payload' };
    if (current === attributes && attributes !== undefined) return { [MARK]: 'attributes' };
    return current;
  });
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
