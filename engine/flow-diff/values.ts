/**
 * @module Values inside a node: their leaves by JSON pointer, equality, how a value is shown (expressions as
 * expressions, secrets never) and which fields are secret.
 */
import { joinPointer } from '../core/issues.js';
import type { JsonSchema } from '../core/json-schema.js';
import { isObject } from './tree.js';

/** What is shown instead of a secret value. */
export const SECRET_MARK = '(secret)';

/** True for `{"$expr": "..."}` and `{"$template": "..."}`: a value, never walked into. */
export function isExpression(value: unknown): value is { $expr: string } | { $template: string } {
  if (!isObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (typeof value.$expr === 'string' || typeof value.$template === 'string');
}

/**
 * Every leaf of `value` by pointer under `base`: objects are walked into (an empty one is a leaf), while
 * arrays, expressions and scalars are leaves.
 *
 * @example
 * [...leaves({ config: { a: 1, b: [2] } }, '')]; // [['/config/a', 1], ['/config/b', [2]]]
 */
export function* leaves(value: unknown, base: string): Generator<[string, unknown]> {
  if (!isObject(value) || isExpression(value) || Object.keys(value).length === 0) {
    yield [base, value];
    return;
  }
  for (const [key, item] of Object.entries(value)) yield* leaves(item, joinPointer(base, key));
}

/** Deep equality of JSON values; object key order does not count. */
export function sameValue(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (Array.isArray(left) || Array.isArray(right)) {
    if (!Array.isArray(left) || !Array.isArray(right) || left.length !== right.length) return false;
    return left.every((item, index) => sameValue(item, right[index]));
  }
  if (!isObject(left) || !isObject(right)) return false;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => key in right && sameValue(left[key], right[key]));
}

/** A value for one line of text: expressions as `expr(...)` / `template("...")`, JSON otherwise, bounded. */
export function showValue(value: unknown, max = 160): string {
  if (value === undefined) return '(none)';
  let text: string;
  const expression = isExpression(value) ? (value as Record<string, string>) : undefined;
  if (expression?.$expr !== undefined) text = `expr(${expression.$expr})`;
  else if (expression?.$template !== undefined) text = `template(${JSON.stringify(expression.$template)})`;
  else text = JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Whether the field at `pointer` (inside a config object described by `schema`) is marked `x-secret`. */
export function isSecretPointer(schema: JsonSchema | undefined, pointer: string): boolean {
  let current = schema;
  for (const segment of pointer.split('/').slice(1)) {
    if (!current) return false;
    if (current['x-secret'] === true) return true;
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    const next: JsonSchema | undefined =
      current.properties?.[key] ?? (isObject(current.additionalProperties) ? current.additionalProperties : undefined);
    current = next;
  }
  return current?.['x-secret'] === true;
}

/** A copy of a node's fields with secret config fields replaced by {@link SECRET_MARK}. */
export function redactFields(fields: Record<string, unknown>, secret: (pointer: string) => boolean): Record<string, unknown> {
  const copy = structuredClone(fields);
  for (const [pointer] of leaves(fields, '')) {
    if (!secret(pointer)) continue;
    setAt(copy, pointer, SECRET_MARK);
  }
  return copy;
}

/** The value at a pointer of an object, undefined when absent. */
export function valueAt(value: unknown, pointer: string): unknown {
  let current = value;
  for (const segment of pointer.split('/').slice(1)) {
    if (!isObject(current)) return undefined;
    current = current[decode(segment)];
  }
  return current;
}

/** Sets the value at a pointer, creating objects on the way; `undefined` deletes the key. */
export function setAt(target: Record<string, unknown>, pointer: string, value: unknown): void {
  const segments = pointer.split('/').slice(1).map(decode);
  const last = segments.pop();
  if (last === undefined) return;
  let current = target;
  for (const segment of segments) {
    if (!isObject(current[segment])) current[segment] = {};
    current = current[segment] as Record<string, unknown>;
  }
  if (value === undefined) delete current[last];
  else current[last] = value;
}

function decode(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
