/**
 * @module The limits a pattern must stay within, so that one rule cannot make matching slow or memory-hungry.
 */

/** Bounds enforced by `parsePattern`; a pattern beyond one is rejected with the pointer where it broke. */
export const PATTERN_LIMITS = {
  /** Characters of pattern JSON text. */
  maxTextLength: 65_536,
  /** Nesting of objects and arrays, counting the pattern object itself as 1. */
  maxDepth: 32,
  /** JSON values in the whole pattern (objects, arrays and scalars together). */
  maxNodes: 10_000,
  /** Values in one list: a field's values, an `anything-but` list, a `contain` list. */
  maxValuesPerList: 1_000,
  /** Characters of one string value (an exact value, a prefix, a wildcard, ...). */
  maxStringLength: 4_096,
  /** Alternatives after every `$or` is expanded (the product of their branch counts). */
  maxOrCombinations: 1_000,
} as const;
