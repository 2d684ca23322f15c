/**
 * @module The HTTP trigger dispatcher: a plain node:http handler in front of express. It looks the path up in
 * the current trigger table, checks method, caller address and credentials, reads and parses the body, runs
 * the flow, and answers. No per-request routing work beyond one table lookup.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FlowbusError } from '../../core/errors.js';
import type { Logger } from '../../logging/logger.js';
import type { Redactor } from '../../logging/redact.js';
import type { ConnectionService } from '../../store/connections.js';
import type { ExecutionRunner } from '../executions/runner.js';
import { EXECUTION_HEADER, sendError, sendJson } from '../json-response.js';
import type { ServerMetrics } from '../../metrics/server-metrics.js';
import { challenge, checkHeaderAuth, checkHmac, type HttpAuthCredentials } from './auth.js';
import { parseBody, readBody } from './body.js';
import type { TriggerEntry } from './compile-trigger.js';
import { pathParams, requestAttributes } from './request-attributes.js';
import { FAILURE_STATUS, sendFailure, sendResult } from './response.js';
import type { TriggerTable } from './trigger-table.js';
import { OVERLOAD_RETRY_AFTER_S } from '../../bus/admission.js';
import { BUSY_RETRY_AFTER_S } from '../executions/flow-admission.js';

/** Handles requests that no trigger answers (the editor's files); calls `next` when it has nothing either. */
export type FallbackHandler = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

export interface DispatcherOptions {
  table: () => TriggerTable<TriggerEntry>;
  runner: ExecutionRunner;
  connections: ConnectionService;
  redactor: Redactor;
  logger: Logger;
  metrics: ServerMetrics;
  bodyLimit: number;
  /** Nesting of objects and arrays allowed in a JSON body (`limits.jsonDepth`). */
  maxJsonDepth?: number;
  /** Largest answer body (`limits.replyBytes`). */
  replyLimit?: number;
  fallback?: FallbackHandler;
  /** Why the process is overloaded (a 503 with Retry-After), or undefined. */
  overloaded?: () => string | undefined;
}

/** The one answer to every refused credential, whichever part was wrong. */
const UNAUTHORIZED = { type: 'HTTP:UNAUTHORIZED', message: 'authentication failed' };

