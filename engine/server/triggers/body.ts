/**
 * @module Request bodies of HTTP triggers: read up to a size limit, then parsed by content type.
 */
import type { IncomingMessage } from 'node:http';
import { FlowbusError } from '../../core/errors.js';
import { DEFAULT_JSON_DEPTH, depthExcessMessage, findTextDepthExcess, findValueDepthExcess } from '../../core/json-depth.js';

/** A parsed body: the payload, and `base64` when binary bytes were encoded to text. */
export interface ParsedBody {
  payload: unknown;
  encoding?: 'base64';
}

const EMPTY = Buffer.alloc(0);

function tooLarge(limit: number): FlowbusError {
  const message = `the request body is larger than ${limit} bytes`;
  return new FlowbusError('HTTP:PAYLOAD_TOO_LARGE', message, { limit });
}

/** Whether the request announces a body at all (a GET without one costs no read). */
export function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
}

/**
 * Reads the whole body, refusing with `HTTP:PAYLOAD_TOO_LARGE` as soon as it exceeds `limit` bytes (at once
 * when `Content-Length` says so). The rest of a refused body is left unread.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  if (!hasBody(request)) return Promise.resolve(EMPTY);
  const declared = Number(request.headers['content-length']);
  if (declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('aborted', onAborted);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        request.pause();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(new FlowbusError('HTTP:BAD_REQUEST', `the request body could not be read: ${error.message}`));
    };
    const onAborted = () => onError(new Error('the client aborted the request'));
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('aborted', onAborted);
  });
}

/** The media type of a Content-Type header, lower case, without parameters. */
export function mediaType(contentType: string | undefined): string {
  if (!contentType) return '';
  const semicolon = contentType.indexOf(';');
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}

function charset(contentType: string): string {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return match ? match[1]!.toLowerCase() : 'utf-8';
}

function decodeText(body: Buffer, contentType: string): string {
  const label = charset(contentType);
  if (label === 'utf-8' || label === 'utf8') return body.toString('utf8');
  try {
    return new TextDecoder(label).decode(body);
  } catch {
    return body.toString('utf8');
  }
}

function isJson(type: string): boolean {
  return type === 'application/json' || type.endsWith('+json');
}

function isText(type: string): boolean {
  if (type.startsWith('text/') || type.endsWith('+xml')) return true;
  return type === 'application/xml' || type === 'application/javascript';
}

/** A URL-encoded form or query string as an object; a field given more than once becomes a list. */
export function parseUrlEncoded(text: string): Record<string, string | string[]> {
  const form: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const existing = form[key];
    if (existing === undefined) form[key] = value;
    else form[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return form;
}

/**
 * Parses a body by its Content-Type: JSON (and `+json`) parsed, text decoded by its charset, a URL-encoded
 * form as an object, anything else as base64. No body is a `null` payload. Malformed JSON, or JSON nesting
 * more than `maxDepth` objects and arrays, throws `HTTP:BAD_REQUEST` saying where.
 *
 * @example
 * parseBody(Buffer.from('{"id":7}'), 'application/json'); // { payload: { id: 7 } }
 */
export function parseBody(
  body: Buffer,
  contentType: string | undefined,
  maxDepth = DEFAULT_JSON_DEPTH,
): ParsedBody {
  if (body.length === 0) return { payload: null };
  const type = mediaType(contentType);
  if (isJson(type)) return { payload: parseJsonBody(body, maxDepth) };
  if (type === 'application/x-www-form-urlencoded') {
    return { payload: parseUrlEncoded(body.toString('utf8')) };
  }
  if (isText(type)) return { payload: decodeText(body, contentType!) };
  return { payload: body.toString('base64'), encoding: 'base64' };
}

/**
 * Parsed first, its depth checked after: V8's `JSON.parse` does not recurse, and walking the parsed value costs
 * less than scanning the text. The text is scanned only to say where a body nests too deeply (and whether a
 * malformed one does), so the message names the first place in the document, as before.
 */
function parseJsonBody(body: Buffer, maxDepth: number): unknown {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch (thrown) {
    refuseTooDeep(body, maxDepth);
    throw new FlowbusError('HTTP:BAD_REQUEST', `malformed JSON body: ${(thrown as Error).message}`);
  }
  if (findValueDepthExcess(value, maxDepth)) refuseTooDeep(body, maxDepth);
  return value;
}

/** Throws `HTTP:BAD_REQUEST` saying where the body first nests more than `maxDepth` levels, if it does. */
function refuseTooDeep(body: Buffer, maxDepth: number): void {
  const tooDeep = findTextDepthExcess(body, maxDepth);
  if (!tooDeep) return;
  const message = `the JSON body is too deeply nested: ${depthExcessMessage(tooDeep)}`;
  throw new FlowbusError('HTTP:BAD_REQUEST', message, { ...tooDeep });
}
