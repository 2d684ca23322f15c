/**
 * @module A value's kind in words, for messages about values that may be secrets.
 */

/**
 * The type of a value in words, for error messages. Never the value itself: it may be a secret.
 *
 * @example
 * describeValue([1, 2]); // 'an array'
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'a non-finite number';
  return `a ${typeof value}`;
}
