/**
 * @module The `rabbitmq` target: publishes each event to an exchange with a routing key, in the CloudEvents
 * AMQP binding (structured; binary with the transform output as body), and waits for the publisher confirm.
 */
import { fillTemplate, type ConfigOf, type JsonSchema, type TargetTypeDefinition } from '../../engine/sdk.js';
import { probeRabbitTarget } from './probe.js';
import { amqpMessage } from './amqp-binding.js';
import { brokerFields, brokerUrl, checkBrokerUrl, RABBITMQ_TYPE } from './connection.js';
import type { RabbitPublishers } from './publisher.js';

/** The schema of a `rabbitmq` target's `config` in a rule file. */
export const rabbitTargetConfigSchema = {
  type: 'object',
  properties: {
    ...brokerFields,
    exchange: { type: 'string', default: '', title: 'Exchange', description: '`""` is the default exchange (routing key = queue).' },
    routingKey: {
      type: 'string',
      default: '{type}',
      title: 'Routing key',
      description: 'With `{type}`, `{source}`, `{subject}`, `{id}` holes from the event.',
      'x-template': 'event-attributes',
    },
    timeoutMs: { type: 'integer', minimum: 1, maximum: 120_000, default: 10_000, title: 'Confirm timeout' },
  },
  oneOf: [{ required: ['url'] }, { required: ['connection'] }],
  additionalProperties: false,
} as const satisfies JsonSchema;

/** The `config` of a `rabbitmq` target. */
export type RabbitTargetConfig = ConfigOf<typeof rabbitTargetConfigSchema>;

/**
 * Builds the `rabbitmq` target type on a set of publishers (one connection per broker for the process).
 *
 * @example
 * const target = createRabbitTarget(new RabbitPublishers());
 */
export function createRabbitTarget(publishers: RabbitPublishers): TargetTypeDefinition<RabbitTargetConfig> {
  return {
    type: RABBITMQ_TYPE,
    title: 'RabbitMQ',
    description:
      'Publishes each event to a RabbitMQ exchange in the CloudEvents AMQP binding: the event as ' +
      '`application/cloudevents+json`, or the transform output as the body with the event attributes in ' +
      '`cloudEvents_*` headers; `messageId` is the event id. Waits for the publisher confirm. A refused ' +
      'exchange (404) or credentials are not retried; a lost connection is.',
    config: rabbitTargetConfigSchema,
    defaultRetry: { maxAttempts: 6, initialDelayMs: 500, maxDelayMs: 30_000 },
    probe: probeRabbitTarget,
    check: checkBrokerUrl,
    async deliver(batch, { config, services, signal }) {
      const url = await brokerUrl(config, services.connections);
      for (const item of batch) {
        const { content, options } = amqpMessage(item);
        const event = item.event as unknown as Record<string, string>;
        const routingKey = fillTemplate(config.routingKey ?? '{type}', event);
        const exchange = config.exchange ?? '';
        await publishers.publish(url, { exchange, routingKey, content, options }, config.timeoutMs ?? 10_000, signal);
      }
      return { detail: `published to RabbitMQ exchange "${config.exchange ?? ''}"` };
    },
  };
}
