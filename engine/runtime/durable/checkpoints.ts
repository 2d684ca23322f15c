/**
 * @module What a durable execution writes at its start, at every step boundary and at its end, and what is
 * read back to resume it. The runtime writes to a {@link CheckpointSink}; the server's is the execution journal.
 */
import type { FlowError } from '../../core/errors.js';
import type { Message } from '../../core/message.js';
import type { ExecutionInput, ExecutionStatus, LogEntry, StepTrace } from '../types.js';

/** The start of a durable execution: enough to run it again from its last checkpoint. */
export interface ExecutionStart {
  executionId: string;
  flowId: string;
  input: ExecutionInput;
  startedAt: number;
  /** How it was started (`event`, `http`, ...), for the history. */
  trigger?: string;
  flowVersion?: string;
}

/** How a durable execution ended. */
export interface ExecutionOutcome {
  status: ExecutionStatus;
  startedAt: number;
  endedAt: number;
  result?: Message;
  error?: FlowError;
}

/** An execution read back unfinished: its start, its last persisted snapshot, its trace and logs so far. */
export interface UnfinishedExecution extends ExecutionStart {
  /** xstate's persisted snapshot at the last step boundary; absent when no step had ended. */
  snapshot?: unknown;
  trace: StepTrace[];
  logs: LogEntry[];
}

/** Where a durable execution's checkpoints go; each method resolves once the record is durable. */
export interface CheckpointSink {
  started(start: ExecutionStart): Promise<void>;
  checkpoint(executionId: string, snapshot: unknown, trace: StepTrace[], logs: LogEntry[]): Promise<void>;
  finished(executionId: string, outcome: ExecutionOutcome): Promise<void>;
}
