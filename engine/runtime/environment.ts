/**
 * @module Per-execution state shared by the machine's actors: services, trace and logs.
 */
import type { Cancellation } from './cancellation.js';
import { FlowbusError } from '../core/errors.js';
import type { FlowError } from '../core/errors.js';
import type { Message } from '../core/message.js';
import type { SizeMemo } from '../core/value-size.js';
import type { BoundedList } from './bounded-list.js';
import { realClock } from './clock.js';
import type { ExecutionMode } from '../core/step-definition.js';
import type { ExecutionLimits } from './limits.js';
import type { LogEntry, RuntimeServices, StepStub, StepTrace } from './types.js';

/** Everything one execution needs besides its plain state; outside the machine's context. */
export interface ExecutionEnv {
  executionId: string;
  flowId: string;
  /** Its `signal` is aborted when the execution is stopped (timed out or cancelled). */
  cancellation: Cancellation;
  services: RuntimeServices;
  stubs: Record<string, StepStub>;
  dryRun: boolean;
  callDepth: number;
  /** The flows that called this one, outermost first (Flow Reference). */
  callers: string[];
  limits: ExecutionLimits;
  /** Sizes of the values measured so far: each value is walked once per execution. */
  sizes: SizeMemo;
  /** When the execution last handed the event loop back (`performance.now()`). */
  lastYieldAt: number;
  trace: BoundedList<StepTrace>;
  logs: BoundedList<LogEntry>;
  /** The step running now, so a cancelled execution can say where it stopped. */
  current?: { stepId: string; type: string; path: string; startedAt: number; started: number };
  /** Set once the record is final: late results of abandoned steps are ignored. */
  closed: boolean;
  mode: ExecutionMode;
  /** Durable executions: resolves once the checkpoint the state just entered needs (if any) is on disk. */
  beforeWork?: (effects: WorkEffects) => Promise<void>;
  /** Durable executions with checkpoints: trace and log entries not yet in a checkpoint. */
  fresh?: { trace: StepTrace[]; logs: LogEntry[] };
}

/**
 * What a state's work may do outside the execution: `none` (pure steps only: a crash re-runs them),
 * `external` (a step with effects: a checkpoint follows it), `scope` (a scope's own work, such as a wait:
 * checkpointed before it starts, so its due time is on disk, and after it).
 */
export type WorkEffects = 'none' | 'external' | 'scope';

/**
 * What a scope step keeps in the context while it runs, by its step id: plain data of the step's own, plus
 * the counters the runtime reads for traces and idempotency keys.
 */
export interface ScopeState {
  /** 1-based attempt of the scope's body (a retried Try); traces of the steps inside carry it. */
  attempt?: number;
  /** Runs of the body over the whole execution, never reset: the attempt in idempotency keys. */
  runs?: number;
  /** 0-based iteration running now (a For Each); traces and idempotency keys of the steps inside carry it. */
  iteration?: number;
  [field: string]: unknown;
}

/**
 * The machine's context: plain data only, so that a persisted snapshot holds all of it. Services, the abort
 * signal, the clock and the trace stay in the {@link ExecutionEnv}, found by `run`.
 */
export interface RunState {
  /** The key of the live execution environment this context belongs to (see {@link envOf}). */
  run: string;
  message: Message;
  error?: FlowError;
  scopes: Record<string, ScopeState>;
}

const liveEnvs = new Map<string, ExecutionEnv>();
let nextRun = 0;

/** Registers the environment of an execution that is starting; answers the key its context carries. */
export function attachEnv(env: ExecutionEnv): string {
  const run = `run-${++nextRun}`;
  liveEnvs.set(run, env);
  return run;
}

/** Forgets an execution's environment once it ended. */
export function detachEnv(run: string): void {
  liveEnvs.delete(run);
}

/** The environment of the execution whose context this is. */
export function envOf(state: RunState): ExecutionEnv {
  const env = liveEnvs.get(state.run);
  if (!env) throw new Error(`no live execution for ${state.run}`);
  return env;
}

export const defaultServices: RuntimeServices = {
  log: () => {},
  connections: {
    async get(name) {
      throw new FlowbusError('CONNECTION:NOT_FOUND', `no connection config named "${name}" is available here`);
    },
  },
  resolveFlow: () => undefined,
  clock: realClock,
};

/** Appends a trace entry unless the execution is already over. */
export function pushTrace(env: ExecutionEnv, entry: StepTrace): void {
  if (env.closed) return;
  env.trace.push(entry);
  env.fresh?.trace.push(entry);
}

/** Appends a log entry unless the execution is already over. */
export function pushLog(env: ExecutionEnv, entry: LogEntry): void {
  if (env.closed) return;
  env.logs.push(entry);
  env.fresh?.logs.push(entry);
}
