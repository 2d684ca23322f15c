/**
 * @module Tencent's `array` operator: `{"array": "{\"name\":\"id\"}"}` matches a field holding a list of
 * objects when one element contains every key/value of the object written (as JSON text) in the pattern.
 */
import { PATTERN_LIMITS } from './limits.js';
import { readPatternText } from './pattern-text.js';
import { readStrings } from './operator-values.js';
import { isPlainObject, type ParseContext } from './parse-context.js';
import type { Condition } from './types.js';

/** Whether `actual` contains `expected`: objects by subset of keys, lists and scalars by equality. */
function contains(expected: unknown, actual: unknown): boolean {
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) return false;
    for (const key of Object.keys(expected)) {
      if (!Object.hasOwn(actual, key) || !contains(expected[key], actual[key])) return false;
    }
    return true;
  }
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((element, index) => contains(element, actual[index]) && contains(actual[index], element))
    );
  }
  return expected === actual;
}

/** Whether some object in the field's value (a list, possibly nested, or one object) contains `expected`. */
function someElementContains(expected: Record<string, unknown>, value: unknown, depth = 0): boolean {
  if (Array.isArray(value)) {
    if (depth > PATTERN_LIMITS.maxDepth) return false;
    return value.some((element) => someElementContains(expected, element, depth + 1));
  }
  return contains(expected, value);
}

/** Checks and compiles an `array` condition. */
export function parseArrayOperator(
  value: unknown,
  pointer: string,
  context: ParseContext,
  source: unknown,
): Condition | undefined {
  const text = readStrings(value, pointer, { name: 'array', list: false, allowEmpty: false }, context)?.[0];
  if (text === undefined) return undefined;
  const parsed = readPatternText(text);
  if (!parsed.ok) {
    context.issue(pointer, `"array" takes a JSON object written as a string: ${parsed.issues[0]!.message}`);
    return undefined;
  }
  const expected = parsed.value;
  if (!isPlainObject(expected) || Object.keys(expected).length === 0) {
    const example = '"{\\"name\\":\\"id\\"}"';
    context.issue(pointer, `"array" takes a non-empty JSON object written as a string, such as ${example}`);
    return undefined;
  }
  return { kind: 'array', source, testField: (field) => someElementContains(expected, field) };
}
