/**
 * @module The filters of the executions panel (status, trigger kind, time range, handled errors) and the
 * API query they stand for.
 */
import type { ExecutionListQuery } from '../api/executions.js';

export const EXECUTION_STATUSES = ['succeeded', 'failed', 'cancelled', 'timed-out'] as const;
/** What starts an execution: an HTTP request, an event from the bus, a test run in the editor. */
export const TRIGGER_KINDS = ['http', 'event', 'dry-run'] as const;

/** The panel's page size; the server allows up to 1000. */
export const EXECUTION_PAGE_SIZE = 25;

export interface ExecutionFilters {
  /** Empty: any. */
  status: string;
  trigger: string;
  /** `datetime-local` values, local time; empty: open. */
  from: string;
  to: string;
  handledOnly: boolean;
}

export const NO_EXECUTION_FILTERS: ExecutionFilters = { status: '', trigger: '', from: '', to: '', handledOnly: false };

/** A `datetime-local` value as epoch milliseconds; `to` takes the whole minute (or second) it names. */
function localTime(value: string, end: boolean): number | undefined {
  if (!value) return undefined;
  const time = new Date(value).getTime();
  if (!Number.isFinite(time)) return undefined;
  if (!end) return time;
  return time + (/:\d\d:\d\d/.test(value) ? 999 : 59_999);
}

/** The query of one page of `flowId`'s executions under `filters`. */
export function executionListQuery(flowId: string, filters: ExecutionFilters, before?: string): ExecutionListQuery {
  return {
    flow: flowId,
    status: filters.status || undefined,
    trigger: filters.trigger || undefined,
    handled: filters.handledOnly ? true : undefined,
    since: localTime(filters.from, false),
    until: localTime(filters.to, true),
    before,
    limit: EXECUTION_PAGE_SIZE,
  };
}

/** A range whose start is after its end lists nothing: said before asking. */
export function rangeProblem(filters: ExecutionFilters): boolean {
  const since = localTime(filters.from, false);
  const until = localTime(filters.to, true);
  return since !== undefined && until !== undefined && since > until;
}
