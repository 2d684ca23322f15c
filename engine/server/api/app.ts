/**
 * @module The management API: an express app mounted under `/api`, JSON in and out, one error handler.
 */
import express from 'express';
import { installBusRoutes } from '../../bus/index.js';
import { requireToken } from './auth.js';
import { changesRouter } from './changes.js';
import { connectionsRouter } from './connections.js';
import type { ApiContext } from './context.js';
import { apiErrorHandler, apiNotFound } from './errors.js';
import { executionsRouter } from './executions.js';
import { flowActionsRouter } from './flow-actions.js';
import { flowsRouter } from './flows.js';
import { healthRouter } from './health.js';
import { stepsRouter } from './steps.js';

/**
 * Builds the API app. Routes are relative to `/api`: the server hands it every request under that prefix.
 *
 * @example
 * const api = createApiApp(context);
 * http.createServer((request, response) => api(request, response));
 */
export function createApiApp(context: ApiContext): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const api = express.Router();
  api.use(requireToken(context.config.authToken));
  api.use(express.json({ limit: context.config.limits.bodyBytes, strict: false }));
  api.use((_request, response, next) => {
    response.set('Cache-Control', 'no-store');
    next();
  });
  api.use(healthRouter(context));
  api.use(stepsRouter(context));
  api.use(flowActionsRouter(context));
  api.use(changesRouter(context));
  api.use(flowsRouter(context));
  api.use(executionsRouter(context));
  api.use(connectionsRouter(context));
  api.use(apiNotFound);
  api.use(apiErrorHandler(context.logger));
  if (context.bus) {
    // Ingest (`/events`) and the bus's own `/api/...` routes, under the same token check as the rest of the API.
    const apiGuard = requireToken(context.config.authToken);
    installBusRoutes(app, context.bus, { apiGuard, jsonLimit: context.config.limits.bodyBytes });
  }
  app.use('/api', api);
  app.use(apiNotFound);
  app.use(apiErrorHandler(context.logger));
  return app;
}
