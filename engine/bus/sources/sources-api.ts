/**
 * @module The sources through the API: list and read every source file with its state, its file problems
 * and the broker's reason when the broker refused it; validate, save (canonical file, started at once) and
 * delete; and the source types with their config schemas, from which the editor builds its forms.
 */
import express, { type RequestHandler } from 'express';
import { FlowbusError } from '../../core/errors.js';
import type { BusLog } from '../delivery/deps.js';
import { busErrorHandler, handle } from '../http/errors.js';
import type { SourceManager } from './source-manager.js';

/** What the source routes need besides the manager. */
export interface SourceRouteOptions {
  /** Runs before every route (the API's token check). */
  guard?: RequestHandler;
  /** Parses JSON bodies (PUT and validate); without it those routes answer 400. */
  json?: RequestHandler;
}

/**
 * Adds `GET /api/source-types`, `GET /api/sources[/:id]`, `PUT|DELETE /api/sources/:id` and
 * `POST /api/sources/validate` to `app`.
 *
 * @example
 * installSourceRoutes(app, sources, bus.log, { guard: requireToken(config.authToken), json: jsonBody(limits) });
 */
export function installSourceRoutes(
  app: express.Router,
  sources: SourceManager,
  log: BusLog,
  options: SourceRouteOptions = {},
): void {
  const router = express.Router();
  const json: RequestHandler = options.json ?? ((_request, _response, next) => next());
  if (options.guard) router.use(['/api/sources', '/api/source-types'], options.guard);
  const notFound = (id: unknown) => new FlowbusError('SOURCE:NOT_FOUND', `no source "${String(id)}"`);
  router.get(
    '/api/source-types',
    handle((_request, response) => {
      const types = sources.types().map(({ type, title, description, config }) => ({ type, title, description, config }));
      response.json({ types });
    }),
  );
  router.get(
    '/api/sources',
    handle((_request, response) => {
      response.json({ sources: sources.list() });
    }),
  );
  router.post(
    '/api/sources/validate',
    json,
    handle((request, response) => {
      const id = typeof request.query.id === 'string' ? request.query.id : 'source';
      const issues = sources.check(id, bodyOf(request));
      response.json({ valid: issues.length === 0, issues });
    }),
  );
  router.get(
    '/api/sources/:id',
    handle((request, response) => {
      const id = String(request.params.id);
      const source = sources.get(id);
      if (!source) throw notFound(id);
      response.json({ ...source, source: sources.json(id) });
    }),
  );
  router.put(
    '/api/sources/:id',
    json,
    handle(async (request, response) => {
      const id = String(request.params.id);
      const { created, source } = await sources.save(id, bodyOf(request));
      response.status(created ? 201 : 200).json({ ...source, source: sources.json(id) });
    }),
  );
  router.delete(
    '/api/sources/:id',
    handle(async (request, response) => {
      if (!(await sources.delete(String(request.params.id)))) throw notFound(request.params.id);
      response.status(204).end();
    }),
  );
  router.use(busErrorHandler(log));
  app.use(router);
}

function bodyOf(request: express.Request): unknown {
  if (request.body === undefined) throw new FlowbusError('API:BAD_REQUEST', 'expected a JSON body');
  return request.body;
}
