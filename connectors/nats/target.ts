/**
 * @module The `nats` target: publishes each event to a JetStream subject in the CloudEvents NATS binding
 * (structured; binary `ce-` headers with the transform output as payload) and waits for the publish ack.
 */
import { fillTemplate, type ConfigOf, type JsonSchema, type TargetTypeDefinition } from '../../engine/sdk.js';
import { BROKER_TARGET_RETRY, publishTimeoutField } from '../shared/queue-publish.js';
import { probeNatsTarget } from './probe.js';
import { checkServerUrl, NATS_TYPE, serverFields, serverOptions } from './connection.js';
import { natsMessage } from './nats-binding.js';
import type { NatsPublishers } from './publisher.js';

/** The schema of a `nats` target's `config` in a rule file. */
export const natsTargetConfigSchema = {
  type: 'object',
  properties: {
    ...serverFields,
    subject: {
      type: 'string',
      minLength: 1,
      title: 'Subject',
      description: 'A subject of a JetStream stream; `{type}`, `{source}`, `{subject}`, `{id}` holes from the event.',
      'x-template': 'event-attributes',
    },
    timeoutMs: publishTimeoutField('Ack timeout'),
  },
  required: ['subject'],
  oneOf: [{ required: ['url'] }, { required: ['connection'] }],
  additionalProperties: false,
} as const satisfies JsonSchema;

/** The `config` of a `nats` target. */
export type NatsTargetConfig = ConfigOf<typeof natsTargetConfigSchema>;

/**
 * Builds the `nats` target type on a set of publishers.
 *
 * @example
 * const target = createNatsTarget(new NatsPublishers());
 */
export function createNatsTarget(publishers: NatsPublishers): TargetTypeDefinition<NatsTargetConfig> {
  return {
    type: NATS_TYPE,
    title: 'NATS JetStream',
    description:
      'Publishes each event to a NATS subject taken by a JetStream stream, in the CloudEvents NATS binding: ' +
      'the event as JSON (`application/cloudevents+json`), or the transform output with the event attributes ' +
      'in `ce-` headers. The event id is the `Nats-Msg-Id`, so the stream drops a repeat inside its duplicate ' +
      'window. Waits for the JetStream ack; a subject no stream takes is not retried.',
    i18n: {
      'zh-CN': {
        title: 'NATS JetStream 消息流',
        description:
          '把每个事件按 CloudEvents NATS 绑定发布到由 JetStream 流接收的 NATS 主题：事件以 JSON' +
          '（`application/cloudevents+json`）发送，或发送转换结果、事件属性放在 `ce-` 消息头中。事件 ID 作为 ' +
          '`Nats-Msg-Id`，流在去重窗口内会丢弃重复的消息。等待 JetStream 确认；没有流接收的主题不重试。',
        fields: {
          url: { title: '服务器地址' },
          connection: { title: '连接', description: '`nats` 连接配置的名称。' },
          subject: {
            title: '主题',
            description: 'JetStream 流接收的主题；可含事件的 `{type}`、`{source}`、`{subject}`、`{id}` 占位符。',
          },
          timeoutMs: { title: '确认超时（毫秒）' },
        },
      },
    },
    config: natsTargetConfigSchema,
    defaultRetry: BROKER_TARGET_RETRY,
    probe: probeNatsTarget,
    check: checkServerUrl,
    async deliver(batch, { config, services }) {
      const options = await serverOptions(config, services.connections);
      let last = '';
      for (const item of batch) {
        const { data, headers } = natsMessage(item);
        const subject = fillTemplate(config.subject, item.event as unknown as Record<string, string>);
        const ack = await publishers.publish(options, subject, data, { msgID: item.event.id, headers, timeoutMs: config.timeoutMs });
        last = `stream ${ack.stream} seq ${ack.seq}${ack.duplicate ? ' (duplicate)' : ''}`;
      }
      return { detail: `published to NATS: ${last}` };
    },
  };
}
