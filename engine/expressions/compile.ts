/**
 * @module Compiles one JSONata expression once, with its bounds and built-in functions installed.
 */
import type { EvaluationRun } from './bounds.js';
import type { AstNode } from './compiler/ast.js';
import { withCompiledPath } from './compiler/index.js';
import {
  syntaxError,
  toEvaluationError,
  toSyntaxProblem,
  type SourceSpan,
  type SyntaxProblem,
} from './errors.js';
import { parseCached } from './parse-cache.js';
import { toPlain } from './plain.js';
import { findUnsupportedRegexes } from './regex-literals.js';
import { runBounded, type MaybePromise, type RunnableExpression } from './run.js';
import type { CompiledExpression } from './types.js';

/** A parsed JSONata text, ready to evaluate inside a running evaluation. */
export interface JsonataProgram {
  readonly span: SourceSpan;
  /** The result, synchronously where the expression is compiled, else in a promise (see {@link MaybePromise}). */
  evaluateInRun(input: unknown, run: EvaluationRun): MaybePromise<unknown>;
}

/**
 * Parses `source`; returns the problems instead of throwing, for callers that collect every issue: a syntax
 * error, or each regex literal the linear-time engine cannot run.
 */
export function parseJsonata(
  source: string,
  span: SourceSpan = { whole: source, offset: 0 },
): { program: JsonataProgram } | { problems: SyntaxProblem[] } {
  const parsed = parseCached(source);
  if ('thrown' in parsed) return { problems: [toSyntaxProblem(parsed.thrown, span)] };
  const { expression } = parsed;
  const regexProblems = findUnsupportedRegexes(expression.ast(), span);
  if (regexProblems.length > 0) return { problems: regexProblems };
  const interpret = async (input: unknown, run: EvaluationRun): Promise<unknown> => {
    try {
      return toPlain(await expression.evaluate(input, run.bindings));
    } catch (thrown) {
      throw toEvaluationError(thrown, span, run.limits);
    }
  };
  // Compiled to JavaScript where the compiler does the whole expression exactly, interpreted otherwise.
  const evaluateInRun = withCompiledPath(expression.ast() as AstNode, interpret, toPlain);
  return { program: { span, evaluateInRun } };
}

/** Parses `source` or throws `EXPRESSION:SYNTAX` (`EXPRESSION:UNSUPPORTED_REGEX` for a regex RE2 can't run). */
export function compileJsonata(source: string, span?: SourceSpan): JsonataProgram {
  const parsed = parseJsonata(source, span);
  if ('problems' in parsed) throw syntaxError(parsed.problems[0]!, span?.whole ?? source);
  return parsed.program;
}

/**
 * Compiles a JSONata expression once; each `evaluate` runs it against a message, bounded in time and depth.
 * Throws `EXPRESSION:SYNTAX` with the line and column of the problem.
 *
 * @example
 * const subject = compileExpression('payload.subject & " (" & attributes.method & ")"');
 * await subject.evaluate({ payload: { subject: 'ins-1' }, attributes: { method: 'POST' }, vars: {} });
 */
export function compileExpression(source: string): CompiledExpression {
  return compileRunnableExpression(source);
}

/** {@link compileExpression}, keeping the hook that lets a compiled value share one evaluation. */
export function compileRunnableExpression(source: string): RunnableExpression {
  const program = compileJsonata(source);
  return {
    source,
    kind: 'expr',
    evaluateInRun: program.evaluateInRun,
    evaluate: (input, context) => runBounded(context, source, program.evaluateInRun, input),
  };
}
