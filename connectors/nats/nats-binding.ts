/**
 * @module The CloudEvents NATS binding: structured mode (the event as JSON in the payload, content type
 * `application/cloudevents+json` or none) and binary mode (attributes in `ce-` headers, the data as payload).
 */
import { headers as natsHeaders, type MsgHdrs } from 'nats';
import type { DeliveryItem } from '../../engine/sdk.js';

/** The content type and `ce-` attributes of a message; a JSON body with `specversion` counts as structured. */
export function natsAttributes(
  headers: MsgHdrs | undefined,
  body: Uint8Array,
): { contentType?: string; attributes: Record<string, string> } {
  const attributes: Record<string, string> = {};
  let contentType: string | undefined;
  for (const name of headers?.keys() ?? []) {
    const lower = name.toLowerCase();
    const value = headers!.get(name);
    if (lower === 'content-type') contentType = value;
    else if (lower.startsWith('ce-')) attributes[lower.slice(3)] = decodeURIComponentSafe(value);
  }
  if (!contentType && attributes.specversion === undefined && body[0] === 0x7b) {
    try {
      const parsed = JSON.parse(Buffer.from(body).toString('utf8')) as { specversion?: unknown };
      if (typeof parsed?.specversion === 'string') contentType = 'application/cloudevents+json';
    } catch {
      // Not JSON: wrapped as it is.
    }
  }
  return { ...(contentType ? { contentType } : {}), attributes };
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The payload and headers of one delivery: the event in structured mode, or the transform output in binary
 * mode (the event's attributes as percent-encoded `ce-` headers).
 */
export function natsMessage(item: DeliveryItem): { data: Uint8Array; headers: MsgHdrs } {
  const headers = natsHeaders();
  if (!item.transformed) {
    headers.set('content-type', 'application/cloudevents+json; charset=utf-8');
    return { data: Buffer.from(JSON.stringify(item.payload), 'utf8'), headers };
  }
  headers.set('content-type', 'application/json; charset=utf-8');
  for (const [name, value] of Object.entries(item.event)) {
    if (name === 'data' || name === 'data_base64' || name === 'datacontenttype') continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      headers.set(`ce-${name}`, encodeURIComponent(String(value)));
    }
  }
  return { data: Buffer.from(JSON.stringify(item.payload ?? null), 'utf8'), headers };
}
