/**
 * @module Checks and compiles a field's value list: literals and operator objects, ORed.
 */
import { joinPointer } from '../../core/issues.js';
import { checkListSize } from './operator-values.js';
import { describeType, isPlainObject, type ParseContext } from './parse-context.js';
import { parseOperator } from './parse-operator.js';
import type { Condition, ConditionList, Scalar } from './types.js';

function parseLiteral(value: unknown, pointer: string, context: ParseContext): Condition | undefined {
  if (typeof value === 'string') {
    if (!context.checkString(pointer, value)) return undefined;
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) return void context.issue(pointer, `${value} is not a JSON number`);
  } else if (value !== null && typeof value !== 'boolean') {
    const expected = 'a string, number, boolean, null or operator object';
    return void context.issue(pointer, `expected ${expected}, found ${describeType(value)}`);
  }
  const literal = value as Scalar;
  return { kind: 'equals', value: literal, source: literal, test: (v) => v === literal };
}

function parseElement(element: unknown, pointer: string, context: ParseContext): Condition | undefined {
  context.countNode(pointer);
  if (Array.isArray(element)) {
    context.issue(pointer, 'a value list cannot contain a list; write the values side by side in one list');
    return undefined;
  }
  if (isPlainObject(element)) return parseOperator(element, pointer, context);
  return parseLiteral(element, pointer, context);
}

/** Groups compiled conditions the way the matchers read them. */
function toConditionList(conditions: Condition[]): ConditionList {
  const list: ConditionList = { all: conditions, leaf: [], whole: [], existsTrue: false, existsFalse: false };
  for (const condition of conditions) {
    if (condition.kind === 'exists') {
      if (condition.exists) list.existsTrue = true;
      else list.existsFalse = true;
    } else if (condition.kind === 'array') {
      list.whole.push(condition);
    } else {
      list.leaf.push(condition);
    }
  }
  return list;
}

/**
 * Checks a field's value: a list, or a plain value meaning a one-element list.
 *
 * @returns the compiled list and its normalized JSON, or undefined when it has issues
 */
export function parseList(
  value: unknown,
  pointer: string,
  context: ParseContext,
): { conditions: ConditionList; json: unknown[] } | undefined {
  const elements = Array.isArray(value) ? value : [value];
  if (Array.isArray(value) && !checkListSize(value, pointer, context)) return undefined;
  const conditions: Condition[] = [];
  const before = context.issues.length;
  elements.forEach((element, index) => {
    const at = Array.isArray(value) ? joinPointer(pointer, index) : pointer;
    const condition = parseElement(element, at, context);
    if (condition) conditions.push(condition);
  });
  if (context.issues.length > before) return undefined;
  return { conditions: toConditionList(conditions), json: elements };
}
