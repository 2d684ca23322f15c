/**
 * @module NATS failures as typed errors, with the server's reason kept in the message.
 */
import { FlowbusError } from '../../engine/sdk.js';

export const NATS_ERRORS = [
  { type: 'NATS:CONNECTIVITY', description: 'The server could not be reached, or the connection was lost.' },
  { type: 'NATS:AUTH', description: 'The server refused the credentials (Authorization Violation).' },
  { type: 'NATS:NO_STREAM', description: 'No JetStream stream takes the subject, or the stream or consumer does not exist.' },
  { type: 'NATS:TIMEOUT', description: 'No publish acknowledgement from JetStream in time.' },
  { type: 'NATS:REFUSED', description: 'JetStream refused the request (its error code and description).' },
  { type: 'NATS:CONFIG', description: 'No server: neither connection nor url.' },
];

/** Turns a nats.js error into a typed error. */
export function natsError(error: unknown, doing: string): FlowbusError {
  if (error instanceof FlowbusError) return error;
  const { code, message } = error as { code?: string; message?: string };
  const text = message ?? String(error);
  if (/AUTHORIZATION_VIOLATION|Authorization Violation|AUTHENTICATION/i.test(`${code} ${text}`)) {
    return new FlowbusError('NATS:AUTH', `${doing}: ${text}`, { retryable: false });
  }
  if (code === '503' || /no responders|stream not found|consumer not found/i.test(text)) {
    return new FlowbusError('NATS:NO_STREAM', `${doing}: ${text}`, { retryable: false });
  }
  if (code === 'TIMEOUT' || /timeout/i.test(text)) return new FlowbusError('NATS:TIMEOUT', `${doing}: ${text}`);
  if (/CONNECTION_REFUSED|ECONNREFUSED|CONNECTION_CLOSED|DISCONNECT|closed/i.test(`${code} ${text}`)) {
    return new FlowbusError('NATS:CONNECTIVITY', `${doing}: ${text}`);
  }
  if (code && /^\d+$/.test(code)) return new FlowbusError('NATS:REFUSED', `${doing}: ${text}`, { retryable: false });
  return new FlowbusError('NATS:CONNECTIVITY', `${doing}: ${text}`);
}
