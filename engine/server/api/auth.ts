/**
 * @module The API's bearer token check, when a token is configured. Health and readiness stay open.
 */
import type { RequestHandler } from 'express';
import { safeEqual } from '../triggers/auth.js';

/** Paths answered without a token, so that probes need no secret. */
export const OPEN_PATHS = new Set(['/health', '/ready']);

/** Requires `Authorization: Bearer <token>`; one answer for a missing and a wrong token. */
export function requireToken(token: string | undefined): RequestHandler {
  return (request, response, next) => {
    if (!token || OPEN_PATHS.has(request.path)) return next();
    const header = request.headers.authorization ?? '';
    const given = /^bearer /i.test(header) ? header.slice(7).trim() : '';
    if (safeEqual(given, token)) return next();
    response
      .status(401)
      .set('WWW-Authenticate', 'Bearer realm="flowbus"')
      .json({ error: { type: 'API:UNAUTHORIZED', message: 'a valid API token is required' } });
  };
}
