/**
 * @module Execution lists: the list line of an execution and the filters of a query (engine/store/history
 * walks its index with them).
 */
import type { ExecutionRecord } from '../runtime/types.js';
import type { ExecutionQuery, ExecutionSummary } from './types.js';

/** Default and largest page of an execution list. */
export const DEFAULT_EXECUTION_LIMIT = 50;
export const MAX_EXECUTION_LIMIT = 1000;

/** The list line of an execution (or of an index entry holding more). */
export function summarizeExecution(execution: ExecutionSummary): ExecutionSummary {
  const summary: ExecutionSummary = {
    id: execution.id,
    flowId: execution.flowId,
    status: execution.status,
    trigger: execution.trigger,
    startedAt: execution.startedAt,
    endedAt: execution.endedAt,
    durationMs: execution.durationMs,
  };
  if (execution.flowVersion) summary.flowVersion = execution.flowVersion;
  if (execution.error) summary.error = execution.error;
  if (execution.handledErrors) summary.handledErrors = execution.handledErrors;
  return summary;
}

/**
 * How many step errors of a record a Catch handled: every failed step of a run that went on, less the one
 * that failed the execution (scopes leave no trace line of their own, so each failed line is one error).
 */
export function handledErrorCount(record: Pick<ExecutionRecord, 'status'> & { steps?: ExecutionRecord['steps'] }): number {
  let failed = 0;
  // A record read back from a segment written by an older version may have no steps.
  for (const step of record.steps ?? []) if (step.status === 'failed') failed += 1;
  const unhandled = record.status === 'succeeded' ? 0 : Math.min(1, failed);
  return failed - unhandled;
}

/** Whether an execution passes the query's filters. */
export function matchesQuery(execution: ExecutionSummary, query: ExecutionQuery): boolean {
  if (query.flowId !== undefined && execution.flowId !== query.flowId) return false;
  if (query.status !== undefined && execution.status !== query.status) return false;
  if (query.trigger !== undefined && execution.trigger !== query.trigger) return false;
  if (query.since !== undefined && execution.startedAt < query.since) return false;
  if (query.until !== undefined && execution.startedAt > query.until) return false;
  if (query.handled !== undefined && Boolean(execution.handledErrors) !== query.handled) return false;
  return true;
}
