/**
 * @module The one error answer of the HTTP API — management routes, bus ingest, sources and URL callbacks: maps
 * error types to statuses and answers `{ "error": { "type", "message", "issues"? } }`, with `Retry-After` where
 * the error says when to come back, never with a stack.
 */
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { FlowbusError } from '../../core/errors.js';
import type { Logger } from '../../logging/logger.js';

/** Where the error answer logs what it answers 500: the server's logger, or a bus's log function adapted. */
export type ErrorLog = Pick<Logger, 'error'>;

/** The status for an error type; anything unknown is a 500. */
export function statusOfType(type: string): number {
  if (type === 'VALIDATION') return 422;
  if (type === 'FLOW:VERSION_MISMATCH') return 412;
  if (type === 'EXECUTION:NOT_REPLAYABLE') return 409;
  if (type === 'API:UNAUTHORIZED' || type === 'CALLBACK:UNAUTHORIZED') return 401;
  if (type === 'SERVER:STOPPING' || type === 'SERVER:OVERLOADED') return 503;
  if (type === 'BUS:BACKPRESSURE' || type === 'SERVER:BUSY') return 429;
  if (type === 'BUS:REDRIVE_FAILED') return 502;
  if (type.endsWith(':BAD_REQUEST') || type === 'BUS:INVALID_EVENT' || type === 'BUS:INVALID_PATTERN') return 400;
  // `_NOT_FOUND` too: the bus names what is missing (`BUS:RULE_NOT_FOUND`, `BUS:DEAD_LETTER_NOT_FOUND`).
  if (type.endsWith('NOT_FOUND')) return 404;
  if (type.endsWith(':EXISTS') || type.endsWith(':CONFLICT') || type === 'BUS:READ_ONLY') return 409;
  if (type.endsWith(':PAYLOAD_TOO_LARGE')) return 413;
  if (type.endsWith(':UNSUPPORTED_MEDIA_TYPE')) return 415;
  return 500;
}

/** A 400 for a request the API cannot use. */
export function badRequest(message: string): FlowbusError {
  return new FlowbusError('API:BAD_REQUEST', message);
}

/** A request body that may be left out (as `{}`), else must be a JSON object. */
export function optionalObjectBody(body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('the request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  /** The byte limit, on `entity.too.large`. */
  limit?: number;
  /** The setting that sets the limit, added by {@link jsonBody}'s caller. */
  setting?: string;
}

function fromBodyParser(thrown: BodyParserError | undefined): FlowbusError | undefined {
  if (thrown?.type === 'entity.parse.failed') return badRequest(`malformed JSON body: ${thrown.message}`);
  if (thrown?.type === 'entity.too.large') {
    const limit = typeof thrown.limit === 'number' ? ` than the ${thrown.limit} bytes allowed` : '';
    const setting = thrown.setting ? ` (${thrown.setting})` : '';
    const message = `the request body is larger${limit}${setting}`;
    return new FlowbusError('API:PAYLOAD_TOO_LARGE', message, thrown.setting ? { limit: thrown.setting } : undefined);
  }
  if (typeof thrown?.status === 'number' && thrown.status >= 400 && thrown.status < 500) {
    return badRequest(thrown.message);
  }
  return undefined;
}

/**
 * Answers one error. An unknown error becomes a 500 without its message (it may hold internals); it, and a
 * known error answered 500, is logged at error level with its stack and the request, once.
 *
 * @example
 * sendApiError(request, response, new FlowbusError('BUS:BACKPRESSURE', 'full', { retryAfterSeconds: 2 }), logger);
 * // 429, Retry-After: 2, {"error": {"type": "BUS:BACKPRESSURE", "message": "full"}}
 */
export function sendApiError(request: Request, response: Response, thrown: unknown, log: ErrorLog): void {
  const known = thrown instanceof FlowbusError ? thrown : fromBodyParser(thrown as BodyParserError | undefined);
  const status = known ? statusOfType(known.type) : 500;
  if (status === 500) {
    log.error('API request failed', {
      method: request.method,
      path: request.originalUrl.split('?')[0],
      ...(known ? { errorType: known.type } : {}),
      error: (thrown as Error | undefined)?.message ?? String(thrown),
      stack: (thrown as Error | undefined)?.stack,
    });
  }
  if (response.headersSent) return void response.destroy();
  if (!known) {
    response.status(500).json({ error: { type: 'FLOWBUS:UNEXPECTED', message: 'internal error' } });
    return;
  }
  const retryAfter = known.details?.retryAfterSeconds;
  if (typeof retryAfter === 'number') response.setHeader('Retry-After', String(Math.ceil(retryAfter)));
  const body: { type: string; message: string; issues?: unknown } = { type: known.type, message: known.message };
  if (known.details?.issues) body.issues = known.details.issues;
  response.status(status).json({ error: body });
}

/** The express error handler of every API router: what handlers and middleware (the body parsers) throw. */
export function apiErrorHandler(log: ErrorLog): ErrorRequestHandler {
  return (thrown: unknown, request, response, _next) => sendApiError(request, response, thrown, log);
}

/** The answer for an unknown API path. */
export const apiNotFound: RequestHandler = (request, response) => {
  const message = `no API route ${request.method} ${request.path}`;
  response.status(404).json({ error: { type: 'API:NOT_FOUND', message } });
};
