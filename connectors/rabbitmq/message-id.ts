/**
 * @module The event id of a RabbitMQ message that carries no `messageId`: a hash of what the broker gives
 * back unchanged on every redelivery, so a message redelivered after a crash is recognised as the same event.
 *
 * The hash covers the queue, the exchange and routing key it was published with, every message property
 * (headers included, keys sorted) and the body; not the delivery tag or the redelivered flag, which change.
 * The trade-off: two messages published with the same properties and the same body are one event, and the
 * second is dropped as a duplicate while the id ledger remembers the first (its newest 200,000 ids). A
 * producer that may send identical messages on purpose sets `messageId` (or `timestamp`) to tell them apart.
 */
import { createHash } from 'node:crypto';
import type { Message } from 'amqplib';

/** JSON with object keys sorted and buffers as base64, so equal properties always give equal text. */
function canonical(value: unknown): string {
  if (Buffer.isBuffer(value)) return JSON.stringify({ $base64: value.toString('base64') });
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The message's own id when it has one, else `amqp-<sha256>` (40 hex digits) of queue, exchange, routing key,
 * properties and body.
 *
 * @example
 * messageEventId(message, 'erp.orders'); // 'amqp-3f1c…' for a message without messageId
 */
export function messageEventId(message: Message, queue: string): string {
  const { messageId } = message.properties;
  if (typeof messageId === 'string' && messageId !== '') return messageId;
  const hash = createHash('sha256');
  const where = { queue, exchange: message.fields.exchange, routingKey: message.fields.routingKey };
  hash.update(canonical(where)).update('\n').update(canonical(message.properties)).update('\n');
  hash.update(message.content);
  return `amqp-${hash.digest('hex').slice(0, 40)}`;
}
