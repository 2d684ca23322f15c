/**
 * @module Decoding a binary-mode `ce-*` header value: quoted-string unescaping, then one round of
 * percent-decoding into UTF-8 (HTTP protocol binding 3.1.3.2).
 */
import { decodeUtf8 } from '../../json/strict.js';

/** The decoded attribute value, or what is wrong with the header value. */
export type HeaderDecode = { ok: true; value: string } | { ok: false; message: string };

const HEX_PAIR = /^[0-9A-Fa-f]{2}$/;

/**
 * Decodes one header value. Header text arrives as Node gives it (each byte one latin1 character), so raw
 * non-ASCII bytes and percent-encoded bytes are both read as UTF-8; invalid or overlong UTF-8 is rejected.
 *
 * @example
 * decodeHeaderValue('Euro%20%E2%82%AC'); // { ok: true, value: 'Euro €' }
 */
export function decodeHeaderValue(raw: string): HeaderDecode {
  const unquoted = unquote(raw.trim());
  if (unquoted === undefined) return { ok: false, message: 'has an unterminated quoted string' };
  const characters = Array.from(unquoted);
  const bytes: number[] = [];
  for (let at = 0; at < characters.length; at += 1) {
    const char = characters[at] as string;
    if (char === '%') {
      const hex = characters.slice(at + 1, at + 3).join('');
      if (!HEX_PAIR.test(hex)) return { ok: false, message: 'has a "%" not followed by two hex digits' };
      bytes.push(Number.parseInt(hex, 16));
      at += 2;
    } else {
      bytes.push(...characterBytes(char));
    }
  }
  const value = decodeUtf8(Uint8Array.from(bytes));
  if (value === undefined) return { ok: false, message: 'is not valid UTF-8 after percent-decoding' };
  return { ok: true, value };
}

/** A value wrapped in double quotes loses them and its backslash escapes (RFC 7230 3.2.6). */
function unquote(value: string): string | undefined {
  if (!value.startsWith('"')) return value;
  let result = '';
  for (let at = 1; at < value.length; at += 1) {
    const char = value[at];
    if (char === '"') return at === value.length - 1 ? result : undefined;
    if (char === '\\') at += 1;
    if (at >= value.length) return undefined;
    result += value[at];
  }
  return undefined;
}

/** Latin1 characters are the header's raw bytes; a wider character came from a caller's string: its UTF-8. */
function characterBytes(char: string): number[] {
  const code = char.codePointAt(0) as number;
  return code <= 0xff ? [code] : [...Buffer.from(char, 'utf8')];
}
