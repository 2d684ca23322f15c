/**
 * @module The framing of a segment record: one line `<crc32 as 8 hex digits> <JSON>\n`, the checksum over
 * the UTF-8 bytes of the JSON. A segment starts with a header record naming the format and the kind of log.
 */
import { crc32 } from './crc32.js';

/** The format named by the header record of every segment this module writes. */
export const SEGMENT_FORMAT = 'flowbus/segment@1';

const NEWLINE = 0x0a;
const SPACE = 0x20;
const CHECKSUM_CHARS = 8;
/** Checksum, space, and the newline. */
const FRAME_BYTES = CHECKSUM_CHARS + 2;

/**
 * Frames the JSON text of one record (it must not hold a raw newline, which `JSON.stringify` never writes):
 * one UTF-8 encoding and one checksum pass over it, no second serialisation.
 *
 * @example
 * frameRecord(JSON.stringify({ t: 'e', s: 1 })).toString(); // '4c1e2b3a {"t":"e","s":1}\n'
 */
export function frameRecord(json: string): Buffer {
  const line = Buffer.allocUnsafe(framedLength(json));
  frameRecordInto(json, line, 0);
  return line;
}

/** The bytes the framed line of `json` takes. */
export function framedLength(json: string): number {
  return Buffer.byteLength(json) + FRAME_BYTES;
}

/**
 * Frames `json` into `target` at `at` (which must have {@link framedLength} bytes free there); answers where
 * the line ends. Lets a writer frame many records into one reused buffer instead of one buffer each.
 */
export function frameRecordInto(json: string, target: Buffer, at: number): number {
  const length = target.write(json, at + CHECKSUM_CHARS + 1, 'utf8');
  const checksum = crc32(target, at + CHECKSUM_CHARS + 1, at + CHECKSUM_CHARS + 1 + length);
  target.write(checksum.toString(16).padStart(CHECKSUM_CHARS, '0'), at, 'latin1');
  target[at + CHECKSUM_CHARS] = SPACE;
  const end = at + length + FRAME_BYTES;
  target[end - 1] = NEWLINE;
  return end;
}

/** The first record of a segment of `kind` (`bus-journal`, `execution-journal`, ...). */
export function headerRecord(kind: string): Buffer {
  return frameRecord(JSON.stringify({ format: SEGMENT_FORMAT, kind }));
}

/** What one line (without its newline) holds: the record's value, or why it is not a record. */
export type LineCheck = { ok: true; value: unknown } | { ok: false; reason: string };

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x61 + 10;
  return -1;
}

/** Whether the line starts like a framed record (8 lowercase hex digits and a space). */
export function looksFramed(bytes: Uint8Array, start: number, end: number): boolean {
  if (end - start < FRAME_BYTES - 1 || bytes[start + CHECKSUM_CHARS] !== SPACE) return false;
  for (let index = start; index < start + CHECKSUM_CHARS; index++) {
    if (hexValue(bytes[index]!) < 0) return false;
  }
  return true;
}

/** Checks the framed line `bytes[start, end)` and parses its JSON. */
export function checkFramedLine(bytes: Buffer, start: number, end: number): LineCheck {
  if (!looksFramed(bytes, start, end)) return { ok: false, reason: 'not a framed record (no checksum)' };
  let stored = 0;
  for (let index = start; index < start + CHECKSUM_CHARS; index++) {
    stored = stored * 16 + hexValue(bytes[index]!);
  }
  const payload = start + CHECKSUM_CHARS + 1;
  if (crc32(bytes, payload, end) !== stored) return { ok: false, reason: 'checksum mismatch' };
  try {
    return { ok: true, value: JSON.parse(bytes.toString('utf8', payload, end)) as unknown };
  } catch {
    return { ok: false, reason: 'the checksum matches but the record is not JSON' };
  }
}

/** The header's kind when the value is a segment header, else undefined. */
export function headerKind(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { format, kind } = value as { format?: unknown; kind?: unknown };
  return format === SEGMENT_FORMAT && typeof kind === 'string' ? kind : undefined;
}
