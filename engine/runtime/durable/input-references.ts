/**
 * @module Checkpoints name the execution's input instead of repeating it: most steps leave the payload and
 * the attributes as the trigger gave them, so a snapshot that still holds those very objects (the message,
 * a Try's entry message, a trace entry's output) writes a short marker where they are, and reading it back
 * puts them back. Likewise a trace entry's output or a scope's field that is the checkpointed message itself
 * (a step's output is the message it leaves; a Try keeps the message it was entered with) is written as a
 * marker naming the message (or its vars), instead of the message once more.
 */
import type { ExecutionInput } from '../types.js';

const MARK = '$flowbus:input';

const PAYLOAD_MARK = { [MARK]: 'payload' };
const ATTRIBUTES_MARK = { [MARK]: 'attributes' };
const MESSAGE_MARK = { [MARK]: 'message' };
const VARS_MARK = { [MARK]: 'vars' };

/**
 * A message-like value (`{payload, attributes, vars}`) with the input's payload and attributes objects (by
 * identity) replaced by markers, and the vars when they are `checkpointed`'s vars (a trace output); one marker
 * when it is `checkpointed` (the checkpoint's message) itself; anything else as it is. Shallow: JSON.stringify
 * then takes its fast path.
 */
export function markInput(value: unknown, input: ExecutionInput, checkpointed?: { vars?: unknown }): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  if (value === checkpointed) return MESSAGE_MARK;
  const message = value as { payload?: unknown; attributes?: unknown; vars?: unknown };
  const samePayload = typeof input.payload === 'object' && input.payload !== null && message.payload === input.payload;
  const sameAttributes = input.attributes !== undefined && message.attributes === input.attributes;
  const sameVars = checkpointed !== undefined && message.vars !== undefined && message.vars === checkpointed.vars;
  if (!samePayload && !sameAttributes && !sameVars) return value;
  return {
    ...message,
    ...(samePayload ? { payload: PAYLOAD_MARK } : {}),
    ...(sameAttributes ? { attributes: ATTRIBUTES_MARK } : {}),
    ...(sameVars ? { vars: VARS_MARK } : {}),
  };
}

/** Each field of an object marked with {@link markInput} (a scope's state, a persisted context). */
export function markFields(value: unknown, input: ExecutionInput, message?: { vars?: unknown }): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const marked: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) marked[key] = markInput(field, input, message);
  return marked;
}

/** `value` read back with its markers replaced by the input's payload and attributes, and by `message`. */
export function restoreInput(value: unknown, input: ExecutionInput, message?: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => restoreInput(item, input, message));
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === MARK) {
    const mark = record[MARK];
    if (mark === 'payload') return input.payload;
    if (mark === 'attributes') return input.attributes;
    if (message === undefined) return value;
    return mark === 'message' ? message : mark === 'vars' ? (message as { vars?: unknown }).vars : value;
  }
  const restored: Record<string, unknown> = {};
  for (const key of keys) restored[key] = restoreInput(record[key], input, message);
  return restored;
}
