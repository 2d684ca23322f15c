/**
 * @module Time and depth bounds of one evaluation, enforced by JSONata's per-node evaluation hook.
 *
 * JSONata looks up `Symbol.for('jsonata.__evaluate_entry')` in the environment before evaluating each
 * node. The hook is installed once per compiled expression and is stateless: the state of one evaluation
 * (its {@link EvaluationRun}) is bound under a key no expression can name in the frame that JSONata
 * creates for each `evaluate` call, so concurrent evaluations never share counters.
 */
import type jsonata from 'jsonata';
import { BoundExceeded } from './errors.js';

/** Bounds of one evaluation. */
export interface ExpressionLimits {
  /** Wall-clock time the evaluation may take, in milliseconds. */
  timeoutMs: number;
  /** How deeply expression nodes may nest while being evaluated (non-tail recursion adds a few per call). */
  maxDepth: number;
}

/**
 * 5000 ms and a nesting depth of 500. The time is wall-clock time and concurrent executions interleave at every
 * node, so the bound must leave room for a busy server; a runaway never blocks it (see YIELD_INTERVAL_MS).
 */
export const DEFAULT_LIMITS: ExpressionLimits = Object.freeze({ timeoutMs: 5000, maxDepth: 500 });

/** Binding key of the evaluation state; the space makes it impossible to write as a `$variable`. */
export const RUN_KEY = ' flowbus evaluation';

/** A running expression hands the event loop back this often, so timers, I/O and aborts get their turn. */
const YIELD_INTERVAL_MS = 10;

const ENTRY_HOOK = Symbol.for('jsonata.__evaluate_entry');

/** The state of one evaluation (of an expression, a whole template or a whole compiled value). */
export interface EvaluationRun {
  readonly limits: ExpressionLimits;
  readonly startedAt: number;
  lastYieldAt: number;
  readonly signal?: AbortSignal;
  readonly envAllowList: (name: string) => boolean;
  readonly variables?: (name: string) => string | undefined;
  /** What JSONata binds for this evaluation: the caller's `$name`s plus this run under {@link RUN_KEY}. */
  readonly bindings: Record<string, unknown>;
  /** Set once the evaluation has settled, so that an abandoned continuation stops at its next node. */
  finished: boolean;
}

/** The frame JSONata passes to hooks; `base` is the frame of the current `evaluate` call. */
interface JsonataFrame extends jsonata.Environment {
  base?: JsonataFrame;
  /** Set on `base` only: how deeply node evaluations are nested right now. */
  depth?: number;
}

function limitOrDefault(value: unknown, fallback: number): number {
  return typeof value === 'number' && value > 0 ? value : fallback;
}

/** Resolves the limits of a context: each missing, non-numeric or non-positive field takes its default. */
export function resolveLimits(limits: Partial<ExpressionLimits> | undefined): ExpressionLimits {
  return {
    timeoutMs: limitOrDefault(limits?.timeoutMs, DEFAULT_LIMITS.timeoutMs),
    maxDepth: limitOrDefault(limits?.maxDepth, DEFAULT_LIMITS.maxDepth),
  };
}

/** Throws when the evaluation was cancelled, has finished elsewhere, or has run out of time. */
export function checkClock(run: EvaluationRun, now: number): void {
  if (run.signal?.aborted || run.finished) throw new BoundExceeded('cancelled', 0);
  if (now - run.startedAt > run.limits.timeoutMs) throw new BoundExceeded('time', run.limits.timeoutMs);
}

function yieldToEventLoop(run: EvaluationRun): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve)).then(() => checkClock(run, Date.now()));
}

function onEvaluateEntry(_node: unknown, _input: unknown, environment: JsonataFrame): Promise<void> | void {
  const base = environment.base ?? environment;
  const run = base.lookup(RUN_KEY) as EvaluationRun | undefined;
  if (!run) return;
  // JSONata counts the nesting of node evaluations per `evaluate` call itself (`base.depth`).
  if ((base.depth ?? 0) > run.limits.maxDepth) throw new BoundExceeded('depth', run.limits.maxDepth);
  const now = Date.now();
  checkClock(run, now);
  if (now - run.lastYieldAt >= YIELD_INTERVAL_MS) {
    run.lastYieldAt = now;
    return yieldToEventLoop(run);
  }
}

/** Installs the bound-checking hook on a compiled JSONata expression (once, at compile time). */
export function installBounds(expression: jsonata.Expression): void {
  // `assign` binds in the expression's own frame; JSONata accepts symbol names there.
  expression.assign(ENTRY_HOOK as unknown as string, onEvaluateEntry);
}
