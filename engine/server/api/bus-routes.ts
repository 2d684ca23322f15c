/**
 * @module The bus's routes as a whole: its management API under `/api` (one router, mounted by the server's API
 * app beside the flows' routes) and, for a bus served alone (tests, benchmarks, crash children), all of it on a
 * bare express app with the API's error answer.
 */
import express, { Router, type RequestHandler } from 'express';
import type { EventBus } from '../../bus/event-bus.js';
import { busToolsRouter } from './bus-tools.js';
import { deadLettersRouter } from './dead-letters.js';
import { apiErrorHandler, apiNotFound, type ErrorLog } from './errors.js';
import { eventsRouter } from './events.js';
import { ingestRouter } from './ingest.js';
import { jsonBody } from './json-body.js';
import { rulesRouter } from './rules.js';
import { targetTypesRouter } from './target-types.js';

/** Buses, rules, target types, test tools, events and dead letters, relative to `/api`. */
export function busApiRouter(bus: EventBus): Router {
  const router = Router();
  router.use(rulesRouter(bus));
  router.use(targetTypesRouter(bus));
  router.use(busToolsRouter(bus));
  router.use(eventsRouter(bus));
  router.use(deadLettersRouter(bus));
  return router;
}

/** The bus's log function as the error answer's logger. */
export function busErrorLog(bus: Pick<EventBus, 'log'>): ErrorLog {
  return { error: (message, fields) => bus.log('error', message, fields) };
}

export interface BusRouteOptions {
  /** Runs before every `/api` route of the bus (a token check); ingest is not guarded. */
  apiGuard?: RequestHandler;
  /** Largest JSON body of the API routes; default 1 MiB. */
  jsonLimit?: number;
}

/**
 * Serves a bus alone: ingest (`/events`) and its `/api` routes on `app`, errors answered as the server's API
 * answers them. The server itself mounts {@link busApiRouter} and {@link ingestRouter} in its API app instead.
 *
 * @example
 * const app = express();
 * installBusRoutes(app, bus);
 * app.listen(0, '127.0.0.1');
 */
export function installBusRoutes(app: express.Router, bus: EventBus, options: BusRouteOptions = {}): void {
  const api = Router();
  if (options.apiGuard) api.use(options.apiGuard);
  api.use(jsonBody({ limit: options.jsonLimit ?? 1024 * 1024, maxDepth: bus.limits.maxJsonDepth }));
  api.use(busApiRouter(bus));
  api.use(apiNotFound);
  app.use(ingestRouter(bus));
  app.use('/api', api);
  app.use(apiErrorHandler(busErrorLog(bus)));
}
