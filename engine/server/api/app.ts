/**
 * @module The management API: an express app mounted under `/api`, JSON in and out, one error handler.
 */
import express from 'express';
import { installBusRoutes, jsonBody } from '../../bus/index.js';
import { guardRequests, refusalLogger } from '../access/middleware.js';
import { createRequestGuard } from '../access/request-guard.js';
import { installSourceRoutes } from '../../bus/sources/index.js';
import { requireToken } from './auth.js';
import { changesRouter } from './changes.js';
import { connectionsRouter } from './connections.js';
import { draftsRouter } from './drafts.js';
import type { ApiContext } from './context.js';
import { apiErrorHandler, apiNotFound } from './errors.js';
import { executionsRouter } from './executions.js';
import { flowActionsRouter } from './flow-actions.js';
import { flowTestsRouter } from './flow-tests.js';
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
  // Host and Origin checks first: before the token, the body parsers and every route, the bus's included.
  app.use(guardRequests(createRequestGuard(context.config), refusalLogger(context.logger)));
  const api = express.Router();
  api.use(requireToken(context.config.authToken));
  api.use(jsonBody({ limit: context.config.limits.bodyBytes, maxDepth: context.config.limits.jsonDepth }));
  api.use((_request, response, next) => {
    response.set('Cache-Control', 'no-store');
    next();
  });
  api.use(healthRouter(context));
  api.use(stepsRouter(context));
  api.use(flowActionsRouter(context));
  api.use(flowTestsRouter(context));
  api.use(changesRouter(context));
  api.use(draftsRouter(context));
  api.use(flowsRouter(context));
  api.use(executionsRouter(context));
  api.use(connectionsRouter(context));
  api.use(apiNotFound);
  api.use(apiErrorHandler(context.logger));
  if (context.bus) {
    // Ingest (`/events`) and the bus's own `/api/...` routes, under the same token check as the rest of the API.
    const apiGuard = requireToken(context.config.authToken);
    installBusRoutes(app, context.bus, { apiGuard, jsonLimit: context.config.limits.bodyBytes });
    if (context.sources) {
      const json = jsonBody({ limit: context.config.limits.bodyBytes, maxDepth: context.config.limits.jsonDepth });
      installSourceRoutes(app, context.sources, context.bus.log, { guard: apiGuard, json });
    }
  }
  // URL callbacks are not behind the API token: each source verifies its own token or signature.
  context.callbackRoutes?.(app);
  app.use('/api', api);
  app.use(apiNotFound);
  app.use(apiErrorHandler(context.logger));
  return app;
}
