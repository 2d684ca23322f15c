/**
 * @module Maps what nodemailer throws (its `code`: ECONNECTION, EAUTH, EENVELOPE, ...) to typed errors.
 */
import { FlowbusError, redact } from '../../engine/sdk.js';

const NAMES_BY_CODE: Record<string, string> = {
  ECONNECTION: 'CONNECTIVITY',
  ESOCKET: 'CONNECTIVITY',
  ETIMEDOUT: 'CONNECTIVITY',
  EDNS: 'CONNECTIVITY',
  EPROXY: 'CONNECTIVITY',
  EAUTH: 'AUTH',
  ENOAUTH: 'AUTH',
  EOAUTH2: 'AUTH',
  EENVELOPE: 'REJECTED',
  EMESSAGE: 'REJECTED',
  EMAXRECIPIENTS: 'REJECTED',
  ETLS: 'TLS',
  EREQUIRETLS: 'TLS',
};

interface NodemailerErrorLike {
  code?: unknown;
  message?: unknown;
  responseCode?: unknown;
  command?: unknown;
  rejected?: unknown;
}

/** `sending e-mail through "mail"`: the start of every message about a send. */
export function emailLabel(connection: string): string {
  return `sending e-mail through "${connection}"`;
}

/**
 * The typed error for a failed send: EMAIL:CONNECTIVITY, EMAIL:AUTH, EMAIL:REJECTED, EMAIL:TLS, CANCELLED
 * or EMAIL:ERROR. Secrets in the library's message are masked.
 */
export function emailFailure(
  thrown: unknown,
  connection: string,
  secrets: readonly string[],
  signal: AbortSignal,
): FlowbusError {
  const label = emailLabel(connection);
  const error = (typeof thrown === 'object' && thrown !== null ? thrown : {}) as NodemailerErrorLike;
  const code = typeof error.code === 'string' ? error.code : 'UNKNOWN';
  if (code === 'EABORT' || signal.aborted) return new FlowbusError('CANCELLED', `${label}: cancelled`);
  const text = typeof error.message === 'string' ? error.message : String(thrown);
  const words = redact(text.split('\n')[0], secrets).slice(0, 300);
  const responseCode = typeof error.responseCode === 'number' ? error.responseCode : undefined;
  const rejected = Array.isArray(error.rejected) ? error.rejected.map(String) : undefined;
  return new FlowbusError(`EMAIL:${NAMES_BY_CODE[code] ?? 'ERROR'}`, `${label}: ${words} (${code})`, {
    connection,
    code,
    ...(responseCode !== undefined ? { responseCode } : {}),
    ...(typeof error.command === 'string' ? { command: redact(error.command, secrets) } : {}),
    ...(rejected ? { rejected } : {}),
  });
}
