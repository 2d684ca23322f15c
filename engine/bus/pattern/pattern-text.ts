/**
 * @module Pattern text read with the project's JSON reader: a syntax error says line, column and pointer; a
 * number that does not fit a double is reported instead of silently changed.
 */
import { describeJsonError, readJson } from '../../json/read.js';
import { PATTERN_LIMITS } from './limits.js';
import type { PatternIssue } from './types.js';

/** What reading pattern text gives: the value, or the problems (one syntax error, or number range errors). */
export type PatternTextResult = { ok: true; value: unknown } | { ok: false; issues: PatternIssue[] };

/**
 * Reads pattern text as JSON, nesting at most `PATTERN_LIMITS.maxDepth` levels.
 *
 * @example
 * readPatternText('{"a": [1, 2 3]}');
 * // { ok: false, issues: [{ pointer: '/a/2', message: 'invalid JSON at line 1, column 13: expected "," ...' }] }
 */
export function readPatternText(text: string): PatternTextResult {
  const maxDepth = PATTERN_LIMITS.maxDepth;
  const read = readJson(text, { maxDepth });
  if (!read.ok) {
    const { error } = read;
    const message =
      error.problem === 'depth' ? `a pattern may nest at most ${maxDepth} levels deep` : describeJsonError(error);
    return { ok: false, issues: [{ pointer: error.pointer, message }] };
  }
  if (read.numbersOutOfRange.length === 0) return { ok: true, value: read.value };
  const issues = read.numbersOutOfRange.map(({ pointer, literal, tooLarge }) => ({
    pointer,
    message: tooLarge
      ? `number ${literal} is too large for a double`
      : `number ${literal} is too small for a double (it would become 0)`,
  }));
  return { ok: false, issues };
}
