/**
 * @module JSONata's operators for compiled expressions, each as jsonata 2.2.2 evaluates it: arithmetic,
 * `=`/`!=`, ordering comparisons, `&`, `in`, ranges, and the effective boolean value of `and`/`or`.
 */
import { implementationOf } from './builtins.js';
import { FALLBACK } from './context.js';
import { fail, isDeepEqual, isNumeric, type Sequence } from './sequence.js';

/**
 * The largest range a compiled expression builds itself. A range is a loop in disguise (`[1..n].(...)`), so
 * larger ones (jsonata allows up to 1e7 items) go to the interpreter, which hands the event loop back while
 * it works through them.
 */
export const MAX_COMPILED_RANGE = 1000;

/** `+ - * / %`: T2001 / T2002 for a non-number side, undefined when a side is undefined. */
export function arithmetic(operator: string, left: unknown, right: unknown): number | undefined {
  if (left !== undefined && !isNumeric(left)) fail('T2001', left);
  if (right !== undefined && !isNumeric(right)) fail('T2002', right);
  if (left === undefined || right === undefined) return undefined;
  switch (operator) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '/':
      return left / right;
    default:
      return left % right;
  }
}

/** `=` and `!=`: false when a side is undefined, deep equality otherwise. */
export function equality(operator: string, left: unknown, right: unknown): boolean {
  if (left === undefined || right === undefined) return false;
  const equal = isDeepEqual(left, right);
  return operator === '=' ? equal : !equal;
}

/** `< <= > >=` on two numbers or two strings: T2010 for other types, T2009 for a mix. */
export function comparison(operator: string, left: unknown, right: unknown): boolean | undefined {
  const leftType = typeof left;
  const rightType = typeof right;
  const leftComparable = leftType === 'undefined' || leftType === 'string' || leftType === 'number';
  const rightComparable = rightType === 'undefined' || rightType === 'string' || rightType === 'number';
  if (!leftComparable || !rightComparable) {
    fail('T2010', !(leftType === 'string' || leftType === 'number') ? left : right);
  }
  if (leftType === 'undefined' || rightType === 'undefined') return undefined;
  if (leftType !== rightType) fail('T2009', left);
  const a = left as number;
  const b = right as number;
  switch (operator) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}

const stringOf = implementationOf('string') as (value: unknown) => string;

/** `&`: both sides as `$string` writes them (15 significant digits), undefined as the empty string. */
export function concatenate(left: unknown, right: unknown): string {
  const leftText = left === undefined ? '' : stringOf(left);
  const rightText = right === undefined ? '' : stringOf(right);
  return leftText.concat(rightText);
}

/** `in`: strict membership in an array (a single value is a one-item array). */
export function includes(left: unknown, right: unknown): boolean {
  if (left === undefined || right === undefined) return false;
  const items = Array.isArray(right) ? right : [right];
  for (const item of items) if (item === left) return true;
  return false;
}

/** `..`: the integers from `left` to `right` as a sequence; T2003 / T2004 for non-integers. */
export function range(left: unknown, right: unknown): Sequence | undefined {
  if (left !== undefined && !Number.isInteger(left)) fail('T2003', left);
  if (right !== undefined && !Number.isInteger(right)) fail('T2004', right);
  if (left === undefined || right === undefined) return undefined;
  const from = left as number;
  const to = right as number;
  if (from > to) return undefined;
  const size = to - from + 1;
  if (size > 1e7) fail('D2014', size);
  if (size > MAX_COMPILED_RANGE) throw FALLBACK;
  const result: Sequence = new Array(size);
  for (let item = from, index = 0; item <= to; item++, index++) result[index] = item;
  result.sequence = true;
  return result;
}

/** `fn.boolean`: the effective boolean value, undefined for undefined. */
export const booleanOf = implementationOf('boolean') as (value: unknown) => boolean | undefined;
