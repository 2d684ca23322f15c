/**
 * @module Execution history calls: the runs of a flow (filtered, a page at a time), one run's full trace, and
 * running one again with its stored input.
 */
import { apiJson } from './client.js';
import type { ExecutionSummary, StoredExecution } from './types.js';

/** The filters of `GET /api/executions` (see docs/api.md); times are epoch milliseconds. */
export interface ExecutionListQuery {
  flow?: string;
  status?: string;
  trigger?: string;
  handled?: boolean;
  since?: number;
  until?: number;
  /** The `next` of the page before. */
  before?: string;
  limit?: number;
}

/** One page of executions, and the cursor of the next one when this page is full. */
export interface ExecutionPage {
  executions: ExecutionSummary[];
  next?: string;
}

function searchOf(query: ExecutionListQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  return params.size > 0 ? `?${params}` : '';
}

export async function listExecutionPage(query: ExecutionListQuery = {}, signal?: AbortSignal): Promise<ExecutionPage> {
  return apiJson<ExecutionPage>(`/executions${searchOf(query)}`, { signal });
}

export async function listExecutions(query: ExecutionListQuery = {}, signal?: AbortSignal): Promise<ExecutionSummary[]> {
  return (await listExecutionPage(query, signal)).executions;
}

export async function getExecution(id: string, signal?: AbortSignal): Promise<StoredExecution> {
  return apiJson<StoredExecution>(`/executions/${encodeURIComponent(id)}`, { signal });
}

/** Runs execution `id`'s flow again with its stored input, as a test run of `document` (the draft). */
export async function replayExecution(id: string, document: unknown): Promise<StoredExecution> {
  return apiJson<StoredExecution>(`/executions/${encodeURIComponent(id)}/replay`, { method: 'POST', body: { document } });
}
