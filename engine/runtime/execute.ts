/**
 * @module Runs one execution of a compiled flow as an xstate actor and turns what happened into a record.
 */
import { randomUUID } from 'node:crypto';
import { createActor } from 'xstate';
import { FlowbusError, toFlowError, type FlowError } from '../core/errors.js';
import { createMessage } from '../core/message.js';
import { defaultServices, pushTrace, type ExecutionEnv, type RunContext } from './environment.js';
import type { FlowMachine } from './machine.js';
import type { ExecuteOptions, ExecutionInput, ExecutionRecord, ExecutionStatus } from './types.js';

/** Overall bound of an execution when the caller gives none. */
export const DEFAULT_EXECUTION_TIMEOUT_MS = 30_000;

type Ending = { status: ExecutionStatus; error?: FlowError };

/** Executes `machine` once; never throws: every failure is in the record. */
export async function executeMachine(
  flowId: string,
  machine: FlowMachine,
  input: ExecutionInput,
  options: ExecuteOptions = {},
): Promise<ExecutionRecord> {
  const startedAt = Date.now();
  const started = performance.now();
  const controller = new AbortController();
  const env: ExecutionEnv = {
    executionId: options.executionId ?? randomUUID(),
    flowId,
    signal: controller.signal,
    services: { ...defaultServices, ...options.services },
    stubs: options.stubs ?? {},
    dryRun: options.dryRun ?? false,
    callDepth: options.callDepth ?? 0,
    trace: [],
    logs: [],
    closed: false,
  };
  const context: RunContext = {
    env,
    message: createMessage({ payload: input.payload, attributes: input.attributes, vars: input.vars }),
    tries: {},
    loops: {},
  };

  const actor = createActor(machine, { input: context });
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
      // Stopping the actor notifies observers again; the first ending is the one that counts.
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (result.status === 'timed-out' || result.status === 'cancelled') {
        controller.abort(new FlowbusError(result.error!.type, result.error!.message));
        recordInterruptedStep(env, result.error!);
        actor.stop();
      }
      resolve(result);
    }
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    actor.subscribe({
      complete: () => {
        const snapshot = actor.getSnapshot();
        if (snapshot.value === 'succeeded') stop({ status: 'succeeded' });
        else stop({ status: 'failed', error: snapshot.context.error ?? unknownFailure() });
      },
      error: (thrown) => stop({ status: 'failed', error: toFlowError(thrown) }),
    });
    actor.start();
  });

  const finalContext = actor.getSnapshot().context;
  env.closed = true;
  const record: ExecutionRecord = {
    id: env.executionId,
    flowId,
    status: ending.status,
    startedAt,
    endedAt: Date.now(),
    durationMs: Math.round((performance.now() - started) * 1000) / 1000,
    input,
    steps: env.trace,
    logs: env.logs,
  };
  if (ending.status === 'succeeded') record.result = finalContext.message;
  if (ending.error) record.error = ending.error;
  return record;
}

function unknownFailure(): FlowError {
  return { type: 'FLOWBUS:UNEXPECTED', message: 'the execution failed without an error' };
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
