/**
 * @module The execution history's segment files (engine/store/segments: one checksummed record per line):
 * records appended in groups, read back one at a time by place, and whole segments deleted once retention
 * has dropped everything in them; a segment mostly dropped has its few live records copied forward first.
 */
import { copyFile, open } from 'node:fs/promises';
import {
  checkFramedLine,
  SegmentFiles,
  type DamagedSegment,
  type LineCheck,
} from '../segments/index.js';
import type { IndexEntry, RecordPlace } from './history-index.js';
import { readIndexFile, removeIndexFile, writeIndexFile } from './index-file.js';

/** The kind named in the header of every history segment. */
export const HISTORY_KIND = 'execution-history';

export interface HistorySegmentsOptions {
  /** fdatasync before a write resolves. */
  sync: boolean;
  /** A segment is closed once it is this large. */
  segmentBytes: number;
  now?: () => number;
}

/** Something placed in a segment: an index entry. */
export type Placed = RecordPlace;

interface SegmentUse {
  /** Records ever written to it. */
  records: number;
  /** The entries whose record is here now. */
  live: Set<Placed>;
}

/** A record read back on open, with its place. */
export interface OpenedRecord {
  value: unknown;
  place: RecordPlace;
}

/** A whole segment copied aside because of a record in it (the segment itself stays and is read). */
export interface KeptSegment {
  file: string;
  keptAs: string;
}

/** A compaction copies records forward in groups of this many, so no write holds much memory. */
const COPY_GROUP = 256;
/** The first read of a record whose end is not known. */
const FIRST_READ_BYTES = 16 * 1024;

/** The history's segments: what is in each, and the files. */
export class HistorySegments {
  private readonly uses = new Map<number, SegmentUse>();
  private maintenance: Promise<void> = Promise.resolve();
  /** Closed segments read in full on open: they get an index file once the index knows what lives there. */
  private readonly unindexed: number[] = [];

  private constructor(
    private readonly files: SegmentFiles,
    private readonly options: HistorySegmentsOptions,
  ) {}

  /** Opens the folder and reads every intact record (damage handled by SegmentFiles); then starts a segment. */
  static async open(
    dir: string,
    options: HistorySegmentsOptions,
    onRecord: (record: OpenedRecord) => void,
  ): Promise<{ segments: HistorySegments; damaged: readonly DamagedSegment[]; keptAside: readonly string[] }> {
    const files = await SegmentFiles.open(dir, { kind: HISTORY_KIND, sync: options.sync, now: options.now });
    const segments = new HistorySegments(files, options);
    const indexed = new Map<number, Awaited<ReturnType<typeof readIndexFile>>>();
    for (const segment of files.found) indexed.set(segment, await readIndexFile(segments.fileOf(segment), segment));
    let held: OpenedRecord | undefined;
    const emitHeld = () => {
      if (held) onRecord(held);
      held = undefined;
    };
    const fromIndexFile = (segment: number) => {
      const index = indexed.get(segment);
      if (!index) return false;
      emitHeld();
      segments.use(segment).records += index.records;
      for (const entry of index.entries) onRecord({ value: entry, place: { segment, offset: entry.offset, end: entry.end } });
      return true;
    };
    for await (const { segment, offset, value } of files.readAll(fromIndexFile)) {
      segments.use(segment).records += 1;
      // Lines follow each other, so a record ends where the next one of its segment starts.
      if (held && held.place.segment === segment) held.place.end = offset;
      else if (held) segments.unindexed.push(held.place.segment);
      emitHeld();
      held = { value, place: { segment, offset, end: 0 } };
    }
    if (held) segments.unindexed.push(held.place.segment);
    emitHeld();
    await files.start();
    return { segments, damaged: files.damaged, keptAside: files.keptAside };
  }

  /** The file of a segment (for messages). */
  fileOf(segment: number): string {
    return this.files.fileOf(segment) ?? `${this.files.dir} segment ${segment}`;
  }

  /** Counts an entry as living in the segment of its place. */
  track(entry: Placed): void {
    if (entry.segment !== 0) this.use(entry.segment).live.add(entry);
  }

  /** The entry's record is no longer needed (dropped or replaced). */
  untrack(entry: Placed): void {
    if (entry.segment !== 0) this.uses.get(entry.segment)?.live.delete(entry);
  }

  /**
   * Appends framed lines, given as one buffer and where each line ends in it, to the active segment: their
   * places at once, and when they are written. The buffer must not change until then.
   */
  append(data: Buffer, lineEnds: readonly number[]): { places: RecordPlace[]; written: Promise<void> } {
    const segment = this.files.active;
    const base = this.files.activeSize;
    let offset = base;
    const places = lineEnds.map((lineEnd) => {
      const place = { segment, offset, end: base + lineEnd };
      offset = place.end;
      return place;
    });
    this.use(segment).records += lineEnds.length;
    return { places, written: this.files.append([data]) };
  }

