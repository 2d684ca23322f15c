/**
 * @module Time, depth and value-size bounds of one evaluation, enforced by JSONata's per-node hooks.
 *
 * JSONata looks up `Symbol.for('jsonata.__evaluate_entry')` in the environment before evaluating each
 * node. The hook is installed once per compiled expression and is stateless: the state of one evaluation
 * (its {@link EvaluationRun}) is bound under a key no expression can name in the frame that JSONata
 * creates for each `evaluate` call, so concurrent evaluations never share counters.
 */
import type jsonata from 'jsonata';
import { measureValue, type SizeMemo } from '../core/value-size.js';
import { BoundExceeded } from './errors.js';
import type { EvaluationContext } from './types.js';

/** Bounds of one evaluation. */
export interface ExpressionLimits {
  /** Wall-clock time the evaluation may take, in milliseconds. */
  timeoutMs: number;
  /** How deeply expression nodes may nest while being evaluated (non-tail recursion adds a few per call). */
  maxDepth: number;
  /** Largest value (about its JSON size in bytes) any part of the expression may build. */
  valueBytes: number;
}

/**
 * 5000 ms, a nesting depth of 500 and values up to 10 MB. The time is wall-clock time and concurrent
 * executions interleave at every node, so the bound must leave room for a busy server; a runaway never blocks
 * it (see YIELD_INTERVAL_MS).
 */
export const DEFAULT_LIMITS: ExpressionLimits = Object.freeze({
  timeoutMs: 5000,
  maxDepth: 500,
  valueBytes: 10 * 1024 * 1024,
});

/** What an item of a sequence costs at least in the size estimate (a number and its comma). */
const MIN_ITEM_BYTES = 9;

/** Binding key of the evaluation state; the space makes it impossible to write as a `$variable`. */
export const RUN_KEY = ' flowbus evaluation';

/** A running expression hands the event loop back this often, so timers, I/O and aborts get their turn. */
const YIELD_INTERVAL_MS = 10;

const ENTRY_HOOK = Symbol.for('jsonata.__evaluate_entry');
const EXIT_HOOK = Symbol.for('jsonata.__evaluate_exit');

/** The state of one evaluation (of an expression, a whole template or a whole compiled value). */
export interface EvaluationRun {
  readonly limits: ExpressionLimits;
  readonly startedAt: number;
  lastYieldAt: number;
  /** The caller's context, where its `signal` (or `aborted`) says whether the evaluation is cancelled. */
  readonly context?: EvaluationContext;
  readonly envAllowList: (name: string) => boolean;
  readonly variables?: (name: string) => string | undefined;
  /** What JSONata binds for this evaluation: the caller's `$name`s plus this run under {@link RUN_KEY}. */
  readonly bindings: Record<string, unknown>;
  /** Set once the evaluation has settled, so that an abandoned continuation stops at its next node. */
  finished: boolean;
  /** Sizes of the objects measured so far (by this execution, when it shares its memo). */
  readonly sizes: SizeMemo;
}

/** The frame JSONata passes to hooks; `base` is the frame of the current `evaluate` call. */
interface JsonataFrame extends jsonata.Environment {
  base?: JsonataFrame;
  /** Set on `base` only: how deeply node evaluations are nested right now. */
  depth?: number;
  /** Set on `base` only: JSONata's options; its range operator and `$append` read `sequence` here. */
  options?: Record<string, unknown>;
}

function limitOrDefault(value: unknown, fallback: number): number {
  return typeof value === 'number' && value > 0 ? value : fallback;
}

/** Resolves the limits of a context: each missing, non-numeric or non-positive field takes its default. */
export function resolveLimits(limits: Partial<ExpressionLimits> | undefined): ExpressionLimits {
  return {
    timeoutMs: limitOrDefault(limits?.timeoutMs, DEFAULT_LIMITS.timeoutMs),
    maxDepth: limitOrDefault(limits?.maxDepth, DEFAULT_LIMITS.maxDepth),
    valueBytes: limitOrDefault(limits?.valueBytes, DEFAULT_LIMITS.valueBytes),
  };
}

/** Whether the caller has cancelled the evaluation; reads its signal only where it gives no `cancellation`. */
export function isCancelled(run: EvaluationRun): boolean {
  const context = run.context;
  if (context === undefined) return false;
  return context.cancellation ? context.cancellation.aborted : context.signal?.aborted === true;
}

/** Throws when the evaluation was cancelled, has finished elsewhere, or has run out of time. */
export function checkClock(run: EvaluationRun, now: number): void {
  if (run.finished || isCancelled(run)) throw new BoundExceeded('cancelled', 0);
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
  if (base.depth === 1) limitSequences(base, run);
  const now = Date.now();
  checkClock(run, now);
  if (now - run.lastYieldAt >= YIELD_INTERVAL_MS) {
    run.lastYieldAt = now;
    return yieldToEventLoop(run);
  }
}

/** The longest sequence the range operator and `$append` may build under `limits` (longer ones: D2015). */
export function sequenceLimit(limits: ExpressionLimits): number {
  return Math.max(1, Math.floor(limits.valueBytes / MIN_ITEM_BYTES));
}

/**
 * JSONata's range operator (`[1..N]`) and `$append` refuse to build a sequence longer than
 * `options.sequence` (D2015) before allocating it; the options are read per evaluation, from its base frame.
 */
function limitSequences(base: JsonataFrame, run: EvaluationRun): void {
  const sequence = sequenceLimit(run.limits);
  if (base.options?.sequence !== sequence) base.options = { ...base.options, sequence };
}

/** Throws for a `value` larger than allowed: strings by length, the rest by a bounded walk. */
export function checkValueSize(run: EvaluationRun, value: unknown): void {
  const limit = run.limits.valueBytes;
  if (typeof value === 'string') {
    if (value.length > limit) throw new BoundExceeded('value', limit, value.length);
    return;
  }
  if (typeof value !== 'object' || value === null || (value as { tupleStream?: boolean }).tupleStream) return;
  if (measureValue(value, limit, run.sizes) > limit) throw new BoundExceeded('value', limit);
}

function onEvaluateExit(_node: unknown, _input: unknown, environment: JsonataFrame, result: unknown): void {
  if (typeof result !== 'string' && (typeof result !== 'object' || result === null)) return;
  const run = (environment.base ?? environment).lookup(RUN_KEY) as EvaluationRun | undefined;
  if (run) checkValueSize(run, result);
}

/** Installs the bound-checking hooks on a compiled JSONata expression (once, at compile time). */
export function installBounds(expression: jsonata.Expression): void {
  // `assign` binds in the expression's own frame; JSONata accepts symbol names there.
  expression.assign(ENTRY_HOOK as unknown as string, onEvaluateEntry);
  expression.assign(EXIT_HOOK as unknown as string, onEvaluateExit);
}
