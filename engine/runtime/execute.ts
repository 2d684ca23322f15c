/**
 * @module Runs one execution of a compiled flow and turns what happened into a record.
 */
import { randomUUID } from 'node:crypto';
import { FlowbusError, type FlowError } from '../core/errors.js';
import { createMessage, type Message } from '../core/message.js';
import { copyRecord } from '../core/record-copy.js';
import { BoundedList } from './bounded-list.js';
import { Cancellation } from './cancellation.js';
import {
  attachEnv,
  defaultServices,
  detachEnv,
  pushTrace,
  type ExecutionEnv,
  type RunState,
} from './environment.js';
import { resolveExecutionLimits } from './limits.js';
import type { ExecutionMode } from '../core/step-definition.js';
import type { ExecuteOptions, ExecutionInput, ExecutionRecord, ExecutionStatus, RuntimeServices } from './types.js';

/** Overall bound of an execution when the caller gives none. */
export const DEFAULT_EXECUTION_TIMEOUT_MS = 30_000;

export type Ending = { status: ExecutionStatus; error?: FlowError; message?: Message };

/** Runs one execution's steps and reports how they ended; `stop` abandons them. */
export interface Driver {
  start(context: RunState, env: ExecutionEnv, done: (ending: Ending) => void): { stop(): void };
}

/** How a compiled flow runs: its mode, and the driver of an execution given its options. */
export interface FlowRunner {
  mode: ExecutionMode;
  driver(options: ExecuteOptions): Driver;
}

/** Executes a flow once through `driver`; never throws: every failure is in the record. */
export async function executeFlow(
  flowId: string,
  runner: FlowRunner,
  input: ExecutionInput,
  options: ExecuteOptions = {},
): Promise<ExecutionRecord> {
  const { resume } = options;
  const startedAt = resume?.startedAt ?? Date.now();
  const started = performance.now();
  const cancellation = new Cancellation();
  const limits = resolveExecutionLimits(options.limits);
  const env: ExecutionEnv = {
    executionId: options.executionId ?? randomUUID(),
    flowId,
    cancellation,
    services: servicesOf(options.services),
    stubs: options.stubs ?? {},
    dryRun: options.dryRun ?? false,
    callDepth: options.callDepth ?? 0,
    callers: options.callers ?? [],
    limits,
    sizes: new WeakMap(),
    lastYieldAt: performance.now(),
    trace: new BoundedList(limits.traceEntries, (entry) => entry.stepId),
    logs: new BoundedList(limits.traceEntries, (entry) => entry.stepId),
    closed: false,
    mode: runner.mode,
  };
  for (const entry of resume?.trace ?? []) env.trace.push(entry);
  for (const entry of resume?.logs ?? []) env.logs.push(entry);
  const sink = runner.mode === 'durable' ? options.checkpoints : undefined;
  if (sink && !resume) {
    const start = { executionId: env.executionId, flowId, input, startedAt };
    const extra = { ...(options.trigger ? { trigger: options.trigger } : {}), ...(options.flowVersion ? { flowVersion: options.flowVersion } : {}) };
    sink.started({ ...start, ...extra }).catch(() => {});
  }
  const context: RunState = {
    run: attachEnv(env),
    message: createMessage({ payload: input.payload, attributes: input.attributes, vars: input.vars }),
    scopes: {},
  };

  let running: { stop(): void } | undefined;
  const ending = await new Promise<Ending>((resolve) => {
    const timeoutMs = options.timeoutMs ?? DEFAULT_EXECUTION_TIMEOUT_MS;
    const timer = setTimeout(
      () => stop({ status: 'timed-out', error: { type: 'TIMEOUT', message: `execution exceeded ${timeoutMs} ms` } }),
      timeoutMs,
    );
    const onAbort = () =>
      stop({ status: 'cancelled', error: { type: 'CANCELLED', message: 'execution was cancelled' } });
    let settled = false;
    function stop(result: Ending) {
      // Stopping an actor notifies its observers again; the first ending is the one that counts.
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (result.status === 'timed-out' || result.status === 'cancelled') {
        cancellation.abort(new FlowbusError(result.error!.type, result.error!.message));
        recordInterruptedStep(env, result.error!);
        running?.stop();
      }
      resolve(result);
    }
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    running = runner.driver(options).start(context, env, stop);
  });

  env.closed = true;
  detachEnv(context.run);
  const record: ExecutionRecord = {
    id: env.executionId,
    flowId,
    status: ending.status,
    startedAt,
    endedAt: Date.now(),
    durationMs: Math.round((performance.now() - started) * 1000) / 1000,
    input,
    steps: env.trace.items(),
    logs: env.logs.items(),
  };
  const steps = env.trace.elision();
  const logs = env.logs.elision();
  if (steps || logs) record.elided = { ...(steps ? { steps } : {}), ...(logs ? { logs } : {}) };
  if (ending.status === 'succeeded') record.result = ending.message;
  if (ending.error) record.error = ending.error;
  // A cancelled durable execution (the server is stopping) stays unfinished: the next start resumes it.
  if (sink && ending.status !== 'cancelled') {
    const { status, result, error, endedAt } = record;
    await sink.finished(env.executionId, { status, startedAt, endedAt, ...(result ? { result } : {}), ...(error ? { error } : {}) });
  }
  return record;
}

/** The default services with the caller's over them, as `{ ...defaultServices, ...given }` without its slow path. */
function servicesOf(given: Partial<RuntimeServices> | undefined): RuntimeServices {
  const services = copyRecord(defaultServices);
  return given ? Object.assign(services, given) : services;
}

/** A step still running when the execution is stopped gets a failed trace entry saying why. */
function recordInterruptedStep(env: ExecutionEnv, error: FlowError): void {
  const current = env.current;
  if (!current) return;
  pushTrace(env, {
    stepId: current.stepId,
    type: current.type,
    path: current.path,
    status: 'failed',
    startedAt: current.startedAt,
    endedAt: Date.now(),
    durationMs: Math.round((performance.now() - current.started) * 1000) / 1000,
    error: { ...error, step: current.stepId },
  });
  env.current = undefined;
}
