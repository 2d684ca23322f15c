/**
 * @module Finds every expression syntax problem inside a JSON value, for the flow validator.
 */
import { joinPointer } from '../core/issues.js';
import { parseJsonata } from './compile.js';
import { syntaxMessage, UNSUPPORTED_REGEX_CODE, type SyntaxProblem } from './errors.js';
import { parseTemplate } from './template.js';
import type { ExpressionIssue } from './types.js';
import { isExpressionValue } from './value.js';

const EXPRESSION_KEYS = ['$expr', '$template'];

function toIssue(pointer: string, problem: SyntaxProblem): ExpressionIssue {
  const code = problem.code === UNSUPPORTED_REGEX_CODE ? 'unsupported-regex' : 'expression-syntax';
  return { pointer, code, message: syntaxMessage(problem), line: problem.line, column: problem.column };
}

/** Why an object that uses `$expr` / `$template` is not an expression object, if it is one of those. */
function malformedReason(value: Record<string, unknown>): string | undefined {
  const keys = Object.keys(value);
  const used = keys.filter((key) => EXPRESSION_KEYS.includes(key));
  if (used.length === 0) return undefined;
  if (keys.length > 1) {
    return `an expression object holds only "${used[0]}", but this one also has ${keys
      .filter((key) => key !== used[0])
      .map((key) => `"${key}"`)
      .join(', ')}`;
  }
  return `"${used[0]}" must hold a string, not ${value[used[0]!] === null ? 'null' : typeof value[used[0]!]}`;
}

function collect(value: unknown, pointer: string, issues: ExpressionIssue[]): void {
  if (isExpressionValue(value)) {
    const problems =
      '$expr' in value
        ? [parseJsonata(value.$expr)].flatMap((parsed) => ('problems' in parsed ? parsed.problems : []))
        : parseTemplate(value.$template).problems;
    for (const problem of problems) issues.push(toIssue(pointer, problem));
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => collect(item, joinPointer(pointer, index), issues));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const reason = malformedReason(value as Record<string, unknown>);
  if (reason) issues.push({ pointer, code: 'expression-syntax', message: reason, line: 1, column: 1 });
  for (const [key, item] of Object.entries(value)) collect(item, joinPointer(pointer, key), issues);
}

/**
 * Every syntax problem of the expressions inside `value`, each with its JSON pointer relative to `value`
 * and its line and column inside the expression (or template) string. Also reports objects that use
 * `$expr` / `$template` wrongly (another key beside it, a value that is not a string), which would
 * otherwise be taken as literal data. Never throws.
 *
 * @example
 * findExpressionIssues({ text: { $expr: 'payload.' } });
 * // [{ pointer: '/text', code: 'expression-syntax', line: 1, column: 8,
 * //    message: 'expression syntax error at line 1, column 8: Unexpected end of expression' }]
 */
export function findExpressionIssues(value: unknown): ExpressionIssue[] {
  const issues: ExpressionIssue[] = [];
  collect(value, '', issues);
  return issues;
}
