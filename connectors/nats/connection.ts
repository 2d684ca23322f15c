/**
 * @module The `nats` connection type and where a NATS source, target or step finds its server and
 * credentials: a named connection (user/password or token kept encrypted) or a `url` in the file.
 */
import type { ConnectionOptions } from 'nats';
import { FlowbusError, type ConnectionResolver, type ConnectionTypeDefinition } from '../../engine/sdk.js';
import { brokerConnectionField, checkBrokerAddress, readBrokerConnection } from '../shared/broker-connection.js';

export const NATS_TYPE = 'nats';

/** `nats`: a server URL and optional user/password or token. */
export const natsConnection: ConnectionTypeDefinition = {
  type: NATS_TYPE,
  title: 'NATS server',
  description: 'A NATS server with JetStream: `nats://host:4222`, and a user and password or a token.',
  schema: {
    type: 'object',
    properties: {
      url: { type: 'string', title: 'URL', pattern: '^(nats|tls)://' },
      user: { type: 'string', title: 'User' },
      password: { type: 'string', title: 'Password', 'x-secret': true },
      token: { type: 'string', title: 'Token', 'x-secret': true },
    },
    required: ['url'],
    additionalProperties: false,
  },
};

export const serverFields = {
  url: { type: 'string', title: 'Server URL', pattern: '^(nats|tls)://', 'x-expression': false },
  connection: brokerConnectionField(NATS_TYPE),
} as const;

/** Neither field, or a URL that does not parse, as an issue. */
export function checkServerUrl(config: { url?: string; connection?: string }) {
  return checkBrokerAddress(config, NATS_TYPE, 'nats://host:port');
}

/** The client options of a config; throws `NATS:CONFIG` when there is no server. */
export async function serverOptions(
  config: { url?: string; connection?: string },
  connections: ConnectionResolver | undefined,
): Promise<ConnectionOptions & { servers: string }> {
  const values = await readBrokerConnection(config, connections, { namespace: 'NATS', connectorType: NATS_TYPE });
  if (values) {
    const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
    const servers = text('url');
    if (!servers) throw new FlowbusError('NATS:CONFIG', `connection "${config.connection}" has no url`, { retryable: false });
    const user = text('user');
    const pass = text('password');
    const token = text('token');
    return { servers, ...(user ? { user, pass } : {}), ...(token ? { token } : {}) };
  }
  if (config.url) return { servers: config.url };
  throw new FlowbusError('NATS:CONFIG', 'no server: give "connection" or "url"', { retryable: false });
}
