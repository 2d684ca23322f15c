/**
 * @module Tests of the event id of a RabbitMQ message without `messageId`: the same on a redelivery (a new
 * delivery tag, the redelivered flag), different for another body, queue or property.
 */
import { describe, expect, it } from 'vitest';
import { messageEventId } from './message-id.js';

const message = (overrides: { body?: string; headers?: Record<string, unknown>; messageId?: string; tag?: number; redelivered?: boolean } = {}) => ({
  fields: { deliveryTag: overrides.tag ?? 1, redelivered: overrides.redelivered ?? false, exchange: 'erp', routingKey: 'stock.received' },
  properties: {
    contentType: 'application/json',
    headers: overrides.headers ?? { warehouse: 'sh-1', batch: 7 },
    messageId: overrides.messageId,
    timestamp: undefined,
    type: undefined,
  },
  content: Buffer.from(overrides.body ?? '{"sku":"A1","quantity":3}'),
});

describe('messageEventId', () => {
  const first = messageEventId(message() as never, 'erp.stock');

  it('keeps the message id when the producer set one', () => {
    expect(messageEventId(message({ messageId: 'stock-42' }) as never, 'erp.stock')).toBe('stock-42');
  });

  it('gives a redelivered message the id of its first delivery', () => {
    expect(first).toMatch(/^amqp-[0-9a-f]{40}$/);
    expect(messageEventId(message({ tag: 9, redelivered: true }) as never, 'erp.stock')).toBe(first);
  });

  it('does not depend on the order of header keys', () => {
    expect(messageEventId(message({ headers: { batch: 7, warehouse: 'sh-1' } }) as never, 'erp.stock')).toBe(first);
  });

  it.each([
    ['another body', message({ body: '{"sku":"A1","quantity":4}' }), 'erp.stock'],
    ['another header value', message({ headers: { warehouse: 'sh-2', batch: 7 } }), 'erp.stock'],
    ['another queue', message(), 'erp.stock.copy'],
  ])('differs for %s', (_name, other, queue) => {
    expect(messageEventId(other as never, queue)).not.toBe(first);
  });
});
