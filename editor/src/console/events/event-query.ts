/**
 * @module The events search as the hash holds it (`#/events?where=log-store&source=...`), and the API query
 * it stands for.
 */
import type { EventSearch } from '../../api/console.js';

export const EVENT_FILTERS = ['bus', 'source', 'type', 'subject', 'rule', 'status', 'from', 'to'] as const;
export type EventFilter = (typeof EVENT_FILTERS)[number];

export const PAGE_SIZE = 20;

export interface EventQuery {
  where: 'recent' | 'log-store';
  filters: Partial<Record<EventFilter, string>>;
  offset: number;
}

export function readEventQuery(params: URLSearchParams): EventQuery {
  const filters: EventQuery['filters'] = {};
  for (const name of EVENT_FILTERS) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  const offset = Number(params.get('offset') ?? 0);
  return {
    where: params.get('where') === 'log-store' ? 'log-store' : 'recent',
    filters,
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

export function eventQueryHref(query: EventQuery): string {
  const params = new URLSearchParams();
  if (query.where === 'log-store') params.set('where', 'log-store');
  for (const [name, value] of Object.entries(query.filters)) if (value) params.set(name, value);
  if (query.offset > 0) params.set('offset', String(query.offset));
  return params.size > 0 ? `#/events?${params}` : '#/events';
}

/** A `datetime-local` value (local time) as epoch milliseconds text; other text goes as it is. */
function apiTime(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = new Date(value).getTime();
  return Number.isFinite(time) ? String(time) : value;
}

/** What the API is asked; the log store knows no delivery status. */
export function apiSearch(query: EventQuery): EventSearch {
  const { from, to, status, ...rest } = query.filters;
  const search: EventSearch = { ...rest, from: apiTime(from), to: apiTime(to), limit: PAGE_SIZE, offset: query.offset };
  if (query.where === 'recent') search.status = status;
  return search;
}

/** The page of one event. */
export function eventHref(id: string, bus: string): string {
  return `#/events/${encodeURIComponent(id)}?bus=${encodeURIComponent(bus)}`;
}