  /** Reads and checks the record at a place. */
  async read(place: RecordPlace): Promise<LineCheck> {
    const line = await this.readLine(place);
    if (typeof line === 'string') return { ok: false, reason: line };
    return checkFramedLine(line, 0, line.length - 1);
  }

  /** Copies a segment aside (a record in it is unusable) so that deleting it later loses no evidence. */
  async keepAside(segment: number): Promise<KeptSegment> {
    const file = this.fileOf(segment);
    const stamp = new Date((this.options.now ?? Date.now)()).toISOString().replace(/[:.]/g, '-');
    const keptAs = `${file}.corrupt-${stamp}`;
    await copyFile(file, keptAs);
    return { file, keptAs };
  }

  /** Writes the index files of the closed segments that were read in full on open (none are damaged). */
  async indexReadSegments(): Promise<void> {
    const damaged = new Set(this.files.damaged.map((segment) => segment.segment));
    for (const segment of this.unindexed.splice(0)) {
      if (!damaged.has(segment) && this.uses.has(segment)) await this.writeIndex(segment);
    }
  }

  /** Rotates a full segment, deletes emptied ones and compacts sparse ones, one pass at a time. */
  tidy(): Promise<void> {
    const pass = this.maintenance.then(() => this.tidyPass());
    this.maintenance = pass.catch(() => undefined);
    return pass;
  }

  async close(): Promise<void> {
    await this.maintenance;
    await this.files.close();
  }

  private async writeIndex(segment: number): Promise<void> {
    const use = this.use(segment);
    await writeIndexFile(this.fileOf(segment), segment, use.records, use.live as Set<IndexEntry>);
  }

  private use(segment: number): SegmentUse {
    let use = this.uses.get(segment);
    if (!use) this.uses.set(segment, (use = { records: 0, live: new Set() }));
    return use;
  }

  private async tidyPass(): Promise<void> {
    if (this.files.activeSize >= this.options.segmentBytes) await this.writeIndex(await this.files.rotate());
    for (const [segment, use] of [...this.uses]) {
      if (segment === this.files.active) continue;
      // A quarter still live: copying it forward frees three times what it writes.
      if (use.live.size > 0 && use.live.size * 4 <= use.records) await this.copyForward(use);
      if (use.live.size === 0) {
        await removeIndexFile(this.fileOf(segment));
        await this.files.remove(segment);
        this.uses.delete(segment);
      }
    }
  }

  /** Moves the live records of a sparse segment to the active one; each entry's place is updated. */
  private async copyForward(use: SegmentUse): Promise<void> {
    const entries = [...use.live];
    for (let start = 0; start < entries.length; start += COPY_GROUP) {
      const group: Placed[] = [];
      const lines: Buffer[] = [];
      for (const entry of entries.slice(start, start + COPY_GROUP)) {
        const line = await this.readLine(entry);
        // A damaged line stays where it is (its segment is kept), and is reported when it is read.
        if (typeof line === 'string') return;
        group.push(entry);
        lines.push(line);
      }
      let end = 0;
      const ends = lines.map((line) => (end += line.length));
      const { places, written } = this.append(Buffer.concat(lines), ends);
      await written;
      group.forEach((entry, index) => {
        // Dropped or replaced while being copied: the copy is dead weight in the new segment.
        if (!use.live.delete(entry)) return;
        Object.assign(entry, places[index]!);
        this.track(entry);
      });
    }
  }

  /** The line at a place, newline included, or why it could not be read. */
  private async readLine(current: RecordPlace): Promise<Buffer | string> {
    // A compaction may move the entry while this reads: the place of the call is the one read.
    const place = { segment: current.segment, offset: current.offset, end: current.end };
    const file = this.files.fileOf(place.segment);
    if (file === undefined) return `segment ${place.segment} is no longer in the folder`;
    const handle = await open(file, 'r');
    try {
      let length = place.end > place.offset ? place.end - place.offset : FIRST_READ_BYTES;
      for (;;) {
        const buffer = Buffer.allocUnsafe(length);
        const { bytesRead } = await handle.read(buffer, 0, length, place.offset);
        const newline = buffer.subarray(0, bytesRead).indexOf(0x0a);
        if (newline >= 0) return buffer.subarray(0, newline + 1);
        if (bytesRead < length) return `the record at byte ${place.offset} is cut short`;
        length *= 4;
      }
    } finally {
      await handle.close();
    }
  }
}
