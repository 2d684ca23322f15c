/**
 * @module Runs one evaluation: its state, its cancellation, and the guarantee that only FlowbusErrors escape.
 */
import { FlowbusError } from '../core/errors.js';
import { findValueDepthExcess, MAX_JSON_DEPTH } from '../core/json-depth.js';
import { copyRecord, setEntry } from '../core/record-copy.js';
import { measuredDepth } from '../core/value-size.js';
import { isDefaultEnvName } from './bindings.js';
import { checkValueSize, isCancelled, resolveLimits, RUN_KEY, type EvaluationRun } from './bounds.js';
import { BoundExceeded, boundError, LIMIT_ERROR, toEvaluationError } from './errors.js';
import type { CompiledExpression, EvaluationContext } from './types.js';

/**
 * A value, or a promise of it: compiled expressions give their results synchronously, and the values and
 * templates made of them stay synchronous until a part needs the interpreter, whose results come in promises.
 */
export type MaybePromise<T> = T | Promise<T>;

/** A compiled expression that can also take part in an evaluation already running (a template, a value). */
export interface RunnableExpression extends CompiledExpression {
  evaluateInRun(input: unknown, run: EvaluationRun): MaybePromise<unknown>;
}

/** Starts the state of one evaluation. */
export function createRun(context: EvaluationContext | undefined): EvaluationRun {
  const now = Date.now();
  const bindings: Record<string, unknown> = context?.bindings ? copyRecord(context.bindings) : {};
  const run: EvaluationRun = {
    limits: resolveLimits(context?.limits),
    startedAt: now,
    lastYieldAt: now,
    context,
    envAllowList: context?.envAllowList ?? isDefaultEnvName,
    variables: context?.variables,
    bindings,
    finished: false,
    sizes: context?.sizes ?? new WeakMap(),
  };
  // Set last, so that a caller's binding of the same name cannot replace the evaluation state.
  setEntry(bindings, RUN_KEY, run);
  return run;
}

function cancelledError(source: string): FlowbusError {
  return boundError(new BoundExceeded('cancelled', 0), source);
}

async function raceAbort<T>(pending: Promise<T>, signal: AbortSignal, source: string): Promise<T> {
  let onAbort = (): void => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(cancelledError(source));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  // The abandoned evaluation stops at its next node; its rejection is not news.
  pending.catch(() => {});
  try {
    return await Promise.race([pending, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

function hasFunctionBinding(bindings: Record<string, unknown> | undefined): boolean {
  for (const key in bindings) if (typeof bindings[key] === 'function') return true;
  return false;
}

/** The code the result goes on to walks values recursively (writers, redaction): its nesting is bounded. */
function checkResultDepth<T>(result: T, source: string): T {
  const tooDeep = findValueDepthExcess(result, MAX_JSON_DEPTH);
  if (!tooDeep) return result;
  // The pointer (hundreds of segments) goes into the details, not into the message.
  const message = `the expression's result nests deeper than ${MAX_JSON_DEPTH} levels of objects and lists`;
  throw new FlowbusError(LIMIT_ERROR, message, { source, ...tooDeep });
}

/** Checks a whole evaluation's result: each expression's was checked as it was built, a value puts several together. */
function checkResult<T>(run: EvaluationRun, result: T, source: string): T {
  checkValueSize(run, result);
  // The size walk has just recorded how deeply the result nests, where it could tell: no second walk then.
  if (typeof result === 'object' && result !== null) {
    const depth = measuredDepth(result, run.sizes);
    if (depth !== undefined && depth <= MAX_JSON_DEPTH) return result;
  }
  return checkResultDepth(result, source);
}

/**
 * Runs `work(input, run)` as one bounded evaluation of `source` under `context`; an abort of `context.signal`
 * settles it at once with `EXPRESSION:CANCELLED`. Work that ends synchronously (compiled expressions) is checked
 * and settled at once, without an asynchronous function around it. `work` takes the input rather than closing
 * over it, so that an evaluation makes no function of its own.
 */
export function runBounded<T>(
  context: EvaluationContext | undefined,
  source: string,
  work: (input: unknown, run: EvaluationRun) => MaybePromise<T>,
  input: unknown,
): Promise<T> {
  const run = createRun(context);
  let pending: MaybePromise<T> | undefined;
  try {
    if (isCancelled(run)) throw cancelledError(source);
    pending = work(input, run);
    if (pending instanceof Promise) return settle(run, pending, source, context);
    return Promise.resolve(checkResult(run, pending, source));
  } catch (thrown) {
    return Promise.reject(toEvaluationError(thrown, { whole: source, offset: 0 }, run.limits));
  } finally {
    // Work still running is marked finished when it settles.
    if (!(pending instanceof Promise)) run.finished = true;
  }
}

async function settle<T>(run: EvaluationRun, pending: Promise<T>, source: string, context: EvaluationContext | undefined) {
  try {
    // The entry hook sees an abort at the next node; only a caller's own function binding can wait forever
    // between nodes, so only then is the (costly) race against the signal needed.
    const signal = hasFunctionBinding(context?.bindings) ? context?.signal : undefined;
    const result = await (signal ? raceAbort(pending, signal, source) : pending);
    return checkResult(run, result, source);
  } catch (thrown) {
    throw toEvaluationError(thrown, { whole: source, offset: 0 }, run.limits);
  } finally {
    run.finished = true;
  }
}
