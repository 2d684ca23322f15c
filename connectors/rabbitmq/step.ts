/**
 * @module "Publish to RabbitMQ": a flow step that publishes the payload (or a given body) to an exchange and
 * waits for the publisher confirm; usable inside Try/Catch (`RABBITMQ:*` errors).
 */
import { defineStep, type ConfigOf, type JsonSchema, type StepDefinition } from '../../engine/sdk.js';
import { VALIDATION_ERROR } from '../shared/config.js';
import {
  publishBodyField,
  publishContent,
  publishFieldTextsZhCn,
  publishMessageId,
  publishOptionFields,
} from '../shared/queue-publish.js';
import { brokerFields, brokerUrl, RABBITMQ_TYPE } from './connection.js';
import { RABBITMQ_ERRORS } from './errors.js';
import type { RabbitPublishers } from './publisher.js';

export const RABBITMQ_PUBLISH_TYPE = 'rabbitmq-publish';

/** The example in every language of the description. */
const EXAMPLE = [
  '```json',
  '{ "id": "to-erp", "type": "rabbitmq-publish",',
  '  "config": { "connection": "erp-rabbit", "exchange": "orders", "routingKey": "order.confirmed" } }',
  '```',
];

const DESCRIPTION = [
  'Publishes a message to a RabbitMQ exchange and waits for the broker to confirm it (publisher confirms).',
  '',
  'The broker URL and credentials live in a `rabbitmq` connection config, named by `connection`. The body is',
  'the payload (JSON) unless `body` is given; a string body is sent as it is. `messageId` defaults to',
  '`<executionId>:<step id>`, so a consumer can drop a repeat. The message passes through unchanged.',
  '',
  ...EXAMPLE,
  '',
  'Errors: `RABBITMQ:CONNECTIVITY` (unreachable or lost), `RABBITMQ:AUTH` (ACCESS_REFUSED),',
  '`RABBITMQ:NOT_FOUND` (no such exchange), `RABBITMQ:NACKED` (no confirm), `RABBITMQ:REFUSED` (another',
  'channel error), `RABBITMQ:CONFIG` (no broker), `VALIDATION` (a bad config value).',
].join('\n');

/** The schema of the step's `config`. */
export const rabbitPublishConfigSchema = {
  type: 'object',
  properties: {
    connection: { ...brokerFields.connection, 'x-order': 0 },
    exchange: { type: 'string', title: 'Exchange', default: '' },
    routingKey: { type: 'string', title: 'Routing key' },
    body: publishBodyField,
    contentType: { type: 'string', title: 'Content type', default: 'application/json' },
    ...publishOptionFields('Confirm timeout'),
  },
  required: ['connection', 'routingKey'],
  additionalProperties: false,
} as const satisfies JsonSchema;

/** The `config` of the step, after expressions are evaluated. */
export type RabbitPublishConfig = ConfigOf<typeof rabbitPublishConfigSchema>;

/**
 * Builds the step on the process's publishers.
 *
 * @example
 * const step = createRabbitPublishStep(new RabbitPublishers());
 */
export function createRabbitPublishStep(publishers: RabbitPublishers): StepDefinition<RabbitPublishConfig> {
  return defineStep<RabbitPublishConfig>({
    type: RABBITMQ_PUBLISH_TYPE,
    title: 'Publish to RabbitMQ',
    category: 'connector',
    i18n: {
      'zh-CN': {
        title: '发布到 RabbitMQ',
        description: [
          '向 RabbitMQ 交换机发布消息，并等待 broker 确认（publisher confirms）。',
          '',
          'broker 地址和凭据保存在 `rabbitmq` 连接配置中，由 `connection` 指定。未给出 `body` 时，消息体为当前消息体',
          '（JSON）；字符串消息体原样发送。`messageId` 默认为 `<executionId>:<步骤 ID>`，消费者可据此丢弃重复消息。',
          '消息原样通过。',
          '',
          ...EXAMPLE,
          '',
          '错误：`RABBITMQ:CONNECTIVITY`（无法连接或连接断开）、`RABBITMQ:AUTH`（ACCESS_REFUSED）、',
          '`RABBITMQ:NOT_FOUND`（交换机不存在）、`RABBITMQ:NACKED`（未得到确认）、`RABBITMQ:REFUSED`（其他通道错误）、',
          '`RABBITMQ:CONFIG`（没有 broker）、`VALIDATION`（配置值有误）。',
        ].join('\n'),
        fields: {
          connection: { title: '连接', description: '`rabbitmq` 连接配置的名称。' },
          exchange: { title: '交换机' },
          routingKey: { title: '路由键' },
          ...publishFieldTextsZhCn,
          contentType: { title: '内容类型' },
        },
      },
    },
    kind: 'action',
    sideEffects: true,
    description: DESCRIPTION,
    config: rabbitPublishConfigSchema,
    errors: [...RABBITMQ_ERRORS, VALIDATION_ERROR],
    async execute(context) {
      const { config } = context;
      const url = await brokerUrl(config, context.connections);
      const { content } = publishContent(config, context);
      const options = {
        persistent: true,
        contentType: config.contentType ?? 'application/json',
        messageId: publishMessageId(config, context),
        ...(config.headers ? { headers: config.headers } : {}),
      };
      const exchange = config.exchange ?? '';
      const message = { exchange, routingKey: config.routingKey, content, options };
      await publishers.publish(url, message, config.timeoutMs ?? 10_000, context.signal);
      context.logger.log('DEBUG', RABBITMQ_PUBLISH_TYPE, `published to exchange "${exchange}" (${config.routingKey})`);
    },
  });
}
