/**
 * @module What the broker publish steps (NATS, RabbitMQ) share: the config fields of a message, its body as
 * bytes, and its default message id, so a step run again publishes a message the broker can drop.
 */
import type { StepContext } from '../../engine/sdk.js';

/** The `body` field: what is published, the payload when left out. */
export const publishBodyField = { title: 'Body', description: 'Default: the payload.' } as const;

/** The `timeoutMs` field: how long to wait for the broker's ack or confirm. */
export function publishTimeoutField<Title extends string>(title: Title) {
  return { type: 'integer', minimum: 1, maximum: 120_000, default: 10_000, title } as const;
}

/** The fields after the message's address and body: headers, message id, and how long to wait for the broker. */
export function publishOptionFields<Title extends string>(timeoutTitle: Title) {
  return {
    headers: { type: 'object', title: 'Headers', additionalProperties: { type: 'string' } },
    messageId: { type: 'string', title: 'Message id' },
    timeoutMs: publishTimeoutField(timeoutTitle),
  } as const;
}

/** The retries of a broker target: a broker away for a while is waited for, up to about a minute. */
export const BROKER_TARGET_RETRY = { maxAttempts: 6, initialDelayMs: 500, maxDelayMs: 30_000 };

/** The zh-CN titles of the fields every publish step has. */
export const publishFieldTextsZhCn = {
  body: { title: '消息体', description: '默认为当前消息体。' },
  headers: { title: '消息头' },
  messageId: { title: '消息 ID' },
  timeoutMs: { title: '确认超时（毫秒）' },
};

/** A published message's content: `body` or the payload; a string as it is, anything else as JSON. */
export function publishContent(
  config: { body?: unknown },
  context: Pick<StepContext, 'message'>,
): { content: Buffer; text: boolean } {
  const value = config.body === undefined ? context.message.payload : config.body;
  const text = typeof value === 'string';
  return { content: Buffer.from(text ? value : JSON.stringify(value ?? null), 'utf8'), text };
}

/** The message id: the configured one, else `<executionId>:<step id>`, the same when the step runs again. */
export function publishMessageId(
  config: { messageId?: string },
  context: Pick<StepContext, 'executionId' | 'step'>,
): string {
  return config.messageId ?? `${context.executionId}:${context.step.id}`;
}
