/**
 * @module State shared while one pattern is checked: the issues found so far and the size budget.
 */
import { PATTERN_LIMITS } from './limits.js';
import type { PatternIssue } from './types.js';

/** Thrown once the pattern is too big to keep checking; `parsePattern` turns it into the last issue. */
export class PatternTooLarge extends Error {}

/** Collects issues while a pattern is walked, and counts values against the size limit. */
export class ParseContext {
  readonly issues: PatternIssue[] = [];
  private nodes = 0;

  /** Records one problem at a pointer. */
  issue(pointer: string, message: string): void {
    this.issues.push({ pointer, message });
  }

  /** Counts one JSON value of the pattern; stops the walk when there are too many. */
  countNode(pointer: string): void {
    if (++this.nodes > PATTERN_LIMITS.maxNodes) {
      this.issue(pointer, `the pattern has more than ${PATTERN_LIMITS.maxNodes} values`);
      throw new PatternTooLarge();
    }
  }

  /** Checks a string's length; false (with an issue) when it is too long. */
  checkString(pointer: string, text: string): boolean {
    if (text.length <= PATTERN_LIMITS.maxStringLength) return true;
    this.issue(pointer, `a string may have at most ${PATTERN_LIMITS.maxStringLength} characters`);
    return false;
  }
}

/** A non-null object that is not an array and was built as plain data (object literal or JSON). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Describes a JSON value's type for messages: `a string`, `a list`, `null`, ... */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return Number.isFinite(value) ? 'a number' : `the number ${value}`;
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'boolean') return 'a boolean';
  return `a ${typeof value} (not JSON)`;
}
