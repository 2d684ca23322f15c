/**
 * @module Tests of CRC-32 against published check values and a bit-by-bit reference.
 */
import { describe, expect, it } from 'vitest';
import { crc32, crc32InJavaScript } from './crc32.js';

/** The textbook bitwise CRC-32, slow and obviously right. */
function reference(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe('crc32', () => {
  it.each([
    ['', 0x00000000],
    ['a', 0xe8b7be43],
    ['abc', 0x352441c2],
    ['123456789', 0xcbf43926],
    ['The quick brown fox jumps over the lazy dog', 0x414fa339],
  ])('crc32(%j) is the published value', (text, expected) => {
    expect(crc32(Buffer.from(text))).toBe(expected);
  });

  it('agrees with the bitwise reference for every length and offset up to 64 bytes', () => {
    const bytes = Buffer.from(Array.from({ length: 80 }, (_, index) => (index * 151 + 7) & 0xff));
    for (let start = 0; start < 8; start++) {
      for (let end = start; end <= 72; end++) {
        expect(crc32(bytes, start, end)).toBe(reference(bytes.subarray(start, end)));
      }
    }
  });

  it('gives the same value in JavaScript as the native node:zlib one, for every length and offset', () => {
    const bytes = Buffer.from(Array.from({ length: 300 }, (_, index) => (index * 97 + 13) & 0xff));
    for (let start = 0; start < 8; start++) {
      for (let end = start; end <= bytes.length; end += 7) {
        expect(crc32InJavaScript(bytes, start, end)).toBe(reference(bytes.subarray(start, end)));
        expect(crc32(bytes, start, end)).toBe(reference(bytes.subarray(start, end)));
      }
    }
  });

  it('changes when one bit of the input flips', () => {
    const bytes = Buffer.from('{"t":"e","s":1,"ev":{"id":"a"}}');
    const before = crc32(bytes);
    bytes[10]! ^= 0x04;
    expect(crc32(bytes)).not.toBe(before);
  });
});
