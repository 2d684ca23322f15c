/**
 * @module UTF-8 sizes: robot vendors count message limits in bytes, not in characters.
 */

/** The size of `text` encoded as UTF-8. */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * Cuts `text` to at most `maxBytes` UTF-8 bytes without splitting a character.
 *
 * @example
 * truncateUtf8('告警abc', 4); // '告' (a second 3-byte character would not fit)
 */
export function truncateUtf8(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  let end = Math.max(0, maxBytes);
  // A byte of the form 10xxxxxx continues a character: step back to that character's first byte.
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end -= 1;
  return bytes.subarray(0, end).toString('utf8');
}
