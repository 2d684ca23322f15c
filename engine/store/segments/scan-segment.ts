/**
 * @module Reading one segment back: its intact records, and every damaged place with its byte offset, told
 * apart as a torn tail (the last write of the newest segment cut short by a crash: expected) or corruption
 * (a bad record with more after it, a bad checksum, a cut-short end of an older segment: never expected).
 */
import { checkFramedLine, headerKind, looksFramed, type LineCheck } from './frame.js';

/** A record read back, with the byte offset of its line. */
export interface SegmentRecord {
  offset: number;
  value: unknown;
}

/** One damaged place: `bytes` bytes from `offset` that hold no intact record. */
export interface SegmentDamage {
  kind: 'torn-tail' | 'corrupt';
  offset: number;
  bytes: number;
  reason: string;
}

/** What a segment holds. `legacy`: JSON lines without checksums, as written before segments had a header. */
export interface SegmentScan {
  format: 'framed' | 'legacy' | 'empty';
  records: SegmentRecord[];
  damages: SegmentDamage[];
  /** Where a torn tail starts (the file's length when there is none): truncate the file here. */
  intactBytes: number;
}

export interface ScanOptions {
  /** The kind a framed segment's header must name. */
  kind: string;
  /** Whether this is the newest segment, the only one whose last write a crash may have cut short. */
  newest: boolean;
}

const NEWLINE = 0x0a;
const OPEN_BRACE = 0x7b;

/**
 * Scans the bytes of a segment. Every line is its own frame, so reading resumes after a damaged line: the
 * records after it are kept. Never throws for bad content.
 *
 * @example
 * const scan = scanSegment(await readFile(path), { kind: 'bus-journal', newest: true });
 * for (const damage of scan.damages) console.error(`${path} @${damage.offset}: ${damage.reason}`);
 */
export function scanSegment(bytes: Buffer, options: ScanOptions): SegmentScan {
  if (bytes.length === 0) return { format: 'empty', records: [], damages: [], intactBytes: 0 };
  const format = detectFormat(bytes);
  const records: SegmentRecord[] = [];
  const damages: SegmentDamage[] = [];
  const damage = (offset: number, length: number, reason: string) => {
    const last = damages.at(-1);
    if (last && last.kind === 'corrupt' && last.offset + last.bytes === offset) last.bytes += length;
    else damages.push({ kind: 'corrupt', offset, bytes: length, reason });
  };
  let position = 0;
  while (position < bytes.length) {
    const end = bytes.indexOf(NEWLINE, position);
    if (end === -1) {
      const kind = options.newest ? 'torn-tail' : 'corrupt';
      const reason = options.newest
        ? 'the last record is cut short (no end of line)'
        : 'a record is cut short at the end of a segment that is not the newest';
      damages.push({ kind, offset: position, bytes: bytes.length - position, reason });
      return { format, records, damages, intactBytes: options.newest ? position : bytes.length };
    }
    const check =
      format === 'legacy' ? checkLegacyLine(bytes, position, end) : checkFramedLine(bytes, position, end);
    if (check === undefined) {
      // a blank line of a legacy segment
    } else if (!check.ok) {
      damage(position, end + 1 - position, position === 0 ? `segment header: ${check.reason}` : check.reason);
    } else if (format === 'framed' && position === 0) {
      const kind = headerKind(check.value);
      if (kind !== options.kind) {
        const named = kind ? `kind "${kind}"` : 'no segment format';
        const reason = `the segment header names ${named}, not "${options.kind}"`;
        damages.push({ kind: 'corrupt', offset: 0, bytes: bytes.length, reason });
        return { format, records: [], damages, intactBytes: bytes.length };
      }
    } else {
      records.push({ offset: position, value: check.value });
    }
    position = end + 1;
  }
  return { format, records, damages, intactBytes: bytes.length };
}

/**
 * Framed when the first line looks framed; legacy when it starts with `{`; when the first line is damaged,
 * the first line that looks like either decides, so a damaged header does not hide the records after it.
 */
function detectFormat(bytes: Buffer): 'framed' | 'legacy' {
  let position = 0;
  while (position < bytes.length) {
    const found = bytes.indexOf(NEWLINE, position);
    const end = found === -1 ? bytes.length : found;
    if (looksFramed(bytes, position, end)) return 'framed';
    if (bytes[position] === OPEN_BRACE) return 'legacy';
    position = end + 1;
  }
  return 'framed';
}

/** A JSON line of a legacy segment; undefined for a blank line, which the old reader skipped too. */
function checkLegacyLine(bytes: Buffer, start: number, end: number): LineCheck | undefined {
  const text = bytes.toString('utf8', start, end);
  if (text.trim() === '') return undefined;
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'not JSON (a legacy segment has no checksums)' };
  }
}
