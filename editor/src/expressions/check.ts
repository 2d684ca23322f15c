/**
 * @module Syntax checks of the f(x) editor, with the engine's own parser: the messages match what saving
 * and the CLI report.
 */
import { findExpressionIssues, type ExpressionIssue } from '../../../engine/expressions/index.js';
import type { ExpressionValue } from '../../../engine/flow/document.js';
import { i18n } from '../i18n/i18n.js';

/** The source text of an expression value, whichever form it has. */
export function expressionSource(value: ExpressionValue): string {
  return '$expr' in value ? value.$expr : value.$template;
}

/**
 * Every syntax problem of an expression or template, as the validator words them; an empty expression is
 * one problem too (it would select nothing).
 *
 * @example
 * expressionProblems({ $expr: 'payload.' })[0].message; // 'expression syntax error at line 1, column 8: ...'
 */
export function expressionProblems(value: ExpressionValue): ExpressionIssue[] {
  if ('$expr' in value && value.$expr.trim() === '') {
    const message = i18n.t('completions.emptyExpression');
    return [{ pointer: '', code: 'expression-syntax', message, line: 1, column: 1 }];
  }
  return findExpressionIssues(value);
}