/** Creates the request handler for trigger paths. */
export function createDispatcher(options: DispatcherOptions) {
  const { runner, metrics, logger } = options;

  async function credentialsOf(entry: TriggerEntry): Promise<HttpAuthCredentials | undefined> {
    const name = entry.auth.connection;
    if (!name) {
      logger.error('trigger auth has no connection; every request is refused', { flowId: entry.flowId });
      return undefined;
    }
    try {
      return await options.connections.resolve(name, 'http-auth');
    } catch (thrown) {
      const error = thrown as FlowbusError;
      logger.error('trigger auth connection is unusable; requests are refused', {
        flowId: entry.flowId,
        connection: name,
        errorType: error.type,
        error: error.message,
      });
      return undefined;
    }
  }

  async function serve(
    request: IncomingMessage,
    response: ServerResponse,
    entry: TriggerEntry,
    url: { path: string; query: string },
    params: Record<string, string>,
  ): Promise<void> {
    if (entry.ipAllowList && !entry.ipAllowList.allows(request.socket.remoteAddress)) {
      return sendError(response, 403, { type: 'HTTP:FORBIDDEN', message: 'forbidden' });
    }
    let credentials: HttpAuthCredentials | undefined;
    if (entry.auth.type !== 'none') {
      credentials = await credentialsOf(entry);
      if (!credentials || !checkHeaderAuth(entry.auth, request, credentials)) return refuse(response, entry);
    }
    if (runner.saturated) {
      const error = { type: 'HTTP:UNAVAILABLE', message: 'too many executions; retry later' };
      return sendError(response, 503, error, { headers: { 'Retry-After': 1 } });
    }
    const overload = options.overloaded?.();
    if (overload) {
      const error = { type: 'SERVER:OVERLOADED', message: `the server is overloaded (${overload}); retry later` };
      return sendError(response, 503, error, { headers: { 'Retry-After': OVERLOAD_RETRY_AFTER_S } });
    }
    // Refused before the body is read: a full queue costs the server no memory for it.
    const busy = runner.refusal(entry.flowId);
    if (busy) return refuseBusy(response, `${busy}; retry later`);
    const body = await readBody(request, options.bodyLimit);
    if (entry.auth.type === 'hmac' && !checkHmac(entry.auth, request, body, credentials!)) {
      return refuse(response, entry);
    }
    const parsed = parseBody(body, request.headers['content-type'], options.maxJsonDepth);
    const attributes = requestAttributes(request, url.path, url.query, params);
    if (parsed.encoding) attributes.bodyEncoding = parsed.encoding;
    const executionId = randomUUID();
    const input = { payload: parsed.payload, attributes };
    const run = runner.run(entry.flow, input, { trigger: 'http', flowVersion: entry.version, executionId });
    if (entry.response.mode === 'async') {
      run.catch((thrown: Error) => {
        const fields = { flowId: entry.flowId, executionId, error: thrown.message };
        logger.error('async execution could not run', fields);
      });
      return sendJson(response, 202, { executionId }, { [EXECUTION_HEADER]: executionId });
    }
    const { record } = await run;
    if (record.status === 'succeeded') {
      return sendResult(response, entry, record, options.redactor, options.replyLimit);
    }
    const error = record.error ?? { type: 'FLOWBUS:UNEXPECTED', message: 'the execution failed' };
    sendFailure(response, error, FAILURE_STATUS[record.status], record.id, options.redactor);
  }

  function refuseBusy(response: ServerResponse, message: string): void {
    sendError(response, 429, { type: 'SERVER:BUSY', message }, { headers: { 'Retry-After': BUSY_RETRY_AFTER_S } });
  }

  function refuse(response: ServerResponse, entry: TriggerEntry): void {
    const header = challenge(entry.auth);
    sendError(response, 401, UNAUTHORIZED, { headers: header ? { 'WWW-Authenticate': header } : {} });
  }

  function notFound(request: IncomingMessage, response: ServerResponse, path: string): void {
    const message = `no trigger answers ${request.method} ${path}`;
    sendError(response, 404, { type: 'HTTP:NOT_FOUND', message });
  }

  return async function dispatch(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const url = request.url ?? '/';
    const mark = url.indexOf('?');
    const path = mark === -1 ? url : url.slice(0, mark);
    const query = mark === -1 ? '' : url.slice(mark + 1);
    let flowId = '';
    try {
      const match = options.table().match(path);
      if (!match) {
        const next = () => notFound(request, response, path);
        return options.fallback ? options.fallback(request, response, next) : next();
      }
      const method = request.method ?? 'GET';
      const { byMethod } = match.end;
      const entry = byMethod.get(method) ?? (method === 'HEAD' ? byMethod.get('GET') : undefined);
      if (!entry) {
        const allow = match.end.allow.join(', ');
        if (method === 'OPTIONS') return void response.writeHead(204, { Allow: allow }).end();
        const error = { type: 'HTTP:METHOD_NOT_ALLOWED', message: `${method} is not allowed here` };
        return sendError(response, 405, error, { headers: { Allow: allow } });
      }
      flowId = entry.flowId;
      await serve(request, response, entry, { path, query }, pathParams(entry, match));
    } catch (thrown) {
      answerThrown(request, response, thrown, logger);
    } finally {
      const seconds = (performance.now() - started) / 1000;
      metrics.httpRequest(flowId, request.method ?? '', response.statusCode, seconds);
    }
  };
}

function answerThrown(
  request: IncomingMessage,
  response: ServerResponse,
  thrown: unknown,
  logger: Logger,
): void {
  const badPath = thrown instanceof URIError;
  const type = thrown instanceof FlowbusError ? thrown.type : badPath ? 'HTTP:BAD_REQUEST' : '';
  const expected = ['HTTP:PAYLOAD_TOO_LARGE', 'HTTP:BAD_REQUEST', 'SERVER:STOPPING'].includes(type);
  if (!expected) {
    const error = thrown as Error | undefined;
    const path = (request.url ?? '/').split('?')[0];
    const message = error?.message ?? String(thrown);
    const fields = { method: request.method, path, error: message, stack: error?.stack };
    logger.error('trigger request failed', type === '' ? fields : { ...fields, errorType: type });
  }
  if (response.headersSent) return void response.destroy();
  if (type === 'HTTP:PAYLOAD_TOO_LARGE') {
    // Answer at once and drop the connection: the rest of the body is not worth reading.
    const error = { type, message: (thrown as Error).message };
    sendError(response, 413, error, { headers: { Connection: 'close' } });
    request.resume();
    return;
  }
  if (type === 'HTTP:BAD_REQUEST') {
    const message = badPath ? 'the path is not valid percent-encoding' : (thrown as Error).message;
    return sendError(response, 400, { type, message });
  }
  if (type === 'SERVER:STOPPING') {
    return sendError(response, 503, { type, message: 'the server is shutting down' });
  }
  if (type === 'SERVER:BUSY') {
    const error = { type, message: (thrown as Error).message };
    return sendError(response, 429, error, { headers: { 'Retry-After': BUSY_RETRY_AFTER_S } });
  }
  sendError(response, 500, { type: 'FLOWBUS:UNEXPECTED', message: 'internal error' });
}
