/**
 * @module Turns an HTTP Request step's evaluated config into what `fetch` sends, checking every value first.
 */
import { FlowbusError } from '../../core/errors.js';
import { invalidConfig, isPlainObject, readEnum, readString } from '../config-values.js';
import { HTTP_METHODS } from '../http/index.js';
import type { HttpMethod } from '../http/index.js';

export const BODY_TYPES = ['json', 'text', 'form'] as const;

export type BodyType = (typeof BODY_TYPES)[number];

/**
 * A request ready for `fetch`.
 * `label` (`METHOD origin+pathname`) is safe in messages: no query, no headers.
 */
export interface PreparedRequest {
  method: HttpMethod;
  url: URL;
  headers: Headers;
  body?: string;
  label: string;
}

/** The part of the config that shapes the request. */
export interface RequestConfig {
  method?: unknown;
  url?: unknown;
  headers?: unknown;
  query?: unknown;
  body?: unknown;
  bodyType?: unknown;
}

/**
 * Builds the request; a value of the wrong type is a VALIDATION error naming the field.
 *
 * @example
 * prepareRequest({ url: 'https://example.test/a', query: { q: 'x y' } }).url.search; // '?q=x+y'
 */
export function prepareRequest(config: RequestConfig): PreparedRequest {
  const method = readEnum(config.method ?? 'GET', 'method', HTTP_METHODS);
  const url = parseUrl(config.url);
  appendQuery(url, config.query);
  const headers = buildHeaders(config.headers);
  const body = encodeBody(config.body, readEnum(config.bodyType ?? 'json', 'bodyType', BODY_TYPES), headers);
  if (body !== undefined && (method === 'GET' || method === 'HEAD')) {
    throw new FlowbusError('VALIDATION', `body must be left out for a ${method} request`, {
      field: 'body',
      expected: 'no body',
    });
  }
  return { method, url, headers, body, label: `${method} ${url.origin}${url.pathname}` };
}

function parseUrl(value: unknown): URL {
  const text = readString(value, 'url');
  // The URL itself is not quoted in these messages: its query string may hold a token.
  const expected = 'an absolute http or https URL';
  if (!URL.canParse(text)) {
    throw new FlowbusError('VALIDATION', `url must be ${expected}`, { field: 'url', expected });
  }
  const url = new URL(text);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const message = `url must be ${expected}, got a ${url.protocol} URL`;
    throw new FlowbusError('VALIDATION', message, { field: 'url', expected });
  }
  if (url.username || url.password) {
    const message = 'url must not hold a user name or password: use an Authorization header';
    throw new FlowbusError('VALIDATION', message, { field: 'url', expected: 'a URL without credentials' });
  }
  return url;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function appendQuery(url: URL, query: unknown): void {
  if (query == null) return;
  if (!isPlainObject(query)) throw invalidConfig('query', 'an object', query);
  for (const [name, value] of Object.entries(query)) {
    if (value == null) continue;
    if (!isScalar(value)) throw invalidConfig(`query.${name}`, 'a string, number or boolean', value);
    url.searchParams.append(name, String(value));
  }
}

function buildHeaders(values: unknown): Headers {
  const headers = new Headers();
  if (values == null) return headers;
  if (!isPlainObject(values)) throw invalidConfig('headers', 'an object', values);
  for (const [name, value] of Object.entries(values)) {
    if (value == null) continue;
    if (typeof value !== 'string') throw invalidConfig(`headers.${name}`, 'a string', value);
    try {
      headers.set(name, value);
    } catch {
      // The value is not repeated: headers often carry credentials.
      throw new FlowbusError('VALIDATION', `headers.${name} is not a valid header name or value`, {
        field: `headers.${name}`,
        expected: 'a header name and a value without line breaks',
      });
    }
  }
  return headers;
}

function encodeBody(body: unknown, bodyType: BodyType, headers: Headers): string | undefined {
  if (body == null) return undefined;
  if (bodyType === 'form') return encodeForm(body, headers);
  if (typeof body === 'string') return body;
  if (bodyType === 'text') {
    if (isScalar(body)) return String(body);
    throw invalidConfig('body', 'a string when bodyType is text', body);
  }
  if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  return JSON.stringify(body);
}

function encodeForm(body: unknown, headers: Headers): string {
  if (!headers.has('content-type')) headers.set('content-type', 'application/x-www-form-urlencoded');
  if (typeof body === 'string') return body;
  if (!isPlainObject(body)) throw invalidConfig('body', 'an object or a string when bodyType is form', body);
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(body)) {
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (item == null) continue;
      if (!isScalar(item)) {
        throw invalidConfig(`body.${name}`, 'a string, number, boolean or a list of them', item);
      }
      form.append(name, String(item));
    }
  }
  return form.toString();
}
