/**
 * @module Keeps secrets out of error messages, details and logs that quote a vendor's or a socket's words.
 */

const MASK = '***';

/**
 * Replaces every occurrence of each secret (and of its URL-encoded form) in `text`.
 *
 * @example
 * redact('bad key abc123', ['abc123']); // 'bad key ***'
 */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) result = result.split(form).join(MASK);
  }
  return result;
}

/** The secret parts of a webhook URL: the URL, its query values and a long last path segment (a token). */
export function webhookSecrets(webhook: URL): string[] {
  const lastSegment = webhook.pathname.split('/').pop() ?? '';
  return [webhook.href, ...webhook.searchParams.values(), ...(lastSegment.length >= 16 ? [lastSegment] : [])];
}
