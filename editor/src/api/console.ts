/**
 * @module The bus console's calls: recent events and their delivery traces, the log store, dead letters
 * and the metrics history.
 */
import type { DeadLetterGroup } from '../../../engine/server/api/dead-letters.js';
import type { DeadLetter } from '../../../engine/bus/stores/dead-letters.js';
import type { LogEntry } from '../../../engine/bus/stores/log-store.js';
import type { EventTrace, TargetStatus, TargetTrace } from '../../../engine/bus/stores/traces.js';
import type { FlowError } from '../../../engine/core/errors.js';
import type { HistorySnapshot } from '../../../engine/metrics/history.js';
import { apiJson, apiRequest } from './client.js';

export type { DeadLetter, DeadLetterGroup, EventTrace, LogEntry, TargetStatus, TargetTrace };

/** What the events search filters on; empty values are left out. */
export interface EventSearch {
  bus?: string;
  source?: string;
  type?: string;
  subject?: string;
  /** ISO 8601 or epoch milliseconds. */
  from?: string;
  to?: string;
  rule?: string;
  status?: string;
  limit?: number;
  offset?: number;
}

export interface Page<T> {
  total: number;
  items: T[];
}

function queryOf(values: object): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  return params.size > 0 ? `?${params}` : '';
}

/** Recent events (the newest the bus traced), newest first. */
export async function searchEvents(search: EventSearch, signal?: AbortSignal): Promise<Page<EventTrace>> {
  return apiJson<Page<EventTrace>>(`/events${queryOf(search)}`, { signal });
}

/** Events kept in the log store, newest first. */
export async function searchLogStore(search: EventSearch & { id?: string }, signal?: AbortSignal): Promise<Page<LogEntry>> {
  return apiJson<Page<LogEntry>>(`/log-store/search${queryOf(search)}`, { signal });
}

export async function getEventTrace(id: string, bus?: string, signal?: AbortSignal): Promise<EventTrace> {
  return apiJson<EventTrace>(`/events/${encodeURIComponent(id)}${queryOf({ bus })}`, { signal });
}

/** Publishes the event again under a new id; resolves with that id. */
export async function resendEvent(id: string, bus: string): Promise<{ bus: string; id: string }> {
  const path = `/events/${encodeURIComponent(id)}/resend${queryOf({ bus })}`;
  return (await apiRequest<{ bus: string; id: string }>(path, { method: 'POST' })).data;
}

export interface DeadLetterFilter {
  bus?: string;
  rule?: string;
  target?: string;
}

export async function listDeadLetterGroups(filter: DeadLetterFilter, signal?: AbortSignal): Promise<{ total: number; groups: DeadLetterGroup[] }> {
  return apiJson(`/dead-letters/groups${queryOf(filter)}`, { signal });
}

export async function listDeadLetters(filter: DeadLetterFilter & { limit?: number; offset?: number }, signal?: AbortSignal): Promise<Page<DeadLetter>> {
  return apiJson<Page<DeadLetter>>(`/dead-letters${queryOf(filter)}`, { signal });
}

export async function redriveDeadLetter(id: string): Promise<{ status: string; executionId?: string; detail?: string }> {
  return (await apiRequest<{ status: string }>(`/dead-letters/${encodeURIComponent(id)}/redrive`, { method: 'POST' })).data;
}

export interface RedriveAllResult {
  attempted: number;
  delivered: number;
  failed: Array<{ id: string; error: FlowError }>;
  remaining: number;
}

export async function redriveDeadLetters(filter: DeadLetterFilter): Promise<RedriveAllResult> {
  return (await apiRequest<RedriveAllResult>(`/dead-letters/redrive${queryOf(filter)}`, { method: 'POST' })).data;
}

export async function discardDeadLetter(id: string): Promise<void> {
  await apiRequest(`/dead-letters/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export type MetricsHistory = HistorySnapshot & { minuteMs: number };

export async function getMetricsHistory(signal?: AbortSignal): Promise<MetricsHistory> {
  return apiJson<MetricsHistory>('/metrics/history', { signal });
}
