/**
 * @module Per-execution state shared by the machine's actors: services, trace and logs.
 */
import { FlowbusError } from '../core/errors.js';
import type { FlowError } from '../core/errors.js';
import type { Message } from '../core/message.js';
import type { SizeMemo } from '../core/value-size.js';
import type { ForEachSettings, Iteration } from '../steps/for-each/iterations.js';
import type { BoundedList } from './bounded-list.js';
import { realClock } from './clock.js';
import type { ExecutionLimits } from './limits.js';
import type { LogEntry, RuntimeServices, StepStub, StepTrace } from './types.js';

/** Everything one execution needs besides the message; lives in the machine's context by reference. */
export interface ExecutionEnv {
  executionId: string;
  flowId: string;
  signal: AbortSignal;
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
}

/** State of one entered Try: the message it was entered with and the retries used per handler. */
export interface TryState {
  entry: Message;
  retriesUsed: number[];
  attempt: number;
}

/** State of one running For Each. */
export interface LoopState {
  /** The For Each's step id. */
  id: string;
  settings: ForEachSettings;
  iterations: Iteration[];
  /** Index of the iteration running now. */
  index: number;
  entry: Message;
  results: unknown[];
  /** Size of `results` so far; shared by the loop state's copies. */
  resultsSize: { bytes: number };
}

/** The machine's context. */
export interface RunContext {
  env: ExecutionEnv;
  message: Message;
  error?: FlowError;
  tries: Record<string, TryState>;
  loops: Record<string, LoopState>;
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
  if (!env.closed) env.trace.push(entry);
}
