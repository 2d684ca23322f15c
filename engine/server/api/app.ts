/**
 * @module The HTTP API: the management routes under `/api` (flows, executions, connections, and the bus's rules,
 * events, dead letters and sources), bus ingest (`/events`) and URL callbacks; JSON in and out, one error handler.
 */
import express from 'express';
import { guardRequests, refusalLogger } from '../access/middleware.js';
import { createRequestGuard } from '../access/request-guard.js';
import { requireToken } from './auth.js';
import { busApiRouter } from './bus-routes.js';
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
import { ingestRouter } from './ingest.js';
import { jsonBody } from './json-body.js';
import { sourcesRouter } from './sources.js';
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
  const { limits } = context.config;
  const api = express.Router();
  api.use(requireToken(context.config.authToken));
  api.use(jsonBody({ limit: limits.bodyBytes, maxDepth: limits.jsonDepth, setting: 'limits.bodyBytes, FLOWBUS_BODY_LIMIT' }));
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
  if (context.bus) api.use(busApiRouter(context.bus));
  if (context.sources) api.use(sourcesRouter(context.sources));
  api.use(apiNotFound);
  // Ingest is not behind the API token, nor are URL callbacks: each source verifies its own token or signature.
  if (context.bus) app.use(ingestRouter(context.bus));
  context.callbackRoutes?.(app);
  app.use('/api', api);
  app.use(apiNotFound);
  app.use(apiErrorHandler(context.logger));
  return app;
}
