/**
 * @module Errors of the bus routes: typed errors answered as `{ "error": { "type", "message" } }` with a
 * status chosen by type, and a wrapper that turns a rejected handler into that answer.
 */
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { FlowbusError, toFlowError } from '../../core/errors.js';
import type { BusLog } from '../delivery/deps.js';

/** The HTTP status of an error type. */
export function statusOfBusError(type: string): number {
  if (type === 'VALIDATION') return 422;
  if (type === 'SERVER:STOPPING' || type === 'SERVER:OVERLOADED') return 503;
  if (type === 'BUS:BACKPRESSURE' || type === 'SERVER:BUSY') return 429;
  if (type === 'BUS:REDRIVE_FAILED') return 502;
  if (type.endsWith(':BAD_REQUEST')) return 400;
  if (type === 'BUS:INVALID_EVENT' || type === 'BUS:INVALID_PATTERN') return 400;
  if (type.endsWith('NOT_FOUND')) return 404;
  if (type.endsWith(':CONFLICT') || type === 'BUS:READ_ONLY') return 409;
  if (type.endsWith(':PAYLOAD_TOO_LARGE')) return 413;
  return 500;
}

/** A 400 for a request the bus cannot use. */
export function badRequest(message: string): FlowbusError {
  return new FlowbusError('API:BAD_REQUEST', message);
}

/**
 * Answers an error. An unknown error becomes a 500 without its message (it may hold internals); it, and any
 * known error answered 500, is logged at error level with its stack and the request, once.
 */
export function sendBusError(request: Request, response: Response, thrown: unknown, log: BusLog): void {
  const known = thrown instanceof FlowbusError ? thrown : fromBodyParser(thrown);
  const status = known ? statusOfBusError(known.type) : 500;
  if (status === 500) {
    const error = thrown as Error | undefined;
    log('error', 'bus request failed', {
      method: request.method,
      path: request.originalUrl.split('?')[0],
      ...(known ? { errorType: known.type } : {}),
      error: error?.message ?? String(thrown),
      stack: error?.stack,
    });
  }
  if (response.headersSent) return void response.destroy();
  if (!known) {
    response.status(500).json({ error: { type: 'FLOWBUS:UNEXPECTED', message: 'internal error' } });
    return;
  }
  const error = toFlowError(known);
  const retryAfter = known.details?.retryAfterSeconds;
  if (typeof retryAfter === 'number') response.setHeader('Retry-After', String(Math.ceil(retryAfter)));
  const body: Record<string, unknown> = { type: error.type, message: error.message };
  if (known.details?.issues) body.issues = known.details.issues;
  response.status(status).json({ error: body });
}

/** Wraps an async handler so that whatever it throws goes to the router's {@link busErrorHandler}. */
export function handle(work: (request: Request, response: Response) => Promise<void> | void): RequestHandler {
  return (request, response, next) => {
    Promise.resolve()
      .then(() => work(request, response))
      .catch(next);
  };
}

/** The error handler of a bus router: what handlers and middleware (the body parsers) throw. */
export function busErrorHandler(log: BusLog): ErrorRequestHandler {
  return (thrown, request, response, _next) => sendBusError(request, response, thrown, log);
}

function fromBodyParser(thrown: unknown): FlowbusError | undefined {
  const error = thrown as { type?: string; status?: number; message?: string };
  if (error?.type === 'entity.parse.failed') return badRequest(`malformed JSON body: ${error.message}`);
  if (error?.type === 'entity.too.large') {
    return new FlowbusError('API:PAYLOAD_TOO_LARGE', 'the request body is too large');
  }
  const status = error?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) return badRequest(String(error.message));
  return undefined;
}
