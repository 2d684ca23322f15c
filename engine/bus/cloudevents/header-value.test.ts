/**
 * @module Tests of binary-mode header decoding: quoted strings, percent-encoding, UTF-8.
 */
import { describe, expect, it } from 'vitest';
import { decodeHeaderValue } from './header-value.js';

describe('decodeHeaderValue', () => {
  it.each([
    ['plain', 'plain'],
    ['Euro%20%E2%82%AC%20%F0%9F%98%80', 'Euro € 😀'],
    ['Euro%20%e2%82%ac', 'Euro €'],
    ['%45uro', 'Euro'],
    // Regression guard: exactly one round of decoding, so %2541 stays %41.
    ['100%2541', '100%41'],
    ['"hello world"', 'hello world'],
    ['"say \\"hi\\""', 'say "hi"'],
    ['"%41"', 'A'],
    ['  padded  ', 'padded'],
    // Node hands raw header bytes over as latin1 characters: UTF-8 bytes of "é" arrive as "Ã©".
    ['caf\u00c3\u00a9', 'café'],
    ['wide ☃', 'wide ☃'],
    ['', ''],
  ])('decodes %j to %j', (raw, expected) => {
    expect(decodeHeaderValue(raw)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['a%C0%A0b', /not valid UTF-8/],
    ['a%FFb', /not valid UTF-8/],
    ['%E2%82', /not valid UTF-8/],
    ['%ED%A0%80', /not valid UTF-8/],
    ['100%', /two hex digits/],
    ['%G1', /two hex digits/],
    ['%4', /two hex digits/],
    ['"unterminated', /unterminated quoted string/],
    ['"quoted" trailing', /unterminated quoted string/],
    ['"ends with backslash\\', /unterminated quoted string/],
  ])('rejects %j', (raw, message) => {
    const decoded = decodeHeaderValue(raw);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.message).toMatch(message);
  });
});
