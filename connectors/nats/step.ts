/**
 * @module "Publish to NATS": a flow step that publishes the payload (or a given body) to a JetStream subject
 * and waits for the publish ack; usable inside Try/Catch (`NATS:*` errors).
 */
import { headers as natsHeaders } from 'nats';
import { defineStep, type ConfigOf, type JsonSchema, type StepDefinition } from '../../engine/sdk.js';
import { VALIDATION_ERROR } from '../shared/config.js';
import {
  publishBodyField,
  publishContent,
  publishFieldTextsZhCn,
  publishMessageId,
  publishOptionFields,
} from '../shared/queue-publish.js';
import { serverFields, serverOptions } from './connection.js';
import { NATS_ERRORS } from './errors.js';
import type { NatsPublishers } from './publisher.js';

export const NATS_PUBLISH_TYPE = 'nats-publish';

/** The example in every language of the description. */
const EXAMPLE = [
  '```json',
  '{ "id": "to-warehouse", "type": "nats-publish",',
  '  "config": { "connection": "warehouse-nats", "subject": "warehouse.orders.sh" } }',
  '```',
];

const DESCRIPTION = [
  'Publishes a message to a NATS JetStream subject and waits for the stream to acknowledge it.',
  '',
  'The server and credentials live in a `nats` connection config, named by `connection`. The body is the',
  'payload (JSON) unless `body` is given; a string body is sent as it is. `messageId` (the `Nats-Msg-Id`,',
  'default `<executionId>:<step id>`) lets the stream drop a repeat. The message passes through unchanged.',
  '',
  ...EXAMPLE,
  '',
  'Errors: `NATS:CONNECTIVITY` (unreachable or lost), `NATS:AUTH` (Authorization Violation), `NATS:NO_STREAM`',
  '(no stream takes the subject), `NATS:TIMEOUT` (no ack in time), `NATS:REFUSED` (JetStream refused it),',
  '`NATS:CONFIG` (no server), `VALIDATION` (a bad config value).',
].join('\n');

/** The schema of the step's `config`. */
export const natsPublishConfigSchema = {
  type: 'object',
  properties: {
    connection: { ...serverFields.connection, 'x-order': 0 },
    subject: { type: 'string', minLength: 1, title: 'Subject' },
    body: publishBodyField,
    ...publishOptionFields('Ack timeout'),
  },
  required: ['connection', 'subject'],
  additionalProperties: false,
} as const satisfies JsonSchema;

/** The `config` of the step, after expressions are evaluated. */
export type NatsPublishConfig = ConfigOf<typeof natsPublishConfigSchema>;

/**
 * Builds the step on the process's publishers.
 *
 * @example
 * const step = createNatsPublishStep(new NatsPublishers());
 */
export function createNatsPublishStep(publishers: NatsPublishers): StepDefinition<NatsPublishConfig> {
  return defineStep<NatsPublishConfig>({
    type: NATS_PUBLISH_TYPE,
    title: 'Publish to NATS',
    category: 'connector',
    i18n: {
      'zh-CN': {
        title: '发布到 NATS',
        description: [
          '向 NATS JetStream 主题发布消息，并等待流确认。',
          '',
          '服务器和凭据保存在 `nats` 连接配置中，由 `connection` 指定。未给出 `body` 时，消息体为当前消息体（JSON）；',
          '字符串消息体原样发送。`messageId`（即 `Nats-Msg-Id`，默认为 `<executionId>:<步骤 ID>`）让流可以丢弃重复',
          '消息。消息原样通过。',
          '',
          ...EXAMPLE,
          '',
          '错误：`NATS:CONNECTIVITY`（无法连接或连接断开）、`NATS:AUTH`（Authorization Violation）、',
          '`NATS:NO_STREAM`（没有流接收该主题）、`NATS:TIMEOUT`（未及时得到确认）、`NATS:REFUSED`（JetStream 拒绝）、',
          '`NATS:CONFIG`（没有服务器）、`VALIDATION`（配置值有误）。',
        ].join('\n'),
        fields: {
          connection: { title: '连接', description: '`nats` 连接配置的名称。' },
          subject: { title: '主题' },
          ...publishFieldTextsZhCn,
        },
      },
    },
    kind: 'action',
    sideEffects: true,
    description: DESCRIPTION,
    config: natsPublishConfigSchema,
    errors: [...NATS_ERRORS, VALIDATION_ERROR],
    async execute(context) {
      const { config } = context;
      const options = await serverOptions(config, context.connections);
      const { content, text } = publishContent(config, context);
      const headers = natsHeaders();
      headers.set('content-type', text ? 'text/plain' : 'application/json');
      for (const [name, value] of Object.entries(config.headers ?? {})) headers.set(name, value);
      const msgID = publishMessageId(config, context);
      const ack = await publishers.publish(options, config.subject, content, { msgID, headers, timeoutMs: config.timeoutMs });
      context.logger.log('DEBUG', NATS_PUBLISH_TYPE, `published to ${config.subject}: stream ${ack.stream} seq ${ack.seq}`);
    },
  });
}
