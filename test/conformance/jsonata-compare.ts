/**
 * @module Compares outcomes of JSONata evaluations: strictly between the interpreter and the compiled path
 * (array marks, key order, prototypes of built objects), and as the suite's runner does against a case file.
 */
import type { Outcome } from './jsonata-suite.js';

const MARKS = ['sequence', 'keepSingleton', 'outerWrapper', 'cons', 'tupleStream'] as const;

function describeMarks(array: unknown[]): string {
  const record = array as unknown as Record<string, unknown>;
  return MARKS.filter((mark) => record[mark] !== undefined).map((mark) => `${mark}=${String(record[mark])}`).join(',');
}

/** Where two values differ (a path and what differs), or undefined when they are the same. */
export function difference(left: unknown, right: unknown, strict: boolean, path = '$'): string | undefined {
  if (Object.is(left, right)) return undefined;
  if (typeof left === 'function' && typeof right === 'function') return undefined;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) {
    return `${path}: ${show(left)} vs ${show(right)}`;
  }
  if (Array.isArray(left) !== Array.isArray(right)) return `${path}: array vs non-array`;
  if (Array.isArray(left) && Array.isArray(right)) {
    if (left.length !== right.length) return `${path}: length ${left.length} vs ${right.length}`;
    if (strict && describeMarks(left) !== describeMarks(right)) {
      return `${path}: marks [${describeMarks(left)}] vs [${describeMarks(right)}]`;
    }
    for (let index = 0; index < left.length; index++) {
      const found = difference(left[index], right[index], strict, `${path}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  const leftRecord = left as Record<string, unknown>;
  const rightRecord = right as Record<string, unknown>;
  if (isLambda(leftRecord) && isLambda(rightRecord)) return undefined;
  const leftKeys = Object.keys(leftRecord);
  const rightKeys = Object.keys(rightRecord);
  const sameKeys = strict
    ? leftKeys.join('\u0000') === rightKeys.join('\u0000')
    : leftKeys.length === rightKeys.length && leftKeys.every((key) => Object.hasOwn(rightRecord, key));
  if (!sameKeys) return `${path}: keys [${leftKeys}] vs [${rightKeys}]`;
  if (strict && (Object.getPrototypeOf(left) === null) !== (Object.getPrototypeOf(right) === null)) {
    return `${path}: prototype differs`;
  }
  for (const key of leftKeys) {
    const found = difference(leftRecord[key], rightRecord[key], strict, `${path}.${key}`);
    if (found) return found;
  }
  return undefined;
}

function isLambda(value: Record<string, unknown>): boolean {
  return value._jsonata_lambda === true || value._jsonata_function === true;
}

function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Where two outcomes differ: values as {@link difference} compares them, errors by code. */
export function outcomeDifference(left: Outcome, right: Outcome, strict: boolean): string | undefined {
  if ('code' in left || 'code' in right) {
    const leftCode = 'code' in left ? left.code : 'a value';
    const rightCode = 'code' in right ? right.code : 'a value';
    return leftCode === rightCode ? undefined : `error ${leftCode} vs ${rightCode}`;
  }
  if ('fallback' in left || 'fallback' in right) return 'fallback';
  return difference(left.value, right.value, strict);
}
