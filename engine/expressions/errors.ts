/**
 * @module Maps what JSONata (or anything else) throws to typed `EXPRESSION:*` errors.
 */
import { FlowbusError } from '../core/errors.js';
import { UNSUPPORTED_REGEX_ERROR } from '../regex/index.js';
import { lineColumn, type SourceLocation } from './position.js';

/** The `code` of a syntax problem for a regex literal that the linear-time engine cannot run. */
export const UNSUPPORTED_REGEX_CODE = 'RE2_UNSUPPORTED';

export const SYNTAX_ERROR = 'EXPRESSION:SYNTAX';
export const EVALUATION_ERROR = 'EXPRESSION:EVALUATION';
export const TIMEOUT_ERROR = 'EXPRESSION:TIMEOUT';
export const CANCELLED_ERROR = 'EXPRESSION:CANCELLED';
/** A value beyond a bound of what an expression may build (size or nesting). */
export const LIMIT_ERROR = 'EXPRESSION:LIMIT';

/** Where an expression sits: the whole string given by the user and the offset of the JSONata part in it. */
export interface SourceSpan {
  /** The expression, or the whole template for a template hole. */
  whole: string;
  /** Index in `whole` where the JSONata text starts (0 for a plain expression). */
  offset: number;
}

/** A syntax problem with its place in the whole string. */
export interface SyntaxProblem extends SourceLocation {
  /** 1-based index of the last character of the offending token in the whole string. */
  position: number;
  code: string;
  /** JSONata's own message, e.g. `Expected ")" before end of expression`. */
  reason: string;
}

/** A bound hit by the evaluation hooks; turned into a FlowbusError once the source is known. */
export class BoundExceeded extends Error {
  constructor(
    readonly bound: 'time' | 'depth' | 'cancelled' | 'value',
    readonly limit: number,
    /** The size reached, when it is known (the length of a string). */
    readonly size?: number,
  ) {
    super(`expression bound exceeded: ${bound}`);
  }
}

interface JsonataErrorLike {
  code?: unknown;
  position?: unknown;
  message?: unknown;
}

function asJsonataError(thrown: unknown): JsonataErrorLike {
  return typeof thrown === 'object' && thrown !== null ? (thrown as JsonataErrorLike) : {};
}

function isStackOverflow(thrown: unknown): boolean {
  return thrown instanceof RangeError && /call stack/i.test(thrown.message);
}

/** Describes what JSONata's parser threw, relative to the whole string. */
export function toSyntaxProblem(thrown: unknown, span: SourceSpan): SyntaxProblem {
  if (isStackOverflow(thrown)) {
    const position = span.offset + 1;
    const reason = 'expression is nested too deeply';
    return { position, code: 'S0000', reason, ...lineColumn(span.whole, position) };
  }
  const error = asJsonataError(thrown);
  const local = typeof error.position === 'number' ? error.position : 0;
  const position = span.offset + local;
  const code = typeof error.code === 'string' ? error.code : 'S0000';
  const reason = typeof error.message === 'string' ? error.message : String(thrown);
  return { position, code, reason, ...lineColumn(span.whole, position) };
}

/** The one-line message of a syntax problem. */
export function syntaxMessage(problem: SyntaxProblem): string {
  const what = problem.code === UNSUPPORTED_REGEX_CODE ? 'unsupported regex' : 'expression syntax error';
  return `${what} at line ${problem.line}, column ${problem.column}: ${problem.reason}`;
}

/** The `EXPRESSION:SYNTAX` error thrown at compile time. */
export function syntaxError(problem: SyntaxProblem, whole: string): FlowbusError {
  const { position, line, column, code } = problem;
  const details = { source: whole, position, line, column, code };
  const type = code === UNSUPPORTED_REGEX_CODE ? UNSUPPORTED_REGEX_ERROR : SYNTAX_ERROR;
  return new FlowbusError(type, syntaxMessage(problem), details);
}

/** The error for a bound hit while evaluating `source`. */
export function boundError(bound: BoundExceeded, source: string): FlowbusError {
  if (bound.bound === 'cancelled') {
    return new FlowbusError(CANCELLED_ERROR, 'expression evaluation was cancelled', { source });
  }
  if (bound.bound === 'time') {
    return new FlowbusError(TIMEOUT_ERROR, `expression exceeded ${bound.limit} ms`, {
      source,
      bound: 'time',
      timeoutMs: bound.limit,
    });
  }
  if (bound.bound === 'value') {
    const reached = bound.size === undefined ? 'more than' : `${bound.size} bytes, more than`;
    const allowed = `${bound.limit} bytes allowed (limits.valueBytes)`;
    const message = `expression built a value of ${reached} the ${allowed}`;
    return new FlowbusError(LIMIT_ERROR, message, {
      source,
      bound: 'value',
      limit: 'limits.valueBytes',
      valueBytes: bound.limit,
      ...(bound.size === undefined ? {} : { size: bound.size }),
    });
  }
  return new FlowbusError(TIMEOUT_ERROR, `expression exceeded recursion depth ${bound.limit}`, {
    source,
    bound: 'depth',
    maxDepth: bound.limit,
  });
}

/**
 * Turns anything thrown during an evaluation into a FlowbusError. FlowbusErrors (from a binding) pass
 * through; a JS stack overflow counts as exceeding the depth bound.
 */
export function toEvaluationError(
  thrown: unknown,
  span: SourceSpan,
  limits: { maxDepth: number; valueBytes: number },
): FlowbusError {
  if (thrown instanceof FlowbusError) return thrown;
  if (thrown instanceof BoundExceeded) return boundError(thrown, span.whole);
  if (isStackOverflow(thrown)) return boundError(new BoundExceeded('depth', limits.maxDepth), span.whole);
  const error = asJsonataError(thrown);
  // The range operator and `$append` refuse a sequence past the bound (D2015) or past 1e7 items (D2014).
  if (error.code === 'D2014' || error.code === 'D2015') {
    return boundError(new BoundExceeded('value', limits.valueBytes), span.whole);
  }
  const code = typeof error.code === 'string' ? error.code : undefined;
  const reason = typeof error.message === 'string' && error.message ? error.message : String(thrown);
  const details: Record<string, unknown> = { source: span.whole, code };
  let where = '';
  if (typeof error.position === 'number') {
    const position = span.offset + error.position;
    const { line, column } = lineColumn(span.whole, position);
    Object.assign(details, { position, line, column });
    where = ` at position ${position} (line ${line}, column ${column})`;
  }
  return new FlowbusError(EVALUATION_ERROR, `expression evaluation error${where}: ${reason}`, details, {
    cause: thrown,
  });
}
