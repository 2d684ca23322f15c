/**
 * @module The `rabbitmq` connection type and where a source, target or step finds its broker URL: a named
 * connection (credentials kept encrypted) or a `url` in the file (without credentials, or guest on loopback).
 */
import { FlowbusError, type ConnectionResolver, type ConnectionTypeDefinition } from '../../engine/sdk.js';
import { brokerConnectionField, checkBrokerAddress, readBrokerConnection } from '../shared/broker-connection.js';

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
  connection: brokerConnectionField(RABBITMQ_TYPE),
} as const;

/** A URL that does not parse, as an issue of the `url` field. */
export function checkBrokerUrl(config: { url?: string; connection?: string }) {
  return checkBrokerAddress(config, RABBITMQ_TYPE, 'amqp://host:port/vhost');
}

/** The broker URL of a config; throws `RABBITMQ:CONFIG` when neither field gives one. */
export async function brokerUrl(
  config: { url?: string; connection?: string },
  connections: ConnectionResolver | undefined,
): Promise<string> {
  const values = await readBrokerConnection(config, connections, { namespace: 'RABBITMQ', connectorType: RABBITMQ_TYPE });
  if (values) {
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
