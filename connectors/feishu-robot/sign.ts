/**
 * @module Feishu/Lark bot signing: HMAC-SHA256 KEYED BY `timestamp + "\n" + secret` over an EMPTY message,
 * Base64; the timestamp is in seconds and both go in the JSON body. (DingTalk's order gives 19021.)
 */
import { createHmac } from 'node:crypto';

/**
 * The signature for `timestampSeconds`.
 *
 * @example
 * feishuSignature('demo', 1599360473); // 'l1N0gAcBjdwBvGm1xMjOF0XSyaLRpR7tuO5dHfhAYc8='
 */
export function feishuSignature(secret: string, timestampSeconds: number): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

/** The body fields that carry the signature for a clock reading in milliseconds. */
export function feishuSignatureFields(secret: string, nowMs: number): { timestamp: string; sign: string } {
  const seconds = Math.floor(nowMs / 1000);
  return { timestamp: String(seconds), sign: feishuSignature(secret, seconds) };
}
