/**
 * @module The segment reader's table of damages: each kind of damage a crash or a disk can leave, where it is
 * reported, whether it counts as a torn tail or as corruption, and which records survive it.
 */
import { describe, expect, it } from 'vitest';
import { frameRecord, headerRecord } from './frame.js';
import { scanSegment, type SegmentDamage } from './scan-segment.js';

const header = headerRecord('test-log');
const records = [1, 2, 3].map((n) => frameRecord(JSON.stringify({ n, text: `record ${n} ü` })));
const [r1, r2, r3] = records as [Buffer, Buffer, Buffer];
const whole = Buffer.concat([header, r1, r2, r3]);
/** Offsets of the records in `whole`. */
const at1 = header.length;
const at2 = at1 + r1.length;
const at3 = at2 + r2.length;

function flipped(bytes: Buffer, offset: number, mask = 0x01): Buffer {
  const copy = Buffer.from(bytes);
  copy[offset]! ^= mask;
  return copy;
}

function inserted(bytes: Buffer, offset: number, extra: Buffer | string): Buffer {
  return Buffer.concat([bytes.subarray(0, offset), Buffer.from(extra), bytes.subarray(offset)]);
}

interface Case {
  name: string;
  bytes: Buffer;
  newest?: boolean;
  /** The `n` of every record read back. */
  kept: number[];
  damages: Array<Partial<SegmentDamage>>;
  intactBytes?: number;
  format?: string;
}

