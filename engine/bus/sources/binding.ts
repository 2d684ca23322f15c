/**
 * @module Messages in a transport's CloudEvents binding, read with the bus's HTTP parser (a broker's
 * attribute headers are turned into `ce-` headers), and other messages wrapped into events by a template.
 */
import { parseHttpEvents, type ParsedEvent } from '../cloudevents/index.js';

const STRUCTURED = 'application/cloudevents';

/** Percent-encodes what the HTTP binding's header decoding would otherwise read differently. */
function headerText(value: string): string {
  return value.replace(/[%\u0000-\u001f\u007f-\uffff]/g, (char) => encodeURIComponent(char));
}

/**
 * Reads a message as a CloudEvent when it is one: `content-type` `application/cloudevents+json` (structured)
 * or a `specversion` attribute among `attributes` (binary; names without their transport prefix). Resolves
 * `undefined` for any other message.
 *
 * @example
 * readBindingMessage({ contentType: 'application/json', attributes: { specversion: '1.0', id: '1', ... } }, body, 65536);
 */
export function readBindingMessage(
  message: { contentType?: string; attributes: Record<string, string> },
  body: Buffer,
  maxEventBytes: number,
): ParsedEvent | undefined {
  const contentType = message.contentType?.trim().toLowerCase() ?? '';
  const structured = contentType.startsWith(STRUCTURED);
  if (!structured && message.attributes.specversion === undefined) return undefined;
  const headers: Record<string, string> = {};
  if (message.contentType) headers['content-type'] = message.contentType;
  if (!structured) {
    for (const [name, value] of Object.entries(message.attributes)) headers[`ce-${name}`] = headerText(value);
  }
  const parsed = parseHttpEvents(headers, body, { maxEventBytes });
  if (parsed.mode === 'invalid') return { ok: false, index: 0, reason: parsed.reason } as ParsedEvent;
  if (parsed.events.length !== 1) {
    return { ok: false, index: 0, reason: `a message carries one event, this one ${parsed.events.length}` } as ParsedEvent;
  }
  return parsed.events[0]!;
}

/** The context attributes of a wrapped message, from the source's template. */
export interface WrapFields {
  id: string;
  source: string;
  type: string;
  subject?: string;
  time?: string;
}

/**
 * Wraps a message that is not a CloudEvent: `data` is the body (JSON when it parses as JSON, else its text;
 * bytes that are not UTF-8 go to `data_base64`), or `envelope(body)` when given.
 */
export function wrapMessage(
  fields: WrapFields,
  body: Buffer,
  maxEventBytes: number,
  envelope?: (body: unknown) => unknown,
): ParsedEvent {
  const event: Record<string, unknown> = { specversion: '1.0', ...withoutEmpty(fields) };
  const text = new TextDecoder('utf-8', { fatal: false }).decode(body);
  const utf8 = Buffer.from(text, 'utf8').equals(body);
  let data: unknown = text;
  if (utf8) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  if (envelope) data = envelope(utf8 ? data : body.toString('base64'));
  if (!utf8 && !envelope) event.data_base64 = body.toString('base64');
  else {
    event.data = data;
    event.datacontenttype = 'application/json';
  }
  const headers = { 'content-type': 'application/cloudevents+json; charset=utf-8' };
  const parsed = parseHttpEvents(headers, Buffer.from(JSON.stringify(event), 'utf8'), { maxEventBytes });
  if (parsed.mode === 'invalid') return { ok: false, index: 0, reason: parsed.reason } as ParsedEvent;
  return parsed.events[0]!;
}

/** `{name}` holes filled from `values`; an unknown name is left empty. */
export function fillTemplate(template: string, values: Record<string, string | number | undefined>): string {
  return template.replace(/\{([A-Za-z0-9_.-]+)\}/g, (_match, name: string) => String(values[name] ?? ''));
}

function withoutEmpty(fields: WrapFields): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== ''));
}
