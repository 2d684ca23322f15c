/**
 * @module Failed channels: which failures are worth another attempt, and the one typed error a delivery
 * fails with when some channels failed.
 */
import { FlowbusError, type FlowError } from '../../engine/sdk.js';
import type { Channel } from '../config/schema.js';

/** One channel of one receiver that did not get the notification. */
export interface ChannelFailure {
  receiver: string;
  channel: Channel;
  error: FlowError;
}

/** Error names that another attempt cannot fix: bad settings, refused credentials, refused content. */
const PERMANENT_NAMES = new Set([
  'AUTH',
  'REJECTED',
  'TLS',
  'SIGNATURE',
  'KEYWORDS',
  'IP_NOT_ALLOWED',
  'INVALID_WEBHOOK',
  'TOO_LARGE',
  'NOT_FOUND',
  'SYNTAX',
  'CHANNEL_UNAVAILABLE',
  'NO_CONNECTIONS',
]);

/**
 * Whether another attempt may succeed: the error's own `details.retryable` when it says, else every error
 * but a validation error or a permanent one (see `PERMANENT_NAMES`).
 *
 * @example
 * isRetryable({ type: 'WECOM:RATE_LIMITED', message: '' }); // true
 * isRetryable({ type: 'EMAIL:AUTH', message: '' }); // false
 */
export function isRetryable(error: FlowError): boolean {
  const flag = error.details?.retryable;
  if (typeof flag === 'boolean') return flag;
  if (error.type === 'VALIDATION' || error.type === 'CANCELLED') return false;
  const name = error.type.slice(error.type.indexOf(':') + 1);
  return !PERMANENT_NAMES.has(name);
}

/**
 * The error of a delivery whose channels partly failed: the first failure's type (so a trace shows
 * `EMAIL:AUTH`, not a generic type), every failure in `details.failures`, retryable when any failure is.
 * Channels that were sent are not sent again on the next attempt.
 */
export function deliveryError(failures: readonly ChannelFailure[], sent: readonly string[]): FlowbusError {
  const [first] = failures;
  const describe = (failure: ChannelFailure) =>
    `${failure.receiver} (${failure.channel}): ${failure.error.message}`;
  const more = failures.length > 1 ? `; and ${failures.slice(1).map(describe).join('; ')}` : '';
  const done = sent.length > 0 ? ` (sent: ${sent.join(', ')})` : '';
  return new FlowbusError(first!.error.type, `${describe(first!)}${more}${done}`, {
    failures: failures.map(({ receiver, channel, error }) => ({ receiver, channel, ...error })),
    sent: [...sent],
    retryable: failures.some((failure) => isRetryable(failure.error)),
  });
}
