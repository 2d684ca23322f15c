/**
 * @module The `rabbitmq` source: consumes a queue (optionally declaring it, its bindings to an exchange and a
 * dead-letter exchange) with a prefetch window and manual acks. A message is acked once the bus made its
 * event durable; one the bus refuses is nacked without requeue, to the queue's dead-letter exchange.
 */
import { connect, type ConsumeMessage, type Message } from 'amqplib';
import {
  fillTemplate,
  keepConnected,
  readBindingMessage,
  wrapMessage,
  type SourceContext,
  type SourceProblem,
  type ConfigOf,
  type JsonSchema,
  type SourceTypeDefinition,
} from '../../engine/sdk.js';
import { describeSourceFailure, ingestBrokerMessage, settleQuietly, setupStep } from '../shared/queue-source.js';
import { amqpAttributes } from './amqp-binding.js';
import { brokerFields, brokerUrl, checkBrokerUrl, RABBITMQ_TYPE, shownUrl } from './connection.js';
import { rabbitError } from './errors.js';
import { messageEventId } from './message-id.js';
import { declareQueue, declareSchema } from './setup.js';

const eventSchema = {
  type: 'object',
  description: 'How a message that is not a CloudEvent is wrapped.',
  properties: {
    source: { type: 'string', minLength: 1, default: 'rabbitmq.flowbus' },
    type: { type: 'string', minLength: 1, default: 'connector:rabbitmq' },
    subject: { type: 'string', default: '{routingKey}' },
    data: { enum: ['body', 'message'], default: 'body', description: '`message`: queue, exchange, routingKey, messageId, headers and body.' },
  },
  additionalProperties: false,
} as const satisfies JsonSchema;

/** The schema of a `rabbitmq` source's `config` in a bus file. */
export const rabbitSourceConfigSchema = {
  type: 'object',
  properties: {
    ...brokerFields,
    queue: { type: 'string', minLength: 1, title: 'Queue' },
    prefetch: { type: 'integer', minimum: 1, maximum: 10_000, default: 32, title: 'Prefetch' },
    declare: declareSchema,
    event: eventSchema,
  },
  required: ['queue'],
  additionalProperties: false,
} as const satisfies JsonSchema;

/** The `config` of a `rabbitmq` source. */
export type RabbitSourceConfig = ConfigOf<typeof rabbitSourceConfigSchema>;

/** The event of one message: its CloudEvent in the AMQP binding, else the message wrapped by `event`. */
export function messageEvent(message: Message, config: RabbitSourceConfig, maxEventBytes: number) {
  const { properties, fields } = message;
  const attributes = amqpAttributes(properties.headers);
  const read = readBindingMessage({ contentType: properties.contentType, attributes }, message.content, maxEventBytes);
  if (read) return read;
  const values = {
    queue: config.queue,
    exchange: fields.exchange,
    routingKey: fields.routingKey,
    messageId: properties.messageId,
    type: properties.type,
    appId: properties.appId,
  };
  const template = config.event ?? {};
  const wrapped = {
    id: messageEventId(message, config.queue),
    source: fillTemplate(template.source ?? 'rabbitmq.flowbus', values),
    type: fillTemplate(template.type ?? 'connector:rabbitmq', values),
    subject: fillTemplate(template.subject ?? '{routingKey}', values),
    ...(properties.timestamp ? { time: new Date(Number(properties.timestamp) * 1000).toISOString() } : {}),
  };
  const envelope =
    template.data === 'message'
      ? (body: unknown) => ({ ...values, headers: properties.headers ?? {}, body })
      : undefined;
  return wrapMessage(wrapped, message.content, maxEventBytes, envelope);
}

const rabbitErrors = {
  toTyped: rabbitError,
  name: 'RabbitMQ',
  connectivityType: 'RABBITMQ:CONNECTIVITY',
  fallbackPointer: '/queue',
};

function describe(error: Error): SourceProblem {
  return describeSourceFailure(error, rabbitErrors);
}

async function openSession(context: SourceContext<RabbitSourceConfig>) {
  const { config, ingest } = context;
  const pointer = config.connection ? '/connection' : '/url';
  const url = await setupStep(pointer, () => brokerUrl(config, context.connections));
  const model = await setupStep(pointer, () => connect(url, { timeout: 10_000 }));
  let closed!: (error: Error) => void;
  const closedPromise = new Promise<Error>((resolve) => (closed = resolve));
  model.on('error', (error: Error) => closed(error));
  model.on('close', (error?: Error) => closed(error ?? new Error(`connection to ${shownUrl(url)} closed`)));
  try {
    const channel = await model.createChannel();
    channel.on('error', (error: Error) => closed(error));
    channel.on('close', () => closed(new Error('channel closed')));
    await declareQueue(channel, config);
    await channel.prefetch(config.prefetch ?? 32);
    const handle = (message: ConsumeMessage) =>
      ingestBrokerMessage(
        context,
        messageEvent(message, config, ingest.maxEventBytes),
        { queue: config.queue, messageId: message.properties.messageId },
        {
          ack: () => channel.ack(message),
          drop: () => channel.nack(message, false, false),
          retry: () => setTimeout(() => settleQuietly(() => channel.nack(message, false, true)), 1000).unref(),
          retried: 'requeued',
        },
      );
    await channel.consume(config.queue, (message) => {
      if (message) void handle(message);
      else closed(new Error(`the broker cancelled the consumer of queue "${config.queue}"`));
    });
  } catch (error) {
    await model.close().catch(() => undefined);
    throw error;
  }
  return { closed: closedPromise, close: () => model.close().catch(() => undefined) };
}

/** The `rabbitmq` source type. */
export const rabbitmqSource: SourceTypeDefinition<RabbitSourceConfig> = {
  type: RABBITMQ_TYPE,
  title: 'RabbitMQ queue',
  description:
    'Consumes a RabbitMQ queue (AMQP 0-9-1) with manual acks: a message is acked once its event is durable on ' +
    'the bus, a redelivered one whose event id the bus holds is acked without a second event, and one the bus ' +
    'refuses (invalid, too large) is nacked without requeue, to the dead-letter exchange. CloudEvents in the ' +
    'AMQP binding (`cloudEvents_*` headers or `application/cloudevents+json`) are taken as they are; other ' +
    'messages are wrapped by `event`, with the `messageId` as event id, else a hash of the queue, the routing, ' +
    'the properties and the body (a redelivery repeats them; two identical messages without `messageId` are ' +
    'one event).',
  config: rabbitSourceConfigSchema,
  check: checkBrokerUrl,
  start: (context) => keepConnected(context, () => openSession(context), describe),
};
