/**
 * @module JSON answers written straight to node's response, for the trigger path (no express on it).
 */
import type { ServerResponse } from 'node:http';
import type { FlowError } from '../core/errors.js';

/** The header that carries the execution id of a triggered run. */
export const EXECUTION_HEADER = 'X-Flowbus-Execution';

/** The error body every failure answer carries: type, message, and where known the step and execution. */
export interface ErrorBody {
  error: { type: string; message: string; step?: string; executionId?: string };
}

/** Writes `body` as JSON with `status`; extra headers are added. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | number | string[]> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** The error body of a flow error: never a stack or details, which may hold data the caller must not see. */
export function errorBody(error: FlowError, executionId?: string): ErrorBody {
  const body: ErrorBody = { error: { type: error.type, message: error.message } };
  if (error.step) body.error.step = error.step;
  if (executionId) body.error.executionId = executionId;
  return body;
}

/** Writes a JSON error answer. */
export function sendError(
  response: ServerResponse,
  status: number,
  error: FlowError,
  options: { executionId?: string; headers?: Record<string, string | number | string[]> } = {},
): void {
  const headers = { ...options.headers };
  if (options.executionId) headers[EXECUTION_HEADER] = options.executionId;
  sendJson(response, status, errorBody(error, options.executionId), headers);
}
