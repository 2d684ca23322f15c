/**
 * @module One error handler for the API: maps error types to HTTP statuses, answers JSON, never a stack.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { FlowbusError } from '../../core/errors.js';
import type { Logger } from '../../logging/logger.js';

/** The status for an error type; anything unknown is a 500. */
export function statusOfType(type: string): number {
  if (type === 'VALIDATION') return 422;
  if (type === 'FLOW:VERSION_MISMATCH') return 412;
  if (type === 'EXECUTION:NOT_REPLAYABLE') return 409;
  if (type === 'API:UNAUTHORIZED') return 401;
  if (type === 'SERVER:STOPPING') return 503;
  if (type.endsWith(':BAD_REQUEST')) return 400;
  if (type.endsWith(':NOT_FOUND')) return 404;
  if (type.endsWith(':EXISTS')) return 409;
  if (type.endsWith(':PAYLOAD_TOO_LARGE')) return 413;
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
}

function fromBodyParser(thrown: BodyParserError): FlowbusError | undefined {
  if (thrown.type === 'entity.parse.failed') return badRequest(`malformed JSON body: ${thrown.message}`);
  if (thrown.type === 'entity.too.large') {
    const limit = typeof thrown.limit === 'number' ? ` than the ${thrown.limit} bytes allowed` : '';
    const message = `the request body is larger${limit} (limits.bodyBytes, FLOWBUS_BODY_LIMIT)`;
    return new FlowbusError('API:PAYLOAD_TOO_LARGE', message, { limit: 'limits.bodyBytes' });
  }
  if (typeof thrown.status === 'number' && thrown.status >= 400 && thrown.status < 500) {
    return badRequest(thrown.message);
  }
  return undefined;
}

/**
 * Answers every error of the API routes as `{ error: { type, message, issues? } }`. An unknown error (a 500
 * without its message) and a known one answered 500 are logged at error level with the stack and the request.
 */
export function apiErrorHandler(logger: Logger): ErrorRequestHandler {
  return (thrown: unknown, request, response, _next) => {
    const error = thrown instanceof FlowbusError ? thrown : fromBodyParser(thrown as BodyParserError);
    const status = error ? statusOfType(error.type) : 500;
    if (status === 500) {
      logger.error('API request failed', {
        method: request.method,
        path: request.originalUrl.split('?')[0],
        ...(error ? { errorType: error.type } : {}),
        error: (thrown as Error)?.message ?? String(thrown),
        stack: (thrown as Error)?.stack,
      });
    }
    if (response.headersSent) return void response.destroy();
    if (!error) {
      response.status(500).json({ error: { type: 'FLOWBUS:UNEXPECTED', message: 'internal error' } });
      return;
    }
    const body: { type: string; message: string; issues?: unknown } = {
      type: error.type,
      message: error.message,
    };
    if (error.details?.issues) body.issues = error.details.issues;
    response.status(status).json({ error: body });
  };
}

/** The answer for an unknown API path. */
export const apiNotFound: RequestHandler = (request, response) => {
  const message = `no API route ${request.method} ${request.path}`;
  response.status(404).json({ error: { type: 'API:NOT_FOUND', message } });
};
