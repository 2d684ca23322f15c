/**
 * @module How matchers read an event: own fields only, scalars as leaves, lists flattened.
 */
import type { Scalar } from './types.js';

/** Lists nested deeper than this inside one field are not looked into (a guard against cyclic input). */
export const MAX_LIST_NESTING = 32;

/** A field of an event object; inherited properties and functions do not count as fields. */
export function readField(object: object, key: string): unknown {
  const value = (object as Record<string, unknown>)[key];
  if (value === undefined || typeof value === 'function') return undefined;
  if (key === '__proto__' && !Object.hasOwn(object, key)) return undefined;
  return value;
}

/**
 * The same text as an internalized (property-key) string. Reading a field by it is a plain keyed
 * load, and a hash map keyed by it answers a lookup with a short string from `JSON.parse` (which
 * internalizes those) by comparing pointers, without reading the key's characters.
 */
export function internalized(text: string): string {
  return Object.keys({ [text]: true })[0]!;
}

/** Whether a value is a JSON scalar (string, finite number, boolean, null). */
export function isScalar(value: unknown): value is Scalar {
  const type = typeof value;
  if (type === 'number') return Number.isFinite(value);
  return value === null || type === 'string' || type === 'boolean';
}

/** Whether a value is an object an event can nest fields in (not a list, not null). */
export function isEventObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Calls `visit` with every scalar in a (possibly nested) list until it returns true.
 *
 * @returns `'match'` when `visit` returned true, `'leaves'` when scalars were seen, `'none'` otherwise
 */
export function visitListScalars(
  list: unknown[],
  visit: (value: Scalar) => boolean,
  depth = 0,
): 'match' | 'leaves' | 'none' {
  let seen: 'leaves' | 'none' = 'none';
  for (let index = 0; index < list.length; index++) {
    const element = list[index];
    if (Array.isArray(element)) {
      if (depth >= MAX_LIST_NESTING) continue;
      const nested = visitListScalars(element, visit, depth + 1);
      if (nested === 'match') return 'match';
      if (nested === 'leaves') seen = 'leaves';
    } else if (isScalar(element)) {
      if (visit(element)) return 'match';
      seen = 'leaves';
    }
  }
  return seen;
}

/** Calls `visit` with every object in a (possibly nested) list until it returns true; false when none did. */
export function someListObject(list: unknown[], visit: (value: object, index: number[]) => boolean): boolean {
  const walk = (items: unknown[], trail: number[], depth: number): boolean => {
    for (let index = 0; index < items.length; index++) {
      const element = items[index];
      if (Array.isArray(element)) {
        if (depth < MAX_LIST_NESTING && walk(element, [...trail, index], depth + 1)) return true;
      } else if (isEventObject(element) && visit(element, [...trail, index])) {
        return true;
      }
    }
    return false;
  };
  return walk(list, [], 0);
}
