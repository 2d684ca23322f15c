/**
 * @module DingTalk robot signing (加签): HMAC-SHA256 keyed by the secret over `timestamp + "\n" + secret`,
 * Base64, sent URL-encoded in the query string with the millisecond timestamp.
 */
import { createHmac } from 'node:crypto';

/**
 * The Base64 signature for `timestampMs` (not yet URL-encoded).
 *
 * @example
 * dingtalkSignature('SEC123', 1700000000000);
 */
export function dingtalkSignature(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

/** The webhook URL with `timestamp` and `sign` appended; URLSearchParams percent-encodes `+`, `/` and `=`. */
export function signDingtalkUrl(webhook: URL, secret: string, timestampMs: number): URL {
  const url = new URL(webhook);
  url.searchParams.set('timestamp', String(timestampMs));
  url.searchParams.set('sign', dingtalkSignature(secret, timestampMs));
  return url;
}