const garbage = 'this is not a record\n';
const zeros = Buffer.alloc(300);
const cases: Case[] = [
  { name: 'an empty file', bytes: Buffer.alloc(0), kept: [], damages: [], format: 'empty' },
  { name: 'an intact segment', bytes: whole, kept: [1, 2, 3], damages: [], intactBytes: whole.length },
  {
    name: 'a header cut short in the newest segment',
    bytes: header.subarray(0, 10),
    kept: [],
    damages: [{ kind: 'torn-tail', offset: 0, bytes: 10 }],
    intactBytes: 0,
  },
  {
    name: 'the last record cut short in the newest segment (a torn tail)',
    bytes: whole.subarray(0, at3 + 7),
    kept: [1, 2],
    damages: [{ kind: 'torn-tail', offset: at3, bytes: 7, reason: expect.stringContaining('cut short') }],
    intactBytes: at3,
  },
  {
    name: 'the last record without just its newline in the newest segment',
    bytes: whole.subarray(0, whole.length - 1),
    kept: [1, 2],
    damages: [{ kind: 'torn-tail', offset: at3, bytes: r3.length - 1 }],
    intactBytes: at3,
  },
  {
    name: 'a record cut short at the end of an older segment',
    bytes: whole.subarray(0, at3 + 7),
    newest: false,
    kept: [1, 2],
    damages: [{ kind: 'corrupt', offset: at3, bytes: 7, reason: expect.stringContaining('not the newest') }],
    intactBytes: at3 + 7,
  },
  {
    name: 'a zero-filled tail in the newest segment (a crash after the size grew)',
    bytes: Buffer.concat([whole, zeros]),
    kept: [1, 2, 3],
    damages: [{ kind: 'torn-tail', offset: whole.length, bytes: zeros.length }],
    intactBytes: whole.length,
  },
  {
    name: 'a garbage line in the middle',
    bytes: inserted(whole, at2, garbage),
    kept: [1, 2, 3],
    damages: [
      { kind: 'corrupt', offset: at2, bytes: garbage.length, reason: expect.stringContaining('no checksum') },
    ],
  },
  {
    name: 'a plain JSON line (no checksum) in the middle of a framed segment',
    bytes: inserted(whole, at2, '{"n":9}\n'),
    kept: [1, 2, 3],
    damages: [{ kind: 'corrupt', offset: at2, bytes: 8 }],
  },
  {
    name: 'a flipped bit in the JSON of a middle record',
    bytes: flipped(whole, at2 + 15),
    kept: [1, 3],
    damages: [{ kind: 'corrupt', offset: at2, bytes: r2.length, reason: 'checksum mismatch' }],
  },
  {
    name: 'a flipped bit in the checksum of a middle record',
    bytes: flipped(whole, at2 + 3),
    kept: [1, 3],
    damages: [{ kind: 'corrupt', offset: at2, bytes: r2.length, reason: 'checksum mismatch' }],
  },
  {
    name: 'a byte of a middle record turned into a newline',
    bytes: (() => {
      const copy = Buffer.from(whole);
      copy[at2 + 20] = 0x0a;
      return copy;
    })(),
    kept: [1, 3],
    damages: [{ kind: 'corrupt', offset: at2, bytes: r2.length }],
  },
  {
    name: 'the last record complete but with a bad checksum (not a torn write)',
    bytes: flipped(whole, at3 + 12),
    kept: [1, 2],
    damages: [{ kind: 'corrupt', offset: at3, bytes: r3.length, reason: 'checksum mismatch' }],
  },
  {
    name: 'a zeroed block in the middle',
    bytes: Buffer.concat([whole.subarray(0, at2 + 5), zeros, whole.subarray(at3 - 1)]),
    kept: [1, 3],
    damages: [{ kind: 'corrupt', offset: at2, bytes: 5 + zeros.length + 1 }],
  },
  {
    name: 'two damaged places',
    bytes: inserted(inserted(whole, at3, garbage), at2, garbage),
    kept: [1, 2, 3],
    damages: [
      { kind: 'corrupt', offset: at2 },
      { kind: 'corrupt', offset: at3 + garbage.length },
    ],
  },
  {
    name: 'a valid checksum over text that is not JSON',
    bytes: Buffer.concat([header, r1, frameRecord('{"n":'), r3]),
    kept: [1, 3],
    damages: [{ kind: 'corrupt', offset: at2, reason: expect.stringContaining('not JSON') }],
  },
  {
    name: 'a damaged header: the records after it are still read',
    bytes: flipped(whole, 12),
    kept: [1, 2, 3],
    damages: [
      { kind: 'corrupt', offset: 0, bytes: header.length, reason: 'segment header: checksum mismatch' },
    ],
  },
  {
    name: 'a segment of another kind of log',
    bytes: Buffer.concat([headerRecord('other-log'), r1]),
    kept: [],
    damages: [{ kind: 'corrupt', offset: 0, reason: expect.stringContaining('kind "other-log"') }],
  },
  {
    name: 'a legacy segment (JSON lines, blank lines skipped)',
    bytes: Buffer.from('{"n":1}\n\n{"n":2}\n'),
    kept: [1, 2],
    damages: [],
    format: 'legacy',
  },
  {
    name: 'a legacy segment with a garbage line and a torn last line',
    bytes: Buffer.from('{"n":1}\ngarbage\n{"n":2}\n{"n":3'),
    kept: [1, 2],
    damages: [
      { kind: 'corrupt', offset: 8, bytes: 8, reason: expect.stringContaining('legacy') },
      { kind: 'torn-tail', offset: 24, bytes: 6 },
    ],
    intactBytes: 24,
    format: 'legacy',
  },
];

describe('scanSegment', () => {
  it.each(cases)('$name', ({ bytes, newest = true, kept, damages, intactBytes, format }) => {
    const scan = scanSegment(bytes, { kind: 'test-log', newest });
    expect(scan.records.map((record) => (record.value as { n: number }).n)).toEqual(kept);
    expect(scan.damages).toEqual(damages.map((damage) => expect.objectContaining(damage)));
    if (intactBytes !== undefined) expect(scan.intactBytes).toBe(intactBytes);
    if (format !== undefined) expect(scan.format).toBe(format);
  });

  it('gives each record the byte offset of its line', () => {
    const scan = scanSegment(whole, { kind: 'test-log', newest: true });
    expect(scan.format).toBe('framed');
    expect(scan.records.map((record) => record.offset)).toEqual([at1, at2, at3]);
  });

  it('frames a record as an 8-digit checksum, a space, the JSON and a newline', () => {
    expect(frameRecord('{"a":1}').toString()).toMatch(/^[0-9a-f]{8} \{"a":1\}\n$/);
  });
});
