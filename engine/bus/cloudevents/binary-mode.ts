/**
 * @module Binary content mode: attributes in `ce-*` headers, datacontenttype in Content-Type, data as body.
 */
import { DEFAULT_JSON_DEPTH } from '../../core/json-depth.js';
import { checkAttribute, REQUIRED_ATTRIBUTES } from './attributes.js';
import { decodeHeaderValue } from './header-value.js';
import { isJsonMediaType, isTextMediaType, parseMediaType } from './media-type.js';
import { rejectEvent } from './outcome.js';
import { decodeUtf8, parseJsonBytes } from '../../json/strict.js';
import type { BusEvent, ParsedEvent } from './types.js';

/** Header names in lower case; a header sent more than once keeps all its values. */
export type LowerCaseHeaders = Map<string, string | string[]>;

const UTF8_CHARSETS = new Set(['utf-8', 'utf8', 'us-ascii']);

/**
 * Reads the single event of a binary-mode request. Data is decoded by Content-Type: JSON types as a JSON
 * value, text types as a string (UTF-8), anything else, or no Content-Type, as Base64 bytes.
 *
 * @example
 * readBinaryEvent(new Map([['ce-specversion', '1.0'], ...]), Buffer.from('hello'));
 */
export function readBinaryEvent(
  headers: LowerCaseHeaders,
  body: Buffer,
  maxDepth = DEFAULT_JSON_DEPTH,
): ParsedEvent {
  if (headers.has('ce-datacontenttype')) {
    const message = 'header "ce-datacontenttype" must not be sent in binary mode (Content-Type carries it)';
    return rejectEvent(0, message);
  }
  const attributes: Record<string, unknown> = {};
  for (const [header, raw] of headers) {
    if (!header.startsWith('ce-')) continue;
    if (Array.isArray(raw)) return rejectEvent(0, `header "${header}" is sent more than once`);
    const decoded = decodeHeaderValue(raw);
    if (!decoded.ok) return rejectEvent(0, `header "${header}" ${decoded.message}`);
    const checked = checkAttribute(header.slice(3), decoded.value, 'cloudevents');
    if (!checked.ok) return rejectEvent(0, `header "${header}": ${checked.message}`);
    attributes[header.slice(3)] = checked.value;
  }
  const contentType = firstValue(headers.get('content-type'))?.trim();
  if (contentType) {
    const checked = checkAttribute('datacontenttype', contentType, 'cloudevents');
    if (!checked.ok) return rejectEvent(0, `header "content-type": ${checked.message}`);
    attributes.datacontenttype = contentType;
  }
  const missing = REQUIRED_ATTRIBUTES.find((name) => !(name in attributes));
  if (missing) return rejectEvent(0, `attribute "${missing}" is required (header "ce-${missing}")`);
  const { specversion, id, source, type, ...rest } = attributes;
  const event = { specversion, id, source, type, ...rest } as BusEvent;
  const problem = readBody(event, body, contentType, maxDepth);
  return problem ? rejectEvent(0, problem) : { ok: true, event };
}

/** Sets data or data_base64 from the body; returns what is wrong with the body, if anything. */
function readBody(
  event: BusEvent,
  body: Buffer,
  contentType: string | undefined,
  maxDepth: number,
): string | undefined {
  if (body.length === 0) return undefined;
  const media = contentType ? parseMediaType(contentType) : undefined;
  if (media && isJsonMediaType(media)) {
    const parsed = parseJsonBytes(body, maxDepth);
    if (!parsed.ok) return `body is ${parsed.reason} (Content-Type "${contentType}")`;
    const duplicate = parsed.duplicates[0];
    if (duplicate !== undefined) return `body repeats the JSON member at ${duplicate}`;
    event.data = parsed.value;
    return undefined;
  }
  const charset = media?.parameters.charset?.toLowerCase();
  if (media && isTextMediaType(media) && (charset === undefined || UTF8_CHARSETS.has(charset))) {
    const text = decodeUtf8(body);
    if (text === undefined) return `body is not valid UTF-8 (Content-Type "${contentType}")`;
    event.data = text;
    return undefined;
  }
  event.data_base64 = body.toString('base64');
  return undefined;
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
