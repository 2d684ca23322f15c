/**
 * @module What happened to events: delivery traces, the dead-letter store (list, re-drive, delete) and
 * the log store search.
 */
import type { Router } from 'express';
import { FlowbusError } from '../../core/errors.js';
import type { EventBus } from '../event-bus.js';
import { handle } from './errors.js';
import { paging, queryString, queryTime } from './query.js';

/** Adds the trace, dead-letter and log-store routes. */
export function addEventRoutes(router: Router, bus: EventBus): void {
  router.get(
    '/api/events/:id',
    handle((request, response) => {
      const trace = bus.traces.get(String(request.params.id), queryString(request, 'bus'));
      if (!trace) {
        throw new FlowbusError('BUS:EVENT_NOT_FOUND', `no recent event with id "${request.params.id}"`);
      }
      response.json(trace);
    }),
  );
  router.get(
    '/api/dead-letters',
    handle((request, response) => {
      const [busId, rule, target] = ['bus', 'rule', 'target'].map((name) => queryString(request, name));
      response.json(bus.deadLetters.list({ bus: busId, rule, target, ...paging(request) }));
    }),
  );
  router.post(
    '/api/dead-letters/:id/redrive',
    handle(async (request, response) => {
      const receipt = await bus.redrive(String(request.params.id));
      response.json({ id: request.params.id, status: 'delivered', ...receipt });
    }),
  );
  router.delete(
    '/api/dead-letters/:id',
    handle(async (request, response) => {
      if (!(await bus.deadLetters.remove(String(request.params.id)))) {
        throw new FlowbusError('BUS:DEAD_LETTER_NOT_FOUND', `no dead letter "${request.params.id}"`);
      }
      response.status(204).end();
    }),
  );
  router.get(
    '/api/log-store/search',
    handle((request, response) => {
      const filters = ['bus', 'source', 'type', 'subject', 'status', 'rule'];
      const query = {
        from: queryTime(request, 'from'),
        to: queryTime(request, 'to'),
        ...Object.fromEntries(filters.map((name) => [name, queryString(request, name)])),
        ...paging(request),
      };
      response.json(bus.logStore.search(query));
    }),
  );
}
