/**
 * @module `GET /api/sources` and `GET /api/sources/{id}`: every source file with its state, its file
 * problems and the broker's reason when the broker refused it.
 */
import express, { type RequestHandler } from 'express';
import { FlowbusError } from '../../core/errors.js';
import type { BusLog } from '../delivery/deps.js';
import { busErrorHandler, handle } from '../http/errors.js';
import type { SourceManager } from './source-manager.js';

/**
 * Adds the source routes (behind `guard`, the API's token check) to `app`.
 *
 * @example
 * installSourceRoutes(app, sources, bus.log, requireToken(config.authToken));
 */
export function installSourceRoutes(
  app: express.Router,
  sources: SourceManager,
  log: BusLog,
  guard?: RequestHandler,
): void {
  const router = express.Router();
  if (guard) router.use('/api/sources', guard);
  router.get(
    '/api/sources',
    handle((_request, response) => {
      response.json({ sources: sources.list() });
    }),
  );
  router.get(
    '/api/sources/:id',
    handle((request, response) => {
      const source = sources.get(String(request.params.id));
      if (!source) throw new FlowbusError('SOURCE:NOT_FOUND', `no source "${request.params.id}"`);
      response.json(source);
    }),
  );
  router.use(busErrorHandler(log));
  app.use(router);
}
