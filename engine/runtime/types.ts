/**
 * @module Public types of the flow runtime: how an execution is started and what it leaves behind.
 */
import type { FlowError } from '../core/errors.js';
import type { Attributes, Message, StepOutput, Vars } from '../core/message.js';
import type { Clock, ConnectionResolver, FlowInvoker, LogLevel } from '../core/step-definition.js';
import type { FlowDocument } from '../flow/document.js';
import type { Elision } from './bounded-list.js';
import type { ExecutionLimits } from './limits.js';
import type { CheckpointSink, UnfinishedExecution } from './durable/checkpoints.js';
import type { ExecutionMode } from '../core/step-definition.js';

/** What a trigger hands to an execution. */
export interface ExecutionInput {
  payload: unknown;
  attributes?: Attributes;
  vars?: Vars;
}

/** A canned answer for one step (by id), used by flow tests and dry runs instead of `execute`. */
export interface StepStub {
  output?: StepOutput;
  error?: { type: string; message?: string; details?: Record<string, unknown> };
}

export interface LogEntry {
  time: number;
  level: LogLevel;
  category: string;
  content: string;
  executionId: string;
  flowId: string;
  stepId: string;
}

/** Services the runtime passes on to steps; the server wires real ones, tests pass fakes. */
export interface RuntimeServices {
  /** Receives every Logger line and runtime log line. */
  log: (entry: LogEntry) => void;
  connections: ConnectionResolver;
  /** Looks up another published flow for Flow Reference. */
  resolveFlow: (flowId: string) => CompiledFlow | undefined;
  clock: Clock;
  /** The variables of the environment the flow runs in, read by `$env(name)`. */
  variables?: (name: string) => string | undefined;
}

export interface ExecuteOptions {
  executionId?: string;
  /** Aborting it cancels the execution; the signal reaches every step. */
  signal?: AbortSignal;
  /** Overall bound for the execution; default 30 s. */
  timeoutMs?: number;
  /** Stubs by step id. */
  stubs?: Record<string, StepStub>;
  /** Steps with side effects are not executed (recorded as `stubbed`, output = input message). */
  dryRun?: boolean;
  services?: Partial<RuntimeServices>;
  /** Depth of Flow Reference calls, to stop a flow that calls itself forever. */
  callDepth?: number;
  /** The flows that called this one, outermost first (set by Flow Reference). */
  callers?: string[];
  /** What the execution may hold; missing fields take {@link DEFAULT_EXECUTION_LIMITS}. */
  limits?: Partial<ExecutionLimits>;
  /** Durable flows: where the checkpoints go. Without one a durable flow runs in memory (with its keys). */
  checkpoints?: CheckpointSink;
  /** Durable flows: continue this execution from its last checkpoint instead of starting it. */
  resume?: UnfinishedExecution;
  /** How the execution was started (`event`, `http`, ...), kept in its start checkpoint. */
  trigger?: string;
  flowVersion?: string;
}

export type ExecutionStatus = 'succeeded' | 'failed' | 'cancelled' | 'timed-out';

export type StepStatus = 'succeeded' | 'failed' | 'skipped' | 'stubbed';

/** What one step did, once per run of the step (a step in a For Each or a retried Try appears more than once). */
export interface StepTrace {
  stepId: string;
  type: string;
  /** JSON pointer of the step in the flow document. */
  path: string;
  status: StepStatus;
  startedAt: number;
  endedAt: number;
  durationMs: number;
  /** The step's output message (payload and vars). Kept by reference here; stored records bound its size. */
  output?: unknown;
  error?: FlowError;
  /** The evaluated config of a stubbed step (stub or dry run), secrets redacted: what it would have sent. */
  config?: Record<string, unknown>;
  /** 1-based attempt of the enclosing Try body, when it was retried. */
  attempt?: number;
  /** 0-based index of the enclosing For Each iteration. */
  iteration?: number;
}

/** Everything an execution leaves behind. */
export interface ExecutionRecord {
  id: string;
  flowId: string;
  status: ExecutionStatus;
  startedAt: number;
  endedAt: number;
  durationMs: number;
  input: ExecutionInput;
  steps: StepTrace[];
  /** The final message, when the execution succeeded. */
  result?: Message;
  error?: FlowError;
  logs: LogEntry[];
  /**
   * Set when the execution ran more steps (or wrote more log lines) than `limits.traceEntries` keeps: the
   * first and last entries are kept, those in between only counted here (per step id).
   */
  elided?: {
    steps?: Elision;
    logs?: Elision;
    /** Set on a stored record that had to shrink to `limits.recordBytes`: what was left out. */
    record?: { recordBytes: number; left: string[] };
  };
}

/** A flow compiled once (expressions compiled, machine built); each `execute` is one actor. */
export interface CompiledFlow {
  id: string;
  document: FlowDocument;
  /** How it runs: the flow's `execution`, else its trigger's default. */
  execution: ExecutionMode;
  /** The xstate machine the flow compiles to (for inspection and visualisation). */
  machine: unknown;
  execute(input: ExecutionInput, options?: ExecuteOptions): Promise<ExecutionRecord>;
}
