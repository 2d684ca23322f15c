/**
 * @module What happened to events: recent events with their delivery traces (search, one event, re-send)
 * and the log store search.
 */
import { randomUUID } from 'node:crypto';
import type { Request, Router } from 'express';
import { FlowbusError } from '../../core/errors.js';
import { readEventObject } from '../cloudevents/event-object.js';
import type { EventBus } from '../event-bus.js';
import type { EventTrace, TargetStatus, TraceQuery } from '../stores/traces.js';
import { badRequest, handle } from './errors.js';
import { paging, queryString, queryTime } from './query.js';

const TARGET_STATUSES: readonly TargetStatus[] = [
  'pending',
  'retrying',
  'delivered',
  'dead-lettered',
  'dropped',
  'ignored',
];

/** `bus`, `source`, `type`, `subject`, `rule`, `status`, `from`, `to`, `limit` and `offset`. */
function traceQuery(request: Request): TraceQuery {
  const status = queryString(request, 'status');
  if (status !== undefined && !TARGET_STATUSES.includes(status as TargetStatus)) {
    throw badRequest(`"status" must be one of ${TARGET_STATUSES.join(', ')}`);
  }
  const filters = ['bus', 'source', 'type', 'subject', 'rule'] as const;
  return {
    ...Object.fromEntries(filters.map((name) => [name, queryString(request, name)])),
    status: status as TargetStatus | undefined,
    from: queryTime(request, 'from'),
    to: queryTime(request, 'to'),
    ...paging(request),
  };
}

/** A trace as the list shows it: everything but the event body. */
function listed(trace: EventTrace): Omit<EventTrace, 'event'> {
  const { event: _body, ...summary } = trace;
  return summary;
}

function traceOf(bus: EventBus, request: Request): EventTrace {
  const trace = bus.traces.get(String(request.params.id), queryString(request, 'bus'));
  if (!trace) throw new FlowbusError('BUS:EVENT_NOT_FOUND', `no recent event with id "${request.params.id}"`);
  return trace;
}

/** Adds the event and log-store routes. */
export function addEventRoutes(router: Router, bus: EventBus): void {
  router.get(
    '/api/events',
    handle((request, response) => {
      const { total, items } = bus.traces.list(traceQuery(request));
      response.json({ total, items: items.map(listed) });
    }),
  );
  router.get(
    '/api/events/:id',
    handle((request, response) => void response.json(traceOf(bus, request))),
  );
  router.post(
    '/api/events/:id/resend',
    handle(async (request, response) => {
      const trace = traceOf(bus, request);
      if (!trace.event) {
        const message = `event "${trace.eventId}" is no longer kept with its trace (newer events took its place)`;
        throw new FlowbusError('BUS:EVENT_NOT_FOUND', message);
      }
      // A re-sent event is a new event with the same content: consumers that drop duplicates by id take it.
      const parsed = readEventObject({ ...trace.event, id: randomUUID() }, { index: 0, pointer: '' }, 'cloudevents');
      if (!parsed.ok) throw new FlowbusError('BUS:INVALID_EVENT', `the event cannot be re-sent: ${parsed.reason}`);
      const [id] = await bus.publish(trace.bus, [parsed.event]);
      response.status(202).json({ bus: trace.bus, id, resentFrom: trace.eventId });
    }),
  );
  router.get(
    '/api/log-store/search',
    handle((request, response) => {
      const filters = ['id', 'bus', 'source', 'type', 'subject', 'status', 'rule'];
      const query = {
        from: queryTime(request, 'from'),
        to: queryTime(request, 'to'),
        ...Object.fromEntries(filters.map((name) => [name === 'id' ? 'eventId' : name, queryString(request, name)])),
        ...paging(request),
      };
      response.json(bus.logStore.search(query));
    }),
  );
}
