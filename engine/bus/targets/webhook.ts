/**
 * @module The `webhook` target: POSTs each event (or a batch as `{"EventList": [...]}`) to a URL, with
 * headers and authentication from an `http-auth` connection config, over a keep-alive connection (http-send.ts).
 */
import { createHmac } from 'node:crypto';
import { FlowbusError } from '../../core/errors.js';
import type { ConfigOf, JsonSchema } from '../../core/json-schema.js';
import type { ConnectionResolver } from '../../core/step-definition.js';
import { structuredText, type BusEvent } from '../cloudevents/index.js';
import type { DeliveryItem, TargetTypeDefinition } from '../types.js';
import { sendWithAgent, sendWithFetch, type HttpSendAnswer } from './http-send.js';

/** The header that carries the HMAC-SHA256 of the body when the connection has a `secret`. */
export const SIGNATURE_HEADER = 'X-Flowbus-Signature';

const DEFAULT_TIMEOUT_MS = 5000;
const SHOWN_BODY = 200;

/** The schema of a `webhook` target's `config`. */
export const webhookTargetConfigSchema = {
  type: 'object',
  properties: {
    url: { type: 'string', title: 'URL', pattern: '^https?://', description: 'An http or https URL.' },
    method: { enum: ['POST', 'PUT'], default: 'POST', title: 'Method' },
    headers: {
      type: 'object',
      title: 'Headers',
      additionalProperties: { type: 'string' },
      description: 'Extra request headers.',
    },
    connection: {
      type: 'string',
      title: 'Connection',
      description: 'The name of an http-auth connection config.',
      'x-connection': 'http-auth',
    },
    timeoutMs: {
      type: 'integer',
      title: 'Timeout',
      description: 'Milliseconds to wait for the answer.',
      minimum: 1,
      maximum: 120_000,
      default: DEFAULT_TIMEOUT_MS,
    },
  },
  required: ['url'],
  additionalProperties: false,
} as const satisfies JsonSchema;

/** The `config` of a `webhook` target. */
export type WebhookTargetConfig = ConfigOf<typeof webhookTargetConfigSchema>;

/** The body and its content type: one event in structured mode, a transformed payload or a batch as JSON. */
export function webhookBody(batch: readonly DeliveryItem[]): { body: string; contentType: string } {
  const first = batch[0]!;
  if (batch.length === 1) {
    const contentType = first.transformed ? 'application/json' : 'application/cloudevents+json';
    return { body: payloadText(first), contentType: `${contentType}; charset=utf-8` };
  }
  const body = `{"EventList":[${batch.map(payloadText).join(',')}]}`;
  return { body, contentType: 'application/json; charset=utf-8' };
}

/** An event's payload is its structured JSON, whose text was written at ingest; a transform's output is new. */
function payloadText(item: DeliveryItem): string {
  return item.transformed ? JSON.stringify(item.payload) ?? 'null' : structuredText(item.payload as BusEvent);
}

