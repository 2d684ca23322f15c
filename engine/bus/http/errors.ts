/**
 * @module Errors of the bus routes: typed errors answered as `{ "error": { "type", "message" } }` with a
 * status chosen by type, and a wrapper that turns a rejected handler into that answer.
 */
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { FlowbusError, toFlowError } from '../../core/errors.js';

/** The HTTP status of an error type. */
export function statusOfBusError(type: string): number {
  if (type === 'VALIDATION') return 422;
  if (type === 'SERVER:STOPPING') return 503;
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

/** Answers an error; unknown errors become a 500 without their message (it may hold internals). */
export function sendBusError(response: Response, thrown: unknown): void {
  const known = thrown instanceof FlowbusError ? thrown : fromBodyParser(thrown);
  if (!known) {
    response.status(500).json({ error: { type: 'FLOWBUS:UNEXPECTED', message: 'internal error' } });
    return;
  }
  const error = toFlowError(known);
  const body: Record<string, unknown> = { type: error.type, message: error.message };
  if (known.details?.issues) body.issues = known.details.issues;
  response.status(statusOfBusError(error.type)).json({ error: body });
}

/** Wraps an async handler so that whatever it throws is answered as an error. */
export function handle(work: (request: Request, response: Response) => Promise<void> | void): RequestHandler {
  return (request, response) => {
    Promise.resolve()
      .then(() => work(request, response))
      .catch((thrown: unknown) => sendBusError(response, thrown));
  };
}

/** The error handler of the bus router: body parser failures and anything thrown by middleware. */
export const busErrorHandler: ErrorRequestHandler = (thrown, _request, response, _next) => {
  sendBusError(response, thrown);
};

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
