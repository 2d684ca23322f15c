/**
 * @module Readers for operator arguments: one string, a list of strings, a one-key operator object.
 */
import { joinPointer } from '../../core/issues.js';
import { PATTERN_LIMITS } from './limits.js';
import { describeType, isPlainObject, type ParseContext } from './parse-context.js';

/** Options for `readStrings`. */
export interface StringsOptions {
  /** The operator's name, for messages. */
  name: string;
  /** Accept a list as well as a single string. */
  list: boolean;
  /** Accept `""`. */
  allowEmpty: boolean;
}

function readOneString(
  value: unknown,
  pointer: string,
  options: StringsOptions,
  context: ParseContext,
): string | undefined {
  context.countNode(pointer);
  if (typeof value !== 'string') {
    const expected = options.list ? 'a string or a list of strings' : 'a string';
    context.issue(pointer, `"${options.name}" takes ${expected}, found ${describeType(value)}`);
    return undefined;
  }
  if (!options.allowEmpty && value === '') {
    context.issue(pointer, `"${options.name}" must not be an empty string`);
    return undefined;
  }
  return context.checkString(pointer, value) ? value : undefined;
}

/** Reads a string, or (when allowed) a non-empty list of strings. */
export function readStrings(
  value: unknown,
  pointer: string,
  options: StringsOptions,
  context: ParseContext,
): string[] | undefined {
  if (!Array.isArray(value) || !options.list) {
    const one = readOneString(value, pointer, options, context);
    return one === undefined ? undefined : [one];
  }
  if (!checkListSize(value, pointer, context)) return undefined;
  const strings: string[] = [];
  let valid = true;
  value.forEach((element, index) => {
    const one = readOneString(element, joinPointer(pointer, index), options, context);
    if (one === undefined) valid = false;
    else strings.push(one);
  });
  return valid ? strings : undefined;
}

/** A list must have between 1 and `maxValuesPerList` elements. */
export function checkListSize(list: unknown[], pointer: string, context: ParseContext): boolean {
  if (list.length === 0) {
    context.issue(pointer, 'a list in a pattern must not be empty');
    return false;
  }
  if (list.length > PATTERN_LIMITS.maxValuesPerList) {
    context.issue(pointer, `a list in a pattern may have at most ${PATTERN_LIMITS.maxValuesPerList} values`);
    return false;
  }
  return true;
}

/**
 * Reads an object that must have exactly one key; reports a missing key or every extra key.
 *
 * @returns the key and its value, or undefined when the shape is wrong
 */
export function readSingleKey(
  value: unknown,
  pointer: string,
  what: string,
  context: ParseContext,
): { key: string; value: unknown } | undefined {
  if (!isPlainObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length === 0) {
    context.issue(pointer, `${what} must have one key, found none`);
    return undefined;
  }
  if (keys.length > 1) {
    for (const extra of keys.slice(1)) {
      const message = `${what} must have exactly one key; "${extra}" follows "${keys[0]}"`;
      context.issue(joinPointer(pointer, extra), message);
    }
    return undefined;
  }
  return { key: keys[0]!, value: value[keys[0]!] };
}
