/**
 * @module Installs the bus's HTTP routes on an express app or router: ingest (`/events`) and the management
 * API (`/api/...`), each answering errors as `{ "error": { "type", "message" } }`.
 */
import express, { type RequestHandler } from 'express';
import type { EventBus } from '../event-bus.js';
import { addDeadLetterRoutes } from './dead-letters-api.js';
import { busErrorHandler } from './errors.js';
import { addEventRoutes } from './events-api.js';
import { addIngestRoutes } from './ingest.js';
import { jsonBody } from './json-body.js';
import { addRuleRoutes } from './rules-api.js';
import { addToolRoutes } from './tools-api.js';

export interface BusRouteOptions {
  /** Runs before every `/api` route of the bus (the server's token check); ingest is not guarded. */
  apiGuard?: RequestHandler;
  /** Largest JSON body of the API routes; default 1 MiB. */
  jsonLimit?: number;
}

/**
 * Adds the bus routes to `app`. Install them before any catch-all 404 handler.
 *
 * @example
 * const app = express();
 * installBusRoutes(app, bus, { apiGuard: requireToken(config.authToken) });
 */
export function installBusRoutes(app: express.Router, bus: EventBus, options: BusRouteOptions = {}): void {
  const ingest = express.Router();
  addIngestRoutes(ingest, bus);
  ingest.use(busErrorHandler(bus.log));
  app.use(ingest);

  const api = express.Router();
  if (options.apiGuard) api.use('/api', options.apiGuard);
  const json = jsonBody({ limit: options.jsonLimit ?? 1024 * 1024, maxDepth: bus.limits.maxJsonDepth });
  addRuleRoutes(api, bus, json);
  addToolRoutes(api, bus, json);
  addEventRoutes(api, bus);
  addDeadLetterRoutes(api, bus);
  api.use(busErrorHandler(bus.log));
  app.use(api);
}
