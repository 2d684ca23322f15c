/**
 * @module The `rabbitmq` target: publishes each event to an exchange with a routing key, in the CloudEvents
 * AMQP binding (structured; binary with the transform output as body), and waits for the publisher confirm.
 */
import { fillTemplate, type ConfigOf, type JsonSchema, type TargetTypeDefinition } from '../../engine/sdk.js';
import { BROKER_TARGET_RETRY, publishTimeoutField } from '../shared/queue-publish.js';
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
    timeoutMs: publishTimeoutField('Confirm timeout'),
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
    i18n: {
      'zh-CN': {
        title: 'RabbitMQ 消息队列',
        description:
          '把每个事件按 CloudEvents AMQP 绑定发布到 RabbitMQ 交换机：事件以 `application/cloudevents+json` 发送，' +
          '或把转换结果作为消息体、事件属性放在 `cloudEvents_*` 消息头中；`messageId` 为事件 ID。等待 publisher ' +
          'confirm 确认。交换机不存在（404）或凭据被拒绝时不重试；连接断开时重试。',
        fields: {
          url: { title: 'Broker 地址', description: '`amqp://host:5672/vhost`；凭据请放在连接中。' },
          connection: { title: '连接', description: '`rabbitmq` 连接配置的名称。' },
          exchange: { title: '交换机', description: '`""` 表示默认交换机（路由键即队列名）。' },
          routingKey: { title: '路由键', description: '可含事件的 `{type}`、`{source}`、`{subject}`、`{id}` 占位符。' },
          timeoutMs: { title: '确认超时（毫秒）' },
        },
      },
    },
    config: rabbitTargetConfigSchema,
    defaultRetry: BROKER_TARGET_RETRY,
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
