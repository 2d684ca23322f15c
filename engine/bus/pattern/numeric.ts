/**
 * @module The `numeric` operator: `["=", n]`, one bound (`">", n`), or a lower then an upper bound.
 */
import { joinPointer } from '../../core/issues.js';
import { describeType, type ParseContext } from './parse-context.js';
import type { NumericRange } from './types.js';

const LOWER = new Set(['>', '>=']);
const UPPER = new Set(['<', '<=']);
const OPERATORS = ['=', '<', '<=', '>', '>='];

function readBound(
  list: unknown[],
  index: number,
  pointer: string,
  context: ParseContext,
): number | undefined {
  const value = list[index];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  const operator = String(list[index - 1]);
  if (index >= list.length) {
    context.issue(pointer, `"${operator}" must be followed by a number`);
  } else {
    const message = `expected a finite number after "${operator}", found ${describeType(value)}`;
    context.issue(joinPointer(pointer, index), message);
  }
  return undefined;
}

function readOperator(
  list: unknown[],
  index: number,
  pointer: string,
  context: ParseContext,
): string | undefined {
  const operator = list[index];
  if (typeof operator === 'string' && OPERATORS.includes(operator)) return operator;
  if (index >= list.length) {
    context.issue(pointer, 'expected an operator such as ">" at the start of the list');
    return undefined;
  }
  const shown = typeof operator === 'string' ? `"${operator}"` : describeType(operator);
  const expected = OPERATORS.map((name) => `"${name}"`).join(', ');
  context.issue(joinPointer(pointer, index), `expected one of ${expected}, found ${shown}`);
  return undefined;
}

/**
 * Checks a `numeric` list and turns it into a range; issues go to the context.
 *
 * @example
 * parseNumeric(['>', 0, '<=', 5], '/x/0/numeric', context);
 * // { lower: 0, lowerInclusive: false, upper: 5, upperInclusive: true }
 */
export function parseNumeric(
  list: unknown,
  pointer: string,
  context: ParseContext,
): NumericRange | undefined {
  if (!Array.isArray(list)) {
    context.issue(pointer, `"numeric" takes a list such as [">", 0, "<=", 5], found ${describeType(list)}`);
    return undefined;
  }
  const first = readOperator(list, 0, pointer, context);
  if (first === undefined) return undefined;
  const firstValue = readBound(list, 1, pointer, context);
  if (firstValue === undefined) return undefined;
  const range: NumericRange = { lowerInclusive: false, upperInclusive: false };
  if (first === '=') {
    Object.assign(range, { lower: firstValue, upper: firstValue });
    range.lowerInclusive = range.upperInclusive = true;
  } else if (LOWER.has(first)) {
    Object.assign(range, { lower: firstValue, lowerInclusive: first === '>=' });
  } else {
    Object.assign(range, { upper: firstValue, upperInclusive: first === '<=' });
  }
  if (list.length === 2) return range;
  if (!LOWER.has(first)) {
    const message = 'only a lower bound (">" or ">=") can be followed by an upper bound';
    context.issue(joinPointer(pointer, 2), message);
    return undefined;
  }
  const second = readOperator(list, 2, pointer, context);
  if (second === undefined) return undefined;
  if (!UPPER.has(second)) {
    context.issue(joinPointer(pointer, 2), `the second bound must be "<" or "<=", found "${second}"`);
    return undefined;
  }
  const secondValue = readBound(list, 3, pointer, context);
  if (secondValue === undefined) return undefined;
  if (list.length > 4) {
    context.issue(joinPointer(pointer, 4), 'a numeric range has at most two bounds');
    return undefined;
  }
  if (secondValue <= firstValue) {
    const message = `the upper bound ${secondValue} must be greater than the lower bound ${firstValue}`;
    context.issue(joinPointer(pointer, 3), message);
    return undefined;
  }
  return { ...range, upper: secondValue, upperInclusive: second === '<=' };
}

/** Whether a number lies in the range. */
export function inRange(range: NumericRange, value: number): boolean {
  const { lower, upper } = range;
  if (lower !== undefined && (range.lowerInclusive ? value < lower : value <= lower)) return false;
  if (upper !== undefined && (range.upperInclusive ? value > upper : value >= upper)) return false;
  return true;
}
