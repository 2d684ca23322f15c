/**
 * @module `matchesPattern`: one compiled pattern against one event, walking both together.
 *
 * Array consistency comes from the walk itself: when a pattern object meets a list of objects in the
 * event, one element must satisfy the whole object, so conditions met by different elements never combine.
 */
import { isEventObject, isScalar, MAX_LIST_NESTING, readField } from './event-values.js';
import type { ConditionList, ObjectNode, Pattern } from './types.js';

const NO_SCALARS = 0;
const SCALARS = 1;
const MATCHED = 2;

/** Tests the scalars of a (possibly nested) list: MATCHED, SCALARS (seen, none matched) or NO_SCALARS. */
function testListScalars(list: ConditionList, values: unknown[], depth: number): number {
  let seen = NO_SCALARS;
  const leaf = list.leaf;
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (Array.isArray(value)) {
      if (depth >= MAX_LIST_NESTING) continue;
      const nested = testListScalars(list, value, depth + 1);
      if (nested === MATCHED) return MATCHED;
      if (nested === SCALARS) seen = SCALARS;
    } else if (isScalar(value)) {
      seen = SCALARS;
      for (let condition = 0; condition < leaf.length; condition++) {
        if (leaf[condition]!.test(value)) return MATCHED;
      }
    }
  }
  return seen;
}

/** Whether a field's value satisfies its condition list (undefined = the field is absent). */
export function matchConditions(list: ConditionList, value: unknown): boolean {
  if (value === undefined) return list.existsFalse;
  for (let index = 0; index < list.whole.length; index++) {
    if (list.whole[index]!.testField(value)) return true;
  }
  if (Array.isArray(value)) {
    const result = testListScalars(list, value, 0);
    if (result === MATCHED) return true;
    return result === SCALARS ? list.existsTrue : list.existsFalse;
  }
  if (!isScalar(value)) return list.existsFalse;
  const leaf = list.leaf;
  for (let index = 0; index < leaf.length; index++) {
    if (leaf[index]!.test(value)) return true;
  }
  return list.existsTrue;
}

/** Some object of a (possibly nested) list matches; a list without objects counts as an absent field. */
function matchList(node: ObjectNode, values: unknown[], depth: number): boolean | undefined {
  let sawObject = false;
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (Array.isArray(value)) {
      if (depth >= MAX_LIST_NESTING) continue;
      const nested = matchList(node, value, depth + 1);
      if (nested === true) return true;
      if (nested === false) sawObject = true;
    } else if (isEventObject(value)) {
      sawObject = true;
      if (matchObject(node, value)) return true;
    }
  }
  return sawObject ? false : undefined;
}

/** Whether an event value (object, list of objects, or absent) satisfies a pattern object. */
export function matchObject(node: ObjectNode, value: unknown): boolean {
  if (Array.isArray(value)) return matchList(node, value, 0) ?? matchObject(node, undefined);
  const object = isEventObject(value) ? value : undefined;
  const fields = node.fields;
  for (let index = 0; index < fields.length; index++) {
    const field = fields[index]!;
    const fieldValue = object === undefined ? undefined : readField(object, field.key);
    if (field.kind === 'object') {
      if (!matchObject(field.object, fieldValue)) return false;
    } else if (!matchConditions(field.conditions, fieldValue)) {
      return false;
    }
  }
  const ors = node.ors;
  for (let index = 0; index < ors.length; index++) {
    if (!ors[index]!.some((branch) => matchObject(branch, object))) return false;
  }
  return true;
}

/** Whether a value is a compiled pattern (a caller may hand anything at run time). */
export function isPattern(value: unknown): value is Pattern {
  return typeof value === 'object' && value !== null && typeof (value as Pattern).root?.fields === 'object';
}

/**
 * Matches one pattern against one event (an already parsed JSON object). Anything that is not an
 * object, and anything that cannot be read, simply does not match.
 *
 * @example
 * matchesPattern(pattern, { source: 'cvm.cloud.tencent', subject: 'ins-1' }); // true or false, never throws
 */
export function matchesPattern(pattern: Pattern, event: unknown): boolean {
  try {
    return isPattern(pattern) && isEventObject(event) && matchObject(pattern.root, event);
  } catch {
    return false;
  }
}