/** Authorization and signature headers from the named `http-auth` connection. */
async function authHeaders(
  name: string | undefined,
  body: string,
  connections: ConnectionResolver | undefined,
): Promise<Record<string, string>> {
  if (!name) return {};
  if (!connections) {
    throw new FlowbusError('BUS:NO_CONNECTIONS', `connection "${name}" cannot be read: no connection store`, {
      retryable: false,
    });
  }
  const values = await connections.get(name, 'http-auth');
  const headers: Record<string, string> = {};
  if (typeof values.token === 'string') headers.Authorization = `Bearer ${values.token}`;
  else if (typeof values.username === 'string') {
    const pair = `${values.username}:${typeof values.password === 'string' ? values.password : ''}`;
    headers.Authorization = `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
  }
  if (typeof values.secret === 'string') {
    headers[SIGNATURE_HEADER] = `sha256=${createHmac('sha256', values.secret).update(body).digest('hex')}`;
  }
  return headers;
}

/** Whether an answer status is worth another attempt: timeouts, rate limits and server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/** `webhook`: an HTTP callback; 2xx is delivered, 408/429/5xx and network errors are retried. */
export const webhookTarget: TargetTypeDefinition<WebhookTargetConfig> = {
  type: 'webhook',
  title: 'Webhook',
  description:
    'Sends each event to an HTTP endpoint: the event in CloudEvents structured JSON (or the transform ' +
    'output as JSON), or with batch delivery `{"EventList": [...]}`. A 2xx answer is a delivery; 408, 429, ' +
    '5xx and network errors are retried; other answers go straight to the dead-letter policy. Credentials ' +
    'come from an `http-auth` connection: a token as Bearer, a username and password as Basic, a secret ' +
    `as an HMAC-SHA256 of the body in ${SIGNATURE_HEADER}.`,
  i18n: {
    'zh-CN': {
      title: 'Webhook 回调',
      description:
        '把每个事件发送到一个 HTTP 端点：事件以 CloudEvents 结构化 JSON 发送（或把转换结果作为 JSON 发送），批量投递时' +
        '发送 `{"EventList": [...]}`。2xx 应答即投递成功；408、429、5xx 和网络错误会重试；其他应答直接交给死信策略。' +
        '凭据来自 `http-auth` 连接：token 作为 Bearer，用户名和密码作为 Basic，secret 用于计算请求体的 HMAC-SHA256 ' +
        `签名，放在 ${SIGNATURE_HEADER} 中。`,
      fields: {
        url: { title: '请求地址', description: 'http 或 https URL。' },
        method: { title: '请求方法' },
        headers: { title: '请求头', description: '额外的请求头。' },
        connection: { title: '连接', description: 'http-auth 连接配置的名称。' },
        timeoutMs: { title: '超时（毫秒）', description: '等待应答的毫秒数。' },
      },
    },
  },
  config: webhookTargetConfigSchema,
  batching: true,
  defaultRetry: { maxAttempts: 4 },
  check(config) {
    if (URL.canParse(config.url)) return [];
    const message = `url: "${config.url}" is not a URL (expected http:// or https:// and a host)`;
    return [{ pointer: '/url', code: 'invalid-url', message }];
  },
  async deliver(batch, { config, signal, services }) {
    const { body, contentType } = webhookBody(batch);
    const auth = config.connection ? await authHeaders(config.connection, body, services.connections) : {};
    const headers = { ...config.headers, 'Content-Type': contentType, ...auth };
    const { url, label } = destinationOf(config);
    const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const send = services.fetch ? sendWithFetch(services.fetch) : sendWithAgent;
    let answer: HttpSendAnswer;
    try {
      answer = await send(url, { method: config.method ?? 'POST', headers, body, signal, timeoutMs });
    } catch (error) {
      if (signal.aborted) throw new FlowbusError('BUS:CANCELLED', `${label} was cancelled`);
      const timedOut = (error as Error).name === 'TimeoutError';
      const type = timedOut ? 'HTTP:TIMEOUT' : 'HTTP:CONNECTIVITY';
      const reason = timedOut ? `no answer within ${timeoutMs} ms` : describeNetworkError(error);
      throw new FlowbusError(type, `${label} failed: ${reason}`);
    }
    const { status, text } = answer;
    if (status >= 200 && status < 300) return { detail: `${label} answered ${status}` };
    const shown = text.length > SHOWN_BODY ? `${text.slice(0, SHOWN_BODY)}...` : text;
    throw new FlowbusError('HTTP:STATUS', `${label} answered ${status}: ${shown}`, {
      status,
      retryable: isRetryableStatus(status),
    });
  },
};

/** The URL and the label of messages, parsed once per target config rather than once per delivery. */
const destinations = new WeakMap<WebhookTargetConfig, { url: URL; label: string }>();

function destinationOf(config: WebhookTargetConfig): { url: URL; label: string } {
  let destination = destinations.get(config);
  if (!destination) {
    const url = new URL(config.url);
    destination = { url, label: `${config.method ?? 'POST'} ${url.origin}${url.pathname}` };
    destinations.set(config, destination);
  }
  return destination;
}

function describeNetworkError(error: unknown): string {
  const { code, cause } = error as { code?: string; cause?: { code?: string; message?: string } };
  return cause?.code ?? cause?.message ?? code ?? (error as Error).message;
}
