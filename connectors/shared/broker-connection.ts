/**
 * @module What the broker connectors (NATS, RabbitMQ) share about where a config finds its broker: a named
 * connection or a `url` in the file, exactly one of them, and the connection's values read from the store.
 */
import { FlowbusError, type ConnectionResolver } from '../../engine/sdk.js';

/** The `connection` field of a broker config: the name of a connection of `connectorType`. */
export function brokerConnectionField<Type extends string>(connectorType: Type) {
  return {
    type: 'string',
    title: 'Connection',
    minLength: 1,
    description: `The name of a \`${connectorType}\` connection config.`,
    'x-connection': connectorType,
    'x-expression': false,
  } as const;
}

/**
 * Neither `connection` nor `url`, or a URL that does not parse, as an issue.
 *
 * @example
 * checkBrokerAddress(config, 'nats', 'nats://host:port');
 */
export function checkBrokerAddress(
  config: { url?: string; connection?: string },
  connectorType: string,
  expectedUrl: string,
) {
  if (config.url === undefined && config.connection === undefined) {
    const message = `give "connection" (a ${connectorType} connection) or "url"`;
    return [{ pointer: '/connection', code: 'missing-field', message }];
  }
  if (config.url !== undefined && !URL.canParse(config.url)) {
    return [{ pointer: '/url', code: 'invalid-url', message: `"${config.url}" is not a URL (expected ${expectedUrl})` }];
  }
  return [];
}

/**
 * The values of the config's named connection, undefined when it names none; throws `<NS>:CONFIG` when there is
 * no connection store to ask.
 */
export async function readBrokerConnection(
  config: { connection?: string },
  connections: ConnectionResolver | undefined,
  broker: { namespace: string; connectorType: string },
): Promise<Record<string, unknown> | undefined> {
  if (!config.connection) return undefined;
  if (!connections) {
    throw new FlowbusError(`${broker.namespace}:CONFIG`, `connection "${config.connection}": no connection store`);
  }
  return connections.get(config.connection, broker.connectorType);
}
