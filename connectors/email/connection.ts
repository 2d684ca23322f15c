/**
 * @module The SMTP connection of the e-mail connector: its type definition and reading its values.
 */
import type { ConnectionTypeDefinition } from '../../engine/sdk.js';
import { invalidConnection } from '../shared/config.js';

/** Step type and connection type id. */
export const EMAIL_TYPE = 'email';

/** An SMTP server account. */
export const emailConnection: ConnectionTypeDefinition = {
  type: EMAIL_TYPE,
  title: 'SMTP server',
  description: 'An SMTP server and the account that sends mail through it.',
  schema: {
    type: 'object',
    properties: {
      host: { type: 'string', title: 'Host', description: 'The SMTP server, e.g. `smtp.example.com`.' },
      port: {
        type: 'integer',
        title: 'Port',
        description: '465 with `secure`, 587 (STARTTLS) or 25 without. Default: 465 when secure, else 587.',
        minimum: 1,
        maximum: 65535,
      },
      secure: {
        type: 'boolean',
        title: 'TLS from the start',
        description: 'Connect with TLS (port 465).',
        default: false,
      },
      requireTLS: {
        type: 'boolean',
        title: 'Require STARTTLS',
        description: 'Without `secure`, fail unless the server upgrades the connection with STARTTLS.',
        default: false,
      },
      rejectUnauthorized: {
        type: 'boolean',
        title: 'Verify certificate',
        description: 'Refuse a server certificate that is not trusted. Turn off only for a test server.',
        default: true,
      },
      user: {
        type: 'string',
        title: 'User',
        description: 'The login; leave empty for a server without authentication.',
      },
      password: { type: 'string', title: 'Password', 'x-secret': true },
      from: { type: 'string', title: 'From', description: 'The sender, e.g. `Alarms <alarms@example.com>`.' },
    },
    required: ['host', 'from'],
    additionalProperties: false,
  },
};

/** A connection's values, checked. */
export interface SmtpConnection {
  host: string;
  port: number;
  secure: boolean;
  requireTLS: boolean;
  rejectUnauthorized: boolean;
  auth?: { user: string; pass: string };
  from: string;
}

function readBooleanValue(
  values: Record<string, unknown>,
  name: string,
  field: string,
  fallback: boolean,
): boolean {
  const value = values[field] ?? fallback;
  if (typeof value !== 'boolean') throw invalidConnection(name, field, 'true or false');
  return value;
}

function readText(values: Record<string, unknown>, name: string, field: string): string | undefined {
  const value = values[field];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw invalidConnection(name, field, 'a string');
  return value;
}

/** Reads and checks an SMTP connection's values; VALIDATION names the field, never a value. */
export function readSmtpConnection(values: Record<string, unknown>, name: string): SmtpConnection {
  const host = readText(values, name, 'host');
  if (!host) throw invalidConnection(name, 'host', 'a host name');
  const from = readText(values, name, 'from');
  if (!from) throw invalidConnection(name, 'from', 'a sender address');
  const secure = readBooleanValue(values, name, 'secure', false);
  const port = values.port ?? (secure ? 465 : 587);
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw invalidConnection(name, 'port', 'an integer from 1 to 65535');
  }
  const user = readText(values, name, 'user');
  const password = readText(values, name, 'password');
  if (user !== undefined && password === undefined) {
    throw invalidConnection(name, 'password', 'set when user is set');
  }
  return {
    host,
    port,
    secure,
    requireTLS: readBooleanValue(values, name, 'requireTLS', false),
    rejectUnauthorized: readBooleanValue(values, name, 'rejectUnauthorized', true),
    ...(user !== undefined && password !== undefined ? { auth: { user, pass: password } } : {}),
    from,
  };
}
