/**
 * @module Writing a bus event out: canonical attribute strings, structured JSON, the kind of its data.
 */
import { declaresJson } from './media-type.js';
import type { BusEvent } from './types.js';

/** How an event's data is held: a JSON value, text for a non-JSON content type, Base64 bytes, or none. */
export type DataKind = 'json' | 'text' | 'base64' | 'absent';

const DATA_MEMBERS = new Set(['data', 'data_base64']);

/**
 * The canonical string form of every set context attribute (spec.md "Type System"): booleans as
 * `true`/`false`, integers in decimal, a millisecond `time` as its RFC 3339 instant, and a vendor
 * extension holding a JSON object or array as its JSON text. Unset (null) attributes are left out.
 *
 * @example
 * canonicalAttributes(event); // { specversion: '1.0', id: 'A1', ..., comexampleothervalue: '5' }
 */
export function canonicalAttributes(event: BusEvent): Record<string, string> {
  const canonical: Record<string, string> = {};
  for (const [name, value] of Object.entries(event)) {
    if (DATA_MEMBERS.has(name) || value === undefined || value === null) continue;
    canonical[name] = canonicalString(name, value);
  }
  return canonical;
}

function canonicalString(name: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (name === 'time' && typeof value === 'number') return new Date(value).toISOString();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * The event in the CloudEvents JSON format, for webhooks and the log store: attributes with their JSON
 * values (a vendor millisecond `time` stays a number, as the vendor sends it), then `data` or `data_base64`.
 * An event already in that form (as ingest builds them) is answered itself, not copied: do not change it.
 *
 * @example
 * JSON.stringify(toStructuredJson(event)); // '{"specversion":"1.0","id":"A1",...,"data":{...}}'
 */
export function toStructuredJson(event: BusEvent): Record<string, unknown> {
  if (isStructured(event)) return event;
  const json: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(event)) {
    if (!DATA_MEMBERS.has(name) && value !== undefined && value !== null) json[name] = value;
  }
  if (event.data_base64 !== undefined) json.data_base64 = event.data_base64;
  else if (Object.hasOwn(event, 'data') && event.data !== undefined) json.data = event.data;
  return json;
}

/**
 * How the event's data is held. A JSON-format event without `datacontenttype` holds JSON.
 *
 * @example
 * dataKind({ ...event, datacontenttype: 'text/xml', data: '<a/>' }); // 'text'
 */
export function dataKind(event: BusEvent): DataKind {
  if (event.data_base64 !== undefined) return 'base64';
  if (!Object.hasOwn(event, 'data') || event.data === undefined) return 'absent';
  return declaresJson(event.datacontenttype) ? 'json' : 'text';
}

/** Every attribute set, and at most one of `data` (null allowed) and `data_base64`, last: the structured form. */
function isStructured(event: BusEvent): boolean {
  let dataSeen = false;
  for (const name of Object.keys(event)) {
    const value = event[name];
    if (value === undefined || dataSeen || (value === null && name !== 'data')) return false;
    if (DATA_MEMBERS.has(name)) dataSeen = true;
  }
  return true;
}

/**
 * Where an event object keeps its serialised text: accepted events are not changed, so each is written once.
 * A symbol property that is not enumerable, so no JSON, spread or clone of the event carries it, and it goes
 * with the event (a WeakMap entry would outlive young refused events until a full collection).
 */
const STRUCTURED_TEXT = Symbol('structured text');

/**
 * `JSON.stringify(toStructuredJson(event))`, serialised once per event object: the size check, the journal
 * record, the trace and the webhook body all use the same text.
 *
 * @example
 * structuredText(event); // '{"specversion":"1.0","id":"A1",...}'
 */
export function structuredText(event: BusEvent): string {
  const known = (event as { [STRUCTURED_TEXT]?: string })[STRUCTURED_TEXT];
  if (known !== undefined) return known;
  const text = JSON.stringify(toStructuredJson(event));
  if (Object.isExtensible(event)) Object.defineProperty(event, STRUCTURED_TEXT, { value: text });
  return text;
}

/** The UTF-8 size of the event's structured JSON form, the measure of the per-event size limit. */
export function eventSize(event: BusEvent): number {
  return Buffer.byteLength(structuredText(event), 'utf8');
}
