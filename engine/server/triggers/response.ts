/**
 * @module The answer of an HTTP-triggered execution: status, headers and body from the trigger's response
 * settings (evaluated against the final message), or a JSON error that never carries a stack.
 */
import { validateHeaderName, validateHeaderValue, type ServerResponse } from 'node:http';
import { toFlowError, type FlowError } from '../../core/errors.js';
import type { Message } from '../../core/message.js';
import { measureValue } from '../../core/value-size.js';
import type { Redactor } from '../../logging/redact.js';
import type { ExecutionRecord, ExecutionStatus } from '../../runtime/types.js';
import { EXECUTION_HEADER, sendError } from '../json-response.js';
import type { TriggerEntry } from './compile-trigger.js';

/** The HTTP status answering an execution that did not succeed. */
export const FAILURE_STATUS: Record<Exclude<ExecutionStatus, 'succeeded'>, number> = {
  failed: 500,
  'timed-out': 504,
  cancelled: 503,
};

/** Largest answer body by default, as `limits.replyBytes`. */
export const DEFAULT_REPLY_BYTES = 10 * 1024 * 1024;

/** The body to send and its default content type. */
export function serializeBody(body: unknown): { data?: Buffer | string; contentType?: string } {
  if (body === undefined || body === null) return {};
  if (typeof body === 'string') return { data: body, contentType: 'text/plain; charset=utf-8' };
  if (Buffer.isBuffer(body)) return { data: body, contentType: 'application/octet-stream' };
  if (body instanceof Uint8Array) return { data: Buffer.from(body), contentType: 'application/octet-stream' };
  return { data: JSON.stringify(body), contentType: 'application/json; charset=utf-8' };
}

/** The status, headers and body the response settings give for the final message; throws `HTTP:RESPONSE`. */
export async function responseParts(entry: TriggerEntry, message: Message, executionId: string) {
  const { response } = entry;
  const context = { bindings: { executionId, flowId: entry.flowId, stepId: entry.triggerId } };
  const status = response.status ? await response.status.evaluate(message, context) : 200;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
    const message = 'the response status must be an integer from 100 to 599';
    throw toFlowError({ type: 'HTTP:RESPONSE', message });
  }
  const headers = response.headers ? await response.headers.evaluate(message, context) : {};
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) {
    throw toFlowError({ type: 'HTTP:RESPONSE', message: 'the response headers must be an object' });
  }
  const body = response.body ? await response.body.evaluate(message, context) : message.payload;
  return { status, headers: headers as Record<string, unknown>, body };
}

/**
 * Sends the answer of a successful execution; an unusable response setting, or a body larger than
 * `replyBytes`, answers 500 (`HTTP:RESPONSE_TOO_LARGE` naming the trigger).
 */
export async function sendResult(
  response: ServerResponse,
  entry: TriggerEntry,
  record: ExecutionRecord,
  redactor: Redactor,
  replyBytes: number = DEFAULT_REPLY_BYTES,
): Promise<void> {
  let parts: Awaited<ReturnType<typeof responseParts>>;
  try {
    parts = await responseParts(entry, record.result!, record.id);
  } catch (thrown) {
    sendFailure(response, toFlowError(thrown, entry.triggerId), 500, record.id, redactor);
    return;
  }
  // Measured before it is written out, so that an oversized answer never costs its full text.
  const estimate = typeof parts.body === 'string' ? 0 : measureValue(parts.body, replyBytes);
  const { data, contentType } = estimate > replyBytes ? {} : serializeBody(parts.body);
  const bytes = data === undefined ? 0 : Buffer.byteLength(data);
  if (estimate > replyBytes || bytes > replyBytes) {
    const size = bytes > replyBytes ? `${bytes} bytes` : 'the answer';
    const message = `${size} is larger than the ${replyBytes} bytes allowed (limits.replyBytes)`;
    const error: FlowError = { type: 'HTTP:RESPONSE_TOO_LARGE', message, step: entry.triggerId };
    error.details = { limit: 'limits.replyBytes', replyBytes };
    sendFailure(response, error, 500, record.id, redactor);
    return;
  }
  let headers: Record<string, string | number>;
  try {
    headers = checkedHeaders(parts.headers);
  } catch (thrown) {
    const message = `bad response header: ${(thrown as Error).message}`;
    const error: FlowError = { type: 'HTTP:RESPONSE', message };
    sendFailure(response, { ...error, step: entry.triggerId }, 500, record.id, redactor);
    return;
  }
  if (contentType && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
    headers['Content-Type'] = contentType;
  }
  headers['Content-Length'] = bytes;
  headers[EXECUTION_HEADER] = record.id;
  response.writeHead(parts.status, headers);
  response.end(data);
}

/** The configured headers as strings; throws for a name or value HTTP does not allow. */
export function checkedHeaders(configured: Record<string, unknown>): Record<string, string | number> {
  const headers: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(configured)) {
    if (value === undefined || value === null) continue;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    validateHeaderName(name);
    validateHeaderValue(name, text);
    headers[name] = text;
  }
  return headers;
}

/** Sends the JSON error of a failed, timed-out or cancelled execution. */
export function sendFailure(
  response: ServerResponse,
  error: FlowError,
  status: number,
  executionId: string,
  redactor: Redactor,
): void {
  sendError(response, status, { ...error, message: redactor.redactText(error.message) }, { executionId });
}
