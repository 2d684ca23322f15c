/**
 * @module Public types of the expression module: evaluation context and compiled expressions and values.
 */
import type { SizeMemo } from '../core/value-size.js';
import type { ExpressionLimits } from './bounds.js';

/** What one evaluation may see and how long it may run. */
export interface EvaluationContext {
  /** Extra `$name` bindings, e.g. `{ executionId, flowId, stepId }` exposed as `$executionId` ... */
  bindings?: Record<string, unknown>;
  /** Bounds of this evaluation; missing or invalid fields take {@link DEFAULT_LIMITS}. */
  limits?: Partial<ExpressionLimits>;
  /**
   * Names of environment variables `$env(name)` may read; others return undefined.
   * Default: names starting with `FLOWBUS_VAR_`.
   */
  envAllowList?: (name: string) => boolean;
  /** The variables of the environment the server runs in; `$env(name)` reads them first, allow-list or not. */
  variables?: (name: string) => string | undefined;
  /** Aborting it stops the evaluation with `EXPRESSION:CANCELLED`. */
  signal?: AbortSignal;
  /**
   * Says whether the evaluation is cancelled, asked instead of `signal.aborted` where given, so that a caller
   * can leave `signal` out (an execution makes its AbortController only when something waits on it). Without a
   * `signal`, an evaluation waiting in a caller's own function binding notices at its next node.
   */
  cancellation?: { readonly aborted: boolean };
  /** Sizes of objects measured before (by the same execution), so that a value is walked once. */
  sizes?: SizeMemo;
}

/** A JSONata expression or a string template, parsed once and evaluated many times. */
export interface CompiledExpression {
  readonly source: string;
  readonly kind: 'expr' | 'template';
  /**
   * Evaluates against `input` (the message `{ payload, attributes, vars, error? }`).
   * Rejects only with `FlowbusError`: `EXPRESSION:EVALUATION`, `EXPRESSION:TIMEOUT`, `EXPRESSION:CANCELLED`,
   * `EXPRESSION:LIMIT` (a value larger than `limits.valueBytes`).
   */
  evaluate(input: unknown, context?: EvaluationContext): Promise<unknown>;
}

/** Any JSON value with its `$expr` / `$template` objects compiled, at any depth. */
export interface CompiledValue {
  /** False when the value holds no expression: `evaluate` then returns a copy of the literal. */
  readonly dynamic: boolean;
  /** Evaluates every expression inside; one time and depth budget covers the whole value. */
  evaluate(input: unknown, context?: EvaluationContext): Promise<unknown>;
}

/** One syntax problem of an expression inside a value, for the validator. */
export interface ExpressionIssue {
  /** JSON pointer relative to the value given, `""` for the value itself. */
  pointer: string;
  /** `unsupported-regex` for a regex literal the linear-time engine cannot run, else `expression-syntax`. */
  code: 'expression-syntax' | 'unsupported-regex';
  message: string;
  /** 1-based, inside the expression or template string. */
  line: number;
  column: number;
}
