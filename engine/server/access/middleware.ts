/**
 * @module The request guard put to work: as express middleware in front of the API and ingest, and around the
 * editor's file handler. A refusal is answered as `{ "error": { "type", "message" } }` and logged once.
 */
import type { RequestHandler } from 'express';
import type { Logger } from '../../logging/logger.js';
import { sendError } from '../json-response.js';
import type { FallbackHandler } from '../triggers/dispatcher.js';
import { routeKindOf, type Refusal, type RequestGuard } from './request-guard.js';

/** Distinct refusals logged; past this many, further new ones are answered without a log line. */
const MAX_LOGGED = 1000;

/** Logs each distinct refusal once at warning level, so a page that retries cannot flood the log. */
export function refusalLogger(logger: Logger): (refusal: Refusal, method: string, path: string) => void {
  const seen = new Set<string>();
  return (refusal, method, path) => {
    if (seen.has(refusal.key) || seen.size >= MAX_LOGGED) return;
    seen.add(refusal.key);
    const fields = { type: refusal.type, method, path, status: refusal.status };
    logger.warn(`refused a request: ${refusal.key} (later ones like it are not logged)`, fields);
  };
}

/**
 * Express middleware running the guard on every request of the app (`/api/...` and `/events...`), before
 * the token check and any body is read.
 *
 * @example
 * app.use(guardRequests(createRequestGuard(config), refusalLogger(logger)));
 */
export function guardRequests(guard: RequestGuard, log: ReturnType<typeof refusalLogger>): RequestHandler {
  return (request, response, next) => {
    const refusal = guard(request, routeKindOf(request.method, request.path));
    if (!refusal) return next();
    log(refusal, request.method, request.path);
    response.status(refusal.status).json({ error: { type: refusal.type, message: refusal.message } });
  };
}

/** Wraps the handler of the editor's files with the guard; trigger paths never reach it. */
export function guardFallback(
  fallback: FallbackHandler,
  guard: RequestGuard,
  log: ReturnType<typeof refusalLogger>,
): FallbackHandler {
  return (request, response, next) => {
    const method = request.method ?? 'GET';
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const refusal = guard({ method, path, headers: request.headers }, 'editor');
    if (!refusal) return fallback(request, response, next);
    log(refusal, method, path);
    sendError(response, refusal.status, { type: refusal.type, message: refusal.message });
  };
}
