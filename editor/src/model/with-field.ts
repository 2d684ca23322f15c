/**
 * @module Setting one field of a config object without changing the object it came from.
 */

/**
 * A copy of `object` with `field` set to `value`, or without `field` when `value` is undefined (a form
 * field emptied).
 *
 * @example
 * withField({ a: 1, b: 2 }, 'b', undefined); // { a: 1 }
 */
export function withField(object: Readonly<Record<string, unknown>>, field: string, value: unknown): Record<string, unknown> {
  const updated = { ...object };
  if (value === undefined) delete updated[field];
  else updated[field] = value;
  return updated;
}
