/**
 * @module A run's trace as the canvas shows it: each step's last result, scopes summarized from their
 * steps, and the message a step received.
 */
import type { FlowError } from '../../../engine/core/errors.js';
import type { Message } from '../../../engine/core/message.js';
import type { StepStatus, StepTrace } from '../../../engine/runtime/types.js';
import type { StoredExecution } from '../api/types.js';

/** What the canvas shows for a step: a trace status, `handled` (a scope whose error a Catch handled). */
export type RunStatus = StepStatus | 'handled';

export interface StepRun {
  status: RunStatus;
  durationMs: number;
  /** How many times it ran (For Each iterations, Try retries). */
  runs: number;
  error?: FlowError;
  last?: StepTrace;
}

/** The last trace of each step id, with how many times it ran. */
export function indexTrace(record: StoredExecution): Map<string, StepRun> {
  const runs = new Map<string, StepRun>();
  for (const trace of record.steps) {
    const previous = runs.get(trace.stepId);
    runs.set(trace.stepId, {
      status: trace.status,
      durationMs: (previous?.durationMs ?? 0) + trace.durationMs,
      runs: (previous?.runs ?? 0) + 1,
      error: trace.error,
      last: trace,
    });
  }
  return runs;
}

/**
 * The result of a scope from the steps inside it (given by id): undefined when none ran; `failed` when the
 * run's error came from inside; `handled` when a step inside failed but the error was handled; else
 * `succeeded`.
 */
export function scopeRun(record: StoredExecution, inside: ReadonlySet<string>): StepRun | undefined {
  const traces = record.steps.filter((trace) => inside.has(trace.stepId));
  if (traces.length === 0) return undefined;
  const failedInside = record.status !== 'succeeded' && !!record.error?.step && inside.has(record.error.step);
  const anyFailed = traces.some((trace) => trace.status === 'failed');
  const status: RunStatus = failedInside ? 'failed' : anyFailed ? 'handled' : 'succeeded';
  // Trace times are whole milliseconds; the steps' own durations add up to a truer time for short scopes.
  const durationMs = traces.reduce((sum, trace) => sum + trace.durationMs, 0);
  return { status, durationMs, runs: 1, error: failedInside ? record.error : undefined };
}

/**
 * The message the last run of `stepId` received, as far as the trace tells: the output of the trace entry
 * before it (or the run's input), with the run's attributes, and `error` when the entry before it failed.
 */
export function stepInput(record: StoredExecution, stepId: string): Message | undefined {
  const index = record.steps.map((trace) => trace.stepId).lastIndexOf(stepId);
  if (index === -1) return undefined;
  const before = record.steps.slice(0, index);
  // A failed step has no output: the message goes on from the closest earlier output.
  const latest = [...before].reverse().find((trace) => trace.output !== undefined);
  const output = (latest?.output ?? record.input) as { payload?: unknown; vars?: Record<string, unknown> };
  const message: Message = {
    payload: output.payload ?? null,
    attributes: record.input.attributes ?? {},
    vars: output.vars ?? {},
  };
  const previous = before[before.length - 1];
  if (previous?.status === 'failed' && previous.error) message.error = previous.error;
  return message;
}

/** `3.2 ms`, `450 ms`, `1.5 s`. */
export function formatDuration(ms: number): string {
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

/** The words for a status. */
export const STATUS_LABELS: Record<RunStatus, string> = {
  succeeded: 'Succeeded',
  failed: 'Failed',
  skipped: 'Skipped',
  stubbed: 'Not sent (test run)',
  handled: 'Error handled',
};
