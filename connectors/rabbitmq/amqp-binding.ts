/**
 * @module The CloudEvents AMQP binding for AMQP 0-9-1 messages: attributes in headers prefixed
 * `cloudEvents_` (or the older `cloudEvents:`), `content-type` as `datacontenttype` (binary mode), or the
 * whole event as `application/cloudevents+json` (structured mode).
 */
import type { Options } from 'amqplib';
import type { DeliveryItem } from '../../engine/sdk.js';

const PREFIXES = ['cloudEvents_', 'cloudEvents:'];

/** A header value in its canonical string form (AMQP timestamps, numbers, booleans, bytes). */
function canonical(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (typeof value === 'object') return undefined;
  return String(value);
}

/** The CloudEvents attributes of a message's headers, names without their prefix. */
export function amqpAttributes(headers: Record<string, unknown> | undefined): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const prefix = PREFIXES.find((candidate) => name.startsWith(candidate));
    const text = prefix ? canonical(value) : undefined;
    if (prefix && text !== undefined) attributes[name.slice(prefix.length).toLowerCase()] = text;
  }
  return attributes;
}

/**
 * The message of one delivery: the event in structured mode, or the transform output in binary mode (the
 * event's attributes as `cloudEvents_` headers). `messageId` is the event id either way.
 *
 * @example
 * const { content, options } = amqpMessage(item);
 * channel.publish('orders', 'order.updated', content, options, callback);
 */
export function amqpMessage(item: DeliveryItem): { content: Buffer; options: Options.Publish } {
  const base = { messageId: item.event.id, persistent: true, timestamp: Math.floor(item.acceptedAt / 1000) };
  if (!item.transformed) {
    const content = Buffer.from(JSON.stringify(item.payload), 'utf8');
    return { content, options: { ...base, contentType: 'application/cloudevents+json; charset=utf-8' } };
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(item.event)) {
    if (name === 'data' || name === 'data_base64' || name === 'datacontenttype') continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      headers[`cloudEvents_${name}`] = String(value);
    }
  }
  const content = Buffer.from(JSON.stringify(item.payload ?? null), 'utf8');
  return { content, options: { ...base, contentType: 'application/json; charset=utf-8', headers } };
}
