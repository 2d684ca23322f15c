/**
 * @module `/api/events` and `/api/log-store/search`: what happened to events — recent events with their
 * delivery traces (search, one event, re-send) — and the log store search.
 */
import { randomUUID } from 'node:crypto';
import { Router, type Request } from 'express';
import { FlowbusError } from '../../core/errors.js';
import { readEventObject } from '../../bus/cloudevents/event-object.js';
import type { EventBus } from '../../bus/event-bus.js';
import type { EventTrace, TargetStatus, TraceQuery } from '../../bus/stores/traces.js';
import { readQuery } from './query.js';

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
  const query = readQuery(request.query);
  const filters = ['bus', 'source', 'type', 'subject', 'rule'] as const;
  return {
    ...Object.fromEntries(filters.map((name) => [name, query.string(name)])),
    status: query.oneOf('status', TARGET_STATUSES),
    from: query.time('from'),
    to: query.time('to'),
    ...query.paging(),
  };
}

/** A trace as the list shows it: everything but the event body. */
function listed(trace: EventTrace): Omit<EventTrace, 'event'> {
  const { event: _body, ...summary } = trace;
  return summary;
}

function traceOf(bus: EventBus, request: Request): EventTrace {
  const trace = bus.traces.get(String(request.params.id), readQuery(request.query).string('bus'));
  if (!trace) throw new FlowbusError('BUS:EVENT_NOT_FOUND', `no recent event with id "${request.params.id}"`);
  return trace;
}

/** `GET /events`, `GET /events/:id`, `POST /events/:id/resend` and `GET /log-store/search`, under `/api`. */
export function eventsRouter(bus: EventBus): Router {
  const router = Router();
  router.get('/events', (request, response) => {
    const { total, items } = bus.traces.list(traceQuery(request));
    response.json({ total, items: items.map(listed) });
  });
  router.get('/events/:id', (request, response) => void response.json(traceOf(bus, request)));
  router.post('/events/:id/resend', async (request, response) => {
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
  });
  router.get('/log-store/search', (request, response) => {
    const query = readQuery(request.query);
    const filters = ['id', 'bus', 'source', 'type', 'subject', 'status', 'rule'];
    response.json(
      bus.logStore.search({
        from: query.time('from'),
        to: query.time('to'),
        ...Object.fromEntries(filters.map((name) => [name === 'id' ? 'eventId' : name, query.string(name)])),
        ...query.paging(),
      }),
    );
  });
  return router;
}
