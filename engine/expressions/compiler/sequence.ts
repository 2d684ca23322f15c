/**
 * @module JSONata's sequence semantics for compiled expressions: marked arrays, singleton unwrapping, append.
 *
 * Each helper mirrors the jsonata 2.2.2 function of the same purpose line for line (`createSequence`, the
 * tail of `evaluate`, `fn.append`, `isNumeric`, `isDeepEqual`), so a compiled expression builds the same
 * marked arrays as the interpreter and later steps see the same flags.
 */

/** An array JSONata built, with the marks its evaluator reads. */
export interface Sequence extends Array<unknown> {
  sequence?: boolean;
  keepSingleton?: boolean;
  outerWrapper?: boolean;
  cons?: boolean;
}

/** A JSONata error as the interpreter throws it: a plain object with a code. */
export interface JsonataError {
  code: string;
  value?: unknown;
  index?: number;
}

/** Throws a JSONata error with `code`; the caller re-runs the interpreter for its exact message. */
export function fail(code: string, value?: unknown): never {
  throw { code, value } satisfies JsonataError;
}

/** A new sequence, empty or holding `item` (even when `item` is undefined, as jsonata's does). */
export function createSequence(...item: unknown[]): Sequence {
  const sequence: Sequence = [];
  sequence.sequence = true;
  if (item.length === 1) sequence.push(item[0]);
  return sequence;
}

/** Whether `value` is an array marked as a sequence. */
export function isSequence(value: unknown): value is Sequence {
  return Array.isArray(value) && (value as Sequence).sequence === true;
}

/** What `evaluate` does with every node's result: an empty sequence is nothing, a singleton its item. */
export function normalize(result: unknown, keepArray: boolean): unknown {
  if (!Array.isArray(result) || (result as Sequence).sequence !== true) return result;
  const sequence = result as Sequence & { tupleStream?: boolean };
  if (sequence.tupleStream) return result;
  if (keepArray) sequence.keepSingleton = true;
  if (sequence.length === 0) return undefined;
  if (sequence.length === 1) return sequence.keepSingleton ? sequence : sequence[0];
  return sequence;
}

/** A number that is not NaN; an infinite one is error D1001, as in jsonata. */
export function isNumeric(value: unknown): value is number {
  if (typeof value !== 'number' || Number.isNaN(value)) return false;
  if (!Number.isFinite(value)) fail('D1001', value);
  return true;
}

/** An array whose every item is numeric (throws D1001 on an infinite one). */
export function isArrayOfNumbers(value: unknown): value is number[] {
  return Array.isArray(value) && value.filter((item) => !isNumeric(item)).length === 0;
}

/** JSONata functions: built-in definitions, lambdas and plain JS functions. */
export function isFunction(value: unknown): boolean {
  if (typeof value === 'function') return true;
  const marks = value as { _jsonata_function?: unknown; _jsonata_lambda?: unknown } | null | undefined;
  return Boolean(marks && (marks._jsonata_function === true || marks._jsonata_lambda === true));
}

/** `fn.append`: joins two values into one array; an undefined side is dropped. */
export function append(first: unknown, second: unknown): unknown {
  if (first === undefined) return second;
  if (second === undefined) return first;
  const left = Array.isArray(first) ? first : createSequence(first);
  const right = Array.isArray(second) ? second : [second];
  return left.concat(right);
}

/** `isDeepEqual`: the `=` of JSONata. */
export function isDeepEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) return false;
  if (Array.isArray(left) && Array.isArray(right)) {
    if (left.length !== right.length) return false;
    for (let index = 0; index < left.length; index++) {
      if (!isDeepEqual(left[index], right[index])) return false;
    }
    return true;
  }
  const leftKeys = Object.getOwnPropertyNames(left).sort();
  const rightKeys = Object.getOwnPropertyNames(right).sort();
  if (leftKeys.length !== rightKeys.length) return false;
  for (let index = 0; index < leftKeys.length; index++) {
    if (leftKeys[index] !== rightKeys[index]) return false;
  }
  const leftRecord = left as Record<string, unknown>;
  const rightRecord = right as Record<string, unknown>;
  return leftKeys.every((key) => isDeepEqual(leftRecord[key], rightRecord[key]));
}
