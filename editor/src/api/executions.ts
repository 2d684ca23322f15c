/**
 * @module Execution history calls: the runs of a flow and one run's full trace.
 */
import { apiJson } from './client.js';
import type { ExecutionSummary, StoredExecution } from './types.js';

export async function listExecutions(
  query: { flow?: string; limit?: number } = {},
  signal?: AbortSignal,
): Promise<ExecutionSummary[]> {
  const params = new URLSearchParams();
  if (query.flow) params.set('flow', query.flow);
  if (query.limit) params.set('limit', String(query.limit));
  const search = params.size > 0 ? `?${params}` : '';
  return (await apiJson<{ executions: ExecutionSummary[] }>(`/executions${search}`, { signal })).executions;
}

export async function getExecution(id: string, signal?: AbortSignal): Promise<StoredExecution> {
  return apiJson<StoredExecution>(`/executions/${encodeURIComponent(id)}`, { signal });
}
