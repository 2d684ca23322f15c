/**
 * @module Declaring what a RabbitMQ source consumes: the queue, its dead-letter exchange and queue, its
 * bindings; or checking that the queue exists. A refusal names the config field it concerns.
 */
import type { Channel } from 'amqplib';
import type { ConfigOf, JsonSchema } from '../../engine/sdk.js';
import { setupStep } from '../shared/queue-source.js';

/** The schema of what a source declares: its `declare` field. */
export const declareSchema = {
  type: 'object',
  description: 'Declare the queue (durable) and bind it, instead of expecting it to exist.',
  properties: {
    exchange: { type: 'string', minLength: 1, description: 'Bind the queue to this exchange.' },
    exchangeType: { enum: ['direct', 'topic', 'fanout', 'headers'], description: 'Declare the exchange too.' },
    bindingKeys: { type: 'array', items: { type: 'string' }, default: ['#'] },
    deadLetterExchange: { type: 'string', minLength: 1, description: 'Rejected messages go here (declared, fanout).' },
    deadLetterQueue: { type: 'string', minLength: 1, description: 'A queue bound to the dead-letter exchange.' },
  },
  additionalProperties: false,
} as const satisfies JsonSchema;

/** What a source declares. */
export type DeclareConfig = ConfigOf<typeof declareSchema>;

/** Declares (or checks) the source's queue and what hangs on it. */
export async function declareQueue(channel: Channel, config: { queue: string; declare?: DeclareConfig }): Promise<void> {
  const declare = config.declare;
  if (!declare) {
    await setupStep('/queue', () => channel.checkQueue(config.queue));
    return;
  }
  const dlx = declare.deadLetterExchange;
  if (dlx) {
    await setupStep('/declare/deadLetterExchange', () => channel.assertExchange(dlx, 'fanout', { durable: true }));
    if (declare.deadLetterQueue) {
      const dlq = declare.deadLetterQueue;
      await setupStep('/declare/deadLetterQueue', async () => {
        await channel.assertQueue(dlq, { durable: true });
        await channel.bindQueue(dlq, dlx, '');
      });
    }
  }
  const args = dlx ? { 'x-dead-letter-exchange': dlx } : undefined;
  await setupStep('/queue', () => channel.assertQueue(config.queue, { durable: true, ...(args ? { arguments: args } : {}) }));
  const exchange = declare.exchange;
  if (!exchange) return;
  await setupStep('/declare/exchange', () =>
    declare.exchangeType
      ? channel.assertExchange(exchange, declare.exchangeType, { durable: true })
      : channel.checkExchange(exchange),
  );
  for (const key of declare.bindingKeys ?? ['#']) {
    await setupStep('/declare/bindingKeys', () => channel.bindQueue(config.queue, exchange, key));
  }
}
