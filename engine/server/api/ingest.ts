/**
 * @module `POST /events` and `POST /events/:bus`: CloudEvents in every HTTP mode and the vendor's PutEvents,
 * answered per event once the accepted ones are durable.
 */
import express, { Router } from 'express';
import { FlowbusError } from '../../core/errors.js';
import { parseHttpEvents, readsOtherHeaders, type BusEvent, type ParsedEvent } from '../../bus/cloudevents/index.js';
import { DEFAULT_BUS_ID } from '../../bus/files/format.js';
import type { EventBus } from '../../bus/event-bus.js';
import { sendJson } from '../json-response.js';
import { badRequest } from './errors.js';

/** One event's answer. */
export type IngestResult =
  | { index: number; status: 'accepted'; id: string }
  | { index: number; status: 'rejected'; reason: string; pointer?: string };

/**
 * The ingest routes, outside `/api` and its token. All events valid: 202 with their ids. None valid: 400 with a
 * reason per event. Some valid: 207, the valid ones accepted. An answer with accepted ids is sent only once they
 * are durable.
 */
export function ingestRouter(bus: EventBus): Router {
  const router = Router();
  const raw = express.raw({ type: () => true, limit: bus.limits.maxBodyBytes });
  router.post(
    ['/events', '/events/:bus'],
    raw,
    async (request, response) => {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      // headersDistinct keeps a repeated header as a list, which binary mode refuses, instead of "a, b";
      // Node builds it on first use, so only for the modes that read headers besides Content-Type.
      const headers = readsOtherHeaders(request.headers['content-type']) ? request.headersDistinct : request.headers;
      const { maxEventBytes, maxJsonDepth: maxDepth } = bus.limits;
      const parsed = parseHttpEvents(headers, body, { maxEventBytes, maxDepth });
      if (parsed.mode === 'invalid') throw new FlowbusError('BUS:INVALID_EVENT', parsed.reason);
      const fromPath = typeof request.params.bus === 'string' ? request.params.bus : undefined;
      const busId = chooseBus(fromPath, parsed.eventBusId);
      if (!bus.hasBus(busId)) throw new FlowbusError('BUS:NOT_FOUND', `no bus "${busId}"`);
      if (parsed.events.length > bus.limits.maxEventsPerRequest) {
        const limit = bus.limits.maxEventsPerRequest;
        const message = `${parsed.events.length} events in one request; at most ${limit} are accepted`;
        throw new FlowbusError('API:PAYLOAD_TOO_LARGE', message);
      }
      const accepted = parsed.events.filter((event): event is Extract<ParsedEvent, { ok: true }> => event.ok);
      const rejected = parsed.events.length - accepted.length;
      if (rejected > 0) bus.metrics.count('flowbus_bus_events_rejected_total', { bus: busId }, rejected);
      const ids = await bus.publish(busId, accepted.map((event) => event.event as BusEvent));
      const results = resultsOf(parsed.events, ids);
      const answer = { bus: busId, mode: parsed.mode, accepted: ids.length, rejected, ids, results };
      if (ids.length === 0) {
        const first = results.find((result) => result.status === 'rejected');
        const message = first && 'reason' in first ? first.reason : 'the request holds no event';
        sendJson(response, 400, { error: { type: 'BUS:INVALID_EVENT', message }, ...answer });
        return;
      }
      // Straight to node's response: headers and body in one write, no ETag of an answer nobody caches.
      sendJson(response, rejected === 0 ? 202 : 207, answer);
    },
  );
  return router;
}

function resultsOf(events: readonly ParsedEvent[], ids: readonly string[]): IngestResult[] {
  let next = 0;
  return events.map((event, index) => {
    if (event.ok) return { index, status: 'accepted', id: ids[next++]! };
    const pointer = event.pointer === undefined ? {} : { pointer: event.pointer };
    return { index, status: 'rejected', reason: event.reason, ...pointer };
  });
}

/** The bus of the path, else a PutEvents request's `EventBusId`, else the default bus. */
function chooseBus(fromPath: string | undefined, fromBody: string | undefined): string {
  if (fromPath !== undefined && fromBody !== undefined && fromPath !== fromBody) {
    const message = `EventBusId "${fromBody}" does not name the bus of the path ("${fromPath}")`;
    throw badRequest(message);
  }
  return fromPath ?? fromBody ?? DEFAULT_BUS_ID;
}
