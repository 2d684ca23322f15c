/**
 * @module Tests of the events search kept in the hash: read back what was written, local times sent as
 * epoch milliseconds, the delivery status left out of a log-store search, and the console's routes.
 */
import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../app/use-hash-route.js';
import { apiSearch, eventHref, eventQueryHref, PAGE_SIZE, readEventQuery, type EventQuery } from './event-query.js';

const read = (href: string) => readEventQuery(new URLSearchParams(href.split('?')[1] ?? ''));

describe('the events search in the hash', () => {
  it('reads back what it wrote', () => {
    const query: EventQuery = { where: 'log-store', filters: { source: 'cvm.cloud.tencent', subject: 'ins 1/2' }, offset: 40 };
    expect(read(eventQueryHref(query))).toEqual(query);
    expect(eventQueryHref({ where: 'recent', filters: { source: '' }, offset: 0 })).toBe('#/events');
    expect(read('#/events?offset=-3&where=elsewhere')).toEqual({ where: 'recent', filters: {}, offset: 0 });
  });

  it('asks the API with times in epoch milliseconds, and no status of the log store', () => {
    const from = '2026-12-07T10:00';
    const recent = apiSearch({ where: 'recent', filters: { from, status: 'dead-lettered', rule: 'r' }, offset: 20 });
    expect(recent).toEqual({ rule: 'r', status: 'dead-lettered', from: String(new Date(from).getTime()), to: undefined, limit: PAGE_SIZE, offset: 20 });
    const stored = apiSearch({ where: 'log-store', filters: { status: 'delivered', to: '2026-12-07T11:00:30Z' }, offset: 0 });
    expect(stored.status).toBeUndefined();
    expect(stored.to).toBe(String(Date.parse('2026-12-07T11:00:30Z')));
  });

  it('routes the console pages, an event with its bus in the query', () => {
    expect(parseRoute('#/events')).toEqual({ page: 'events' });
    expect(parseRoute('#/events?source=x')).toEqual({ page: 'events' });
    expect(parseRoute(eventHref('a/b c', 'retail'))).toEqual({ page: 'event', eventId: 'a/b c' });
    expect(parseRoute('#/dead-letters?rule=r')).toEqual({ page: 'dead-letters' });
    expect(parseRoute('#/metrics')).toEqual({ page: 'metrics' });
    expect(parseRoute('#/eventsx')).toEqual({ page: 'flows' });
  });
});
