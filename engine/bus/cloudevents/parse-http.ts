/**
 * @module The bus's HTTP ingest parser: picks the content mode from the headers and judges each event.
 */
import { DEFAULT_JSON_DEPTH } from '../../core/json-depth.js';
import { readBinaryEvent, type LowerCaseHeaders } from './binary-mode.js';
import { eventSize } from './canonical.js';
import { readBatchBody, readStructuredBody, readVendorJsonBody } from './json-bodies.js';
import { isJsonMediaType, parseMediaType } from './media-type.js';
import { rejectEvent } from './outcome.js';
import {
  DEFAULT_MAX_EVENT_BYTES,
  type HttpHeaders,
  type HttpParseResult,
  type ParsedEvent,
  type ParseOptions,
} from './types.js';

const STRUCTURED = 'application/cloudevents+json';
const BATCH = 'application/cloudevents-batch+json';

/**
 * Parses one HTTP request body in any mode. The Content-Type decides (matched case-insensitively):
 * `application/cloudevents+json` is structured, `application/cloudevents-batch+json` a batch; otherwise a
 * `ce-specversion` header means binary mode; otherwise an `application/json` body is the vendor's PutEvents
 * request or a vendor-style event object. Each event gets its own outcome, so a batch can be answered per
 * event; `invalid` means the request as a whole carries no events that can be read.
 *
 * @example
 * const result = parseHttpEvents(req.headers, body, { maxEventBytes: 65536 });
 * if (result.mode !== 'invalid') for (const parsed of result.events) if (parsed.ok) accept(parsed.event);
 */
export function parseHttpEvents(
  headers: HttpHeaders,
  body: Buffer,
  options: Partial<ParseOptions> = {},
): HttpParseResult {
  const result = parseByMode(lowerCaseHeaders(headers), body, options.maxDepth ?? DEFAULT_JSON_DEPTH);
  if (result.mode === 'invalid') return result;
  const limit = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
  const events = result.events.map((parsed, index) => limitSize(parsed, index, limit));
  return { ...result, events };
}

/**
 * Whether parsing a request with this Content-Type reads headers besides it: false for the structured and
 * batch formats, whose events are all in the body. Node builds its per-header lists (`headersDistinct`, which
 * binary mode needs to refuse a repeated `ce-*` header) on first use; a caller may skip them when false.
 *
 * @example
 * readsOtherHeaders('application/cloudevents+json; charset=utf-8'); // false
 */
export function readsOtherHeaders(contentType: string | undefined): boolean {
  const essence = contentType === undefined ? undefined : parseMediaType(contentType.trim())?.essence;
  return essence !== STRUCTURED && essence !== BATCH;
}

function parseByMode(headers: LowerCaseHeaders, body: Buffer, maxDepth: number): HttpParseResult {
  const rawContentType = headers.get('content-type');
  const contentType = (Array.isArray(rawContentType) ? rawContentType[0] : rawContentType)?.trim();
  const media = contentType ? parseMediaType(contentType) : undefined;
  if (media?.essence === STRUCTURED) return readStructuredBody(body, maxDepth);
  if (media?.essence === BATCH) return readBatchBody(body, maxDepth);
  if (media?.essence.startsWith('application/cloudevents')) {
    return { mode: 'invalid', reason: `unsupported event format "${media.essence}": only JSON is supported` };
  }
  const binary = (): HttpParseResult => ({ mode: 'binary', events: [readBinaryEvent(headers, body, maxDepth)] });
  if (headers.has('ce-specversion')) return binary();
  if (media && isJsonMediaType(media)) return readVendorJsonBody(body, maxDepth);
  if ([...headers.keys()].some((name) => name.startsWith('ce-'))) return binary();
  const reason = contentType
    ? `Content-Type "${contentType}" is not a CloudEvents format and no ce-* headers were sent`
    : 'no Content-Type and no ce-* headers: the request is not a CloudEvent';
  return { mode: 'invalid', reason };
}

function limitSize(parsed: ParsedEvent, index: number, limit: number): ParsedEvent {
  if (!parsed.ok) return parsed;
  const size = eventSize(parsed.event);
  if (size <= limit) return parsed;
  return rejectEvent(index, `the event is ${size} bytes, over the limit of ${limit} bytes (maxEventBytes)`);
}

/**
 * Header names in lower case; the same header in different cases is kept as several values, and a list
 * of one value (Node's `headersDistinct` form) as that value.
 */
function lowerCaseHeaders(headers: HttpHeaders): LowerCaseHeaders {
  // Plain loops: this runs for every ingest request, and spreading lists per header showed in its profile.
  const lower: LowerCaseHeaders = new Map();
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    const key = name.toLowerCase();
    const before = lower.get(key);
    const single = Array.isArray(value) && value.length === 1 ? value[0]! : value;
    if (before === undefined) lower.set(key, single);
    else lower.set(key, [before, single].flat());
  }
  return lower;
}
