/**
 * @module The `rabbitmq` connection type and where a source, target or step finds its broker URL: a named
 * connection (credentials kept encrypted) or a `url` in the file (without credentials, or guest on loopback).
 */
import { FlowbusError, type ConnectionResolver, type ConnectionTypeDefinition } from '../../engine/sdk.js';

export const RABBITMQ_TYPE = 'rabbitmq';

/** `rabbitmq`: an AMQP 0-9-1 URL `amqp://user:password@host:5672/vhost` (amqps for TLS). */
export const rabbitmqConnection: ConnectionTypeDefinition = {
  type: RABBITMQ_TYPE,
  title: 'RabbitMQ broker',
  description: 'An AMQP 0-9-1 broker: `amqp://user:password@host:5672/vhost` (or `amqps://`). The URL is secret.',
  schema: {
    type: 'object',
    properties: {
      url: { type: 'string', title: 'URL', pattern: '^amqps?://', 'x-secret': true },
    },
    required: ['url'],
    additionalProperties: false,
  },
};

/** The `url` / `connection` fields every RabbitMQ config has; exactly one is needed. */
export const brokerFields = {
  url: {
    type: 'string',
    title: 'Broker URL',
    pattern: '^amqps?://',
    description: '`amqp://host:5672/vhost`; keep credentials in a connection instead.',
    'x-expression': false,
  },
  connection: {
    type: 'string',
    title: 'Connection',
    minLength: 1,
    description: 'The name of a `rabbitmq` connection config.',
    'x-connection': RABBITMQ_TYPE,
    'x-expression': false,
  },
} as const;

/** A URL that does not parse, as an issue of the `url` field. */
export function checkBrokerUrl(config: { url?: string; connection?: string }) {
  if (config.url === undefined && config.connection === undefined) {
    return [{ pointer: '/connection', code: 'missing-field', message: 'give "connection" (a rabbitmq connection) or "url"' }];
  }
  if (config.url !== undefined && !URL.canParse(config.url)) {
    return [{ pointer: '/url', code: 'invalid-url', message: `"${config.url}" is not a URL (expected amqp://host:port/vhost)` }];
  }
  return [];
}

/** The broker URL of a config; throws `RABBITMQ:CONFIG` when neither field gives one. */
export async function brokerUrl(
  config: { url?: string; connection?: string },
  connections: ConnectionResolver | undefined,
): Promise<string> {
  if (config.connection) {
    if (!connections) throw new FlowbusError('RABBITMQ:CONFIG', `connection "${config.connection}": no connection store`);
    const values = await connections.get(config.connection, RABBITMQ_TYPE);
    if (typeof values.url !== 'string') {
      throw new FlowbusError('RABBITMQ:CONFIG', `connection "${config.connection}" has no url`, { retryable: false });
    }
    return values.url;
  }
  if (config.url) return config.url;
  throw new FlowbusError('RABBITMQ:CONFIG', 'no broker: give "connection" or "url"', { retryable: false });
}

/** The URL without its password, for messages. */
export function shownUrl(url: string): string {
  if (!URL.canParse(url)) return '<invalid URL>';
  const parsed = new URL(url);
  parsed.password = parsed.password ? '***' : '';
  return `${parsed.protocol}//${parsed.username ? `${parsed.username}@` : ''}${parsed.host}${parsed.pathname}`;
}
