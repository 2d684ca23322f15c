/**
 * @module `explainMatch`: for the "test this pattern" console, whether a pattern matches an event and,
 * when not, which event fields failed and why. Decides exactly as `matchesPattern` does.
 */
import { joinPointer } from '../../core/issues.js';
import { isEventObject, isScalar, readField, someListObject, visitListScalars } from './event-values.js';
import { isPattern, matchConditions, matchObject } from './match.js';
import type { ConditionList, ObjectNode, Pattern } from './types.js';

/** One reason a pattern did not match: the event field (JSON pointer into the event) and why. */
export interface MatchFailure {
  pointer: string;
  reason: string;
}

const SHOWN_LENGTH = 120;

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH)}…` : text;
}

function hasScalars(value: unknown): boolean {
  if (Array.isArray(value)) return visitListScalars(value, () => true) === 'match';
  return isScalar(value);
}

function describeMismatch(list: ConditionList, value: unknown): string {
  const expected = show(list.all.map((condition) => condition.source));
  if (value === undefined) return `the field is missing; expected ${expected}`;
  if (list.existsFalse && list.all.length === 1) {
    return `expected the field to be absent, found ${show(value)}`;
  }
  if (!hasScalars(value)) {
    const found = Array.isArray(value)
      ? `${show(value)}, a list without plain values`
      : `an object ${show(value)}`;
    return `expected ${expected}, found ${found}`;
  }
  return `${show(value)} does not match ${expected}`;
}

function explainList(node: ObjectNode, list: unknown[], pointer: string): MatchFailure[] {
  let closest: MatchFailure[] | undefined;
  const matched = someListObject(list, (element, trail) => {
    const failures = explainObject(node, element, joinPointer(pointer, ...trail));
    if (!closest || failures.length < closest.length) closest = failures;
    return failures.length === 0;
  });
  if (matched) return [];
  if (!closest) return explainObject(node, undefined, pointer);
  const reason = 'no element of the list satisfies all of its conditions together; the closest one fails on:';
  return [{ pointer, reason }, ...closest];
}

function explainOr(branches: ObjectNode[], value: object | undefined, pointer: string): MatchFailure[] {
  if (branches.some((branch) => matchObject(branch, value))) return [];
  const firsts = branches.map((branch, index) => {
    const first = explainObject(branch, value, pointer)[0];
    return `branch ${index + 1}: ${first ? `${first.pointer || '/'} ${first.reason}` : 'no match'}`;
  });
  return [{ pointer, reason: `none of the "$or" branches matches (${firsts.join('; ')})` }];
}

function explainObject(node: ObjectNode, value: unknown, pointer: string): MatchFailure[] {
  if (Array.isArray(value)) return explainList(node, value, pointer);
  const object = isEventObject(value) ? value : undefined;
  const failures: MatchFailure[] = [];
  for (const field of node.fields) {
    const at = joinPointer(pointer, field.key);
    const fieldValue = object === undefined ? undefined : readField(object, field.key);
    if (field.kind === 'object') failures.push(...explainObject(field.object, fieldValue, at));
    else if (!matchConditions(field.conditions, fieldValue)) {
      failures.push({ pointer: at, reason: describeMismatch(field.conditions, fieldValue) });
    }
  }
  for (const branches of node.ors) failures.push(...explainOr(branches, object, pointer));
  return failures;
}

/**
 * For the "test this pattern" console: whether it matches and, when not, which field failed and why.
 *
 * @example
 * explainMatch(pattern, { source: 'cos.cloud.tencent' });
 * // { match: false, failures: [
 * //   { pointer: '/source', reason: '"cos.cloud.tencent" does not match ["cvm.cloud.tencent"]' },
 * // ] }
 */
export function explainMatch(pattern: Pattern, event: unknown): { match: boolean; failures: MatchFailure[] } {
  if (!isPattern(pattern)) {
    return { match: false, failures: [{ pointer: '', reason: 'not a parsed pattern' }] };
  }
  if (!isEventObject(event)) {
    const reason = `the event must be a JSON object, found ${show(event)}`;
    return { match: false, failures: [{ pointer: '', reason }] };
  }
  try {
    const failures = explainObject(pattern.root, event, '');
    return { match: failures.length === 0, failures };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { match: false, failures: [{ pointer: '', reason: `the event could not be read: ${message}` }] };
  }
}
