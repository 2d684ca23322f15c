/**
 * @module Reads an HTTP response: its headers, its body as JSON or text, and the error for a failed status.
 */
import { FlowbusError } from '../../core/errors.js';
import { findTextDepthExcess, MAX_JSON_DEPTH } from '../../core/json-depth.js';

export const RESPONSE_TYPES = ['auto', 'json', 'text'] as const;

export type ResponseType = (typeof RESPONSE_TYPES)[number];

/** At most this many bytes of a failed response's body go into the error details. */
export const MAX_ERROR_BODY_BYTES = 4096;

/** What the step outputs about a response. */
export interface HttpResponseData {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Response headers as a plain object with lower-case names. */
export function responseHeaders(headers: Headers): Record<string, string> {
  return Object.fromEntries(headers);
}

/** Whether a content type is JSON: `application/json`, `application/problem+json`, ... */
export function isJsonContentType(contentType: string | null): boolean {
  return contentType !== null && /^[^;]*[/+]json\s*(;|$)/i.test(contentType);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: null };
  // A body nested beyond what the engine's writers handle is not taken as JSON (text, or HTTP:PARSE).
  if (findTextDepthExcess(text, MAX_JSON_DEPTH)) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * The body as the step outputs it: `json` parses (an empty body is null), `text` keeps the text, `auto`
 * parses when the content type is JSON and falls back to the text when it does not parse.
 */
export function decodeBody(
  text: string,
  contentType: string | null,
  responseType: ResponseType,
  label: string,
): unknown {
  if (responseType === 'text') return text;
  if (responseType === 'auto' && !isJsonContentType(contentType)) return text;
  const parsed = parseJson(text);
  if (parsed.ok) return parsed.value;
  if (responseType === 'auto') return text;
  throw new FlowbusError('HTTP:PARSE', `${label} answered a body that is not JSON`, { contentType });
}

function truncateUtf8(text: string, maxBytes: number): { text: string; truncated: boolean } {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return { text, truncated: false };
  // A multi-byte character cut in two decodes to U+FFFD; drop it.
  const kept = new TextDecoder().decode(bytes.subarray(0, maxBytes)).replace(/\uFFFD$/, '');
  return { text: kept, truncated: true };
}

/** The `HTTP:STATUS` error for a non-2xx answer; the body in its details is at most 4 KB. */
export function statusError(label: string, status: number, headers: Headers, text: string): FlowbusError {
  const { text: kept, truncated } = truncateUtf8(text, MAX_ERROR_BODY_BYTES);
  const parsed = !truncated && isJsonContentType(headers.get('content-type')) ? parseJson(text) : undefined;
  const body = parsed?.ok ? parsed.value : kept;
  return new FlowbusError('HTTP:STATUS', `${label} answered ${status}`, {
    status,
    body,
    ...(truncated ? { bodyTruncated: true } : {}),
    headers: responseHeaders(headers),
  });
}
