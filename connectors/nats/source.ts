/**
 * @module The `nats` source: a durable JetStream consumer with explicit acks on a stream (created with its
 * subjects when asked). A message is acked once the bus made its event durable; one the bus refuses is
 * terminated (`term`, with the reason) so JetStream stops redelivering it.
 */
import { AckPolicy, connect, nanos, type ConsumerMessages, type JsMsg, type NatsConnection } from 'nats';
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
import { describeSourceFailure, ingestBrokerMessage, setupStep } from '../shared/queue-source.js';
import { checkServerUrl, NATS_TYPE, serverFields, serverOptions } from './connection.js';
import { natsError } from './errors.js';
import { natsAttributes } from './nats-binding.js';

/** The schema of a `nats` source's `config` in a bus file. */
export const natsSourceConfigSchema = {
  type: 'object',
  properties: {
    ...serverFields,
    stream: { type: 'string', minLength: 1, title: 'Stream' },
    subjects: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Create the stream with these subjects when missing.' },
    durable: { type: 'string', minLength: 1, pattern: '^[^.*>\\s]+$', title: 'Durable consumer name' },
    filterSubject: { type: 'string', minLength: 1 },
    maxAckPending: { type: 'integer', minimum: 1, maximum: 100_000, default: 256 },
    ackWaitMs: { type: 'integer', minimum: 1000, maximum: 3_600_000, default: 30_000 },
    event: {
      type: 'object',
      properties: {
        source: { type: 'string', minLength: 1, default: 'nats.flowbus' },
        type: { type: 'string', minLength: 1, default: 'connector:nats' },
        subject: { type: 'string', default: '{subject}' },
        data: { enum: ['body', 'message'], default: 'body' },
      },
      additionalProperties: false,
    },
  },
  required: ['stream', 'durable'],
  additionalProperties: false,
} as const satisfies JsonSchema;

/** The `config` of a `nats` source. */
export type NatsSourceConfig = ConfigOf<typeof natsSourceConfigSchema>;

/** The event of one message: a CloudEvent in the NATS binding, else the message wrapped by `event`. */
export function natsMessageEvent(message: JsMsg, config: NatsSourceConfig, maxEventBytes: number) {
  const body = Buffer.from(message.data);
  const read = readBindingMessage(natsAttributes(message.headers, message.data), body, maxEventBytes);
  if (read) return read;
  const { stream, streamSequence } = message.info;
  const values = { subject: message.subject, stream, sequence: streamSequence };
  const template = config.event ?? {};
  const fields = {
    id: message.headers?.get('Nats-Msg-Id') || `${stream}-${streamSequence}`,
    source: fillTemplate(template.source ?? 'nats.flowbus', values),
    type: fillTemplate(template.type ?? 'connector:nats', values),
    subject: fillTemplate(template.subject ?? '{subject}', values),
  };
  const envelope = template.data === 'message' ? (data: unknown) => ({ ...values, body: data }) : undefined;
  return wrapMessage(fields, body, maxEventBytes, envelope);
}

async function prepare(connection: NatsConnection, config: NatsSourceConfig): Promise<void> {
  const manager = await setupStep('/stream', () => connection.jetstreamManager());
  const exists = await manager.streams.info(config.stream).then(() => true, () => false);
  if (!exists && config.subjects?.length) {
    await setupStep('/subjects', () => manager.streams.add({ name: config.stream, subjects: config.subjects! }));
  } else if (!exists) {
    await setupStep('/stream', () => manager.streams.info(config.stream));
  }
  const known = await manager.consumers.info(config.stream, config.durable).then(() => true, () => false);
  if (known) return;
  await setupStep('/durable', () =>
    manager.consumers.add(config.stream, {
      durable_name: config.durable,
      ack_policy: AckPolicy.Explicit,
      ack_wait: nanos(config.ackWaitMs ?? 30_000),
      max_ack_pending: config.maxAckPending ?? 256,
      ...(config.filterSubject ? { filter_subject: config.filterSubject } : {}),
    }),
  );
}

async function openSession(context: SourceContext<NatsSourceConfig>) {
  const { config, ingest } = context;
  const options = await setupStep(config.connection ? '/connection' : '/url', () => serverOptions(config, context.connections));
  const connection = await setupStep(config.connection ? '/connection' : '/url', () =>
    connect({ ...options, reconnect: false, timeout: 10_000 }),
  );
  let messages: ConsumerMessages | undefined;
  try {
    await prepare(connection, config);
    const consumer = await setupStep('/durable', () => connection.jetstream().consumers.get(config.stream, config.durable));
    messages = await consumer.consume({ max_messages: Math.min(config.maxAckPending ?? 256, 512) });
    // JetStream redelivers what was not acked after ack_wait.
    const handle = (message: JsMsg) =>
      ingestBrokerMessage(
        context,
        natsMessageEvent(message, config, ingest.maxEventBytes),
        { subject: message.subject, sequence: message.info.streamSequence },
        {
          ack: () => message.ack(),
          // Without a reason: NATS servers before 2.10 read `+TERM <reason>` as no acknowledgement at all.
          drop: () => message.term(),
          retry: () => message.nak(1000),
          retried: 'redelivered',
        },
      );
    const consuming = messages;
    void (async () => {
      for await (const message of consuming) void handle(message);
    })().catch(() => undefined);
  } catch (error) {
    messages?.stop();
    await connection.close().catch(() => undefined);
    throw error;
  }
  // The consumer's idle-heartbeat timer outlives a closed connection unless the consumer is stopped: it kept
  // a stopped source's process alive (and a restarted source leaked one timer per restart).
  const consumer = messages;
  const closed = connection.closed().then((error) => {
    consumer.stop();
    return error ?? new Error('connection to the NATS server closed');
  });
  const close = async () => {
    consumer.stop();
    await connection.close().catch(() => undefined);
  };
  return { closed, close };
}

const natsErrors = { toTyped: natsError, name: 'NATS', connectivityType: 'NATS:CONNECTIVITY', fallbackPointer: '' };

function describe(error: Error): SourceProblem {
  return describeSourceFailure(error, natsErrors);
}

/** The `nats` source type. */
export const natsSource: SourceTypeDefinition<NatsSourceConfig> = {
  type: NATS_TYPE,
  title: 'NATS JetStream consumer',
  description:
    'Consumes a JetStream stream through a durable consumer with explicit acks: a message is acked once ' +
    'its event is durable on the bus, a redelivered one whose event id the bus holds is acked without a ' +
    'second event, and one the bus refuses is terminated with the reason. CloudEvents in the NATS binding ' +
    '(structured JSON, or `ce-` headers) are taken as they are; other messages are wrapped by `event` (id ' +
    '`Nats-Msg-Id`, else `<stream>-<sequence>`).',
  config: natsSourceConfigSchema,
  check: checkServerUrl,
  start: (context) => keepConnected(context, () => openSession(context), describe),
};
