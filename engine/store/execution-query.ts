/**
 * @module Execution lists: filtering and summarizing the history.
 */
import type { ExecutionQuery, ExecutionSummary, StoredExecution } from './types.js';

/** Default and largest page of an execution list. */
export const DEFAULT_EXECUTION_LIMIT = 50;
export const MAX_EXECUTION_LIMIT = 1000;

/** The list line of an execution. */
export function summarizeExecution(execution: StoredExecution): ExecutionSummary {
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
  return summary;
}

/** Whether an execution passes the query's filters. */
export function matchesQuery(execution: StoredExecution, query: ExecutionQuery): boolean {
  if (query.flowId !== undefined && execution.flowId !== query.flowId) return false;
  if (query.status !== undefined && execution.status !== query.status) return false;
  if (query.since !== undefined && execution.startedAt < query.since) return false;
  if (query.until !== undefined && execution.startedAt > query.until) return false;
  return true;
}

/** Filters, orders newest first and cuts to the limit. */
export function queryExecutions(
  lists: Iterable<StoredExecution[]>,
  query: ExecutionQuery = {},
): ExecutionSummary[] {
  const limit = Math.min(Math.max(1, query.limit ?? DEFAULT_EXECUTION_LIMIT), MAX_EXECUTION_LIMIT);
  const found: StoredExecution[] = [];
  for (const list of lists) {
    for (const execution of list) if (matchesQuery(execution, query)) found.push(execution);
  }
  found.sort((left, right) => right.startedAt - left.startedAt || (left.id < right.id ? 1 : -1));
  return found.slice(0, limit).map(summarizeExecution);
}
