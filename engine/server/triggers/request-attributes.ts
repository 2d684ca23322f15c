/**
 * @module The `attributes` of a message started by an HTTP request.
 */
import type { IncomingMessage } from 'node:http';
import type { Attributes } from '../../core/message.js';
import { parseUrlEncoded } from './body.js';
import type { TriggerEntry } from './compile-trigger.js';
import type { RouteMatch } from './trigger-table.js';

/** The caller's address, with an IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) written as IPv4. */
export function remoteAddress(request: IncomingMessage): string | undefined {
  const address = request.socket.remoteAddress;
  return address?.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

/** The `{name}` values of the matched path by name; `*` holds the rest under a trailing wildcard. */
export function pathParams(entry: TriggerEntry, match: RouteMatch<TriggerEntry>): Record<string, string> {
  const params: Record<string, string> = {};
  const names = entry.pattern.paramNames;
  for (let index = 0; index < names.length; index++) params[names[index]!] = match.values[index]!;
  if (match.rest !== undefined) params['*'] = match.rest;
  return params;
}

/** Method, path, params, query, headers (lower-case names) and remote address of the request. */
export function requestAttributes(
  request: IncomingMessage,
  path: string,
  queryText: string,
  params: Record<string, string>,
): Attributes {
  return {
    method: request.method,
    path,
    params,
    query: queryText === '' ? {} : parseUrlEncoded(queryText),
    headers: request.headers,
    remoteAddress: remoteAddress(request),
  };
}
