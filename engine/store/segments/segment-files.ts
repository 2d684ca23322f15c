/**
 * @module The numbered segment files of one append-only log in a folder: a fresh segment on start, rolled
 * over at a size, read back in order with their damage handled (a torn tail cut off, a corrupt segment
 * copied aside before anything deletes it), and deleted once nothing in them is needed.
 */
import { copyFile, mkdir, open, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AppendFile, type AppendLine } from './append-file.js';
import { headerRecord } from './frame.js';
import { scanSegment, type SegmentDamage } from './scan-segment.js';

const DIGITS = 12;
const SEGMENT_NAME = /^(\d{12})\.(seg|jsonl)$/;
/** Where a damaged segment is copied: `<segment file>.corrupt-<time>`. */
export const CORRUPT_COPY = /\.corrupt-[0-9TZ-]+$/;

export interface SegmentFilesOptions {
  /** Names the log in every segment header; a segment of another kind is not read. */
  kind: string;
  /** fdatasync before an append resolves. */
  sync: boolean;
  now?: () => number;
}

/** A segment read back on open that held damage, and what was done about it. */
export interface DamagedSegment {
  file: string;
  segment: number;
  damages: SegmentDamage[];
  /** The copy kept aside (corruption): the original is read, then deleted like any other segment. */
  keptAs?: string;
  /** The length a torn tail was cut back to. */
  truncatedTo?: number;
}

/** One record read back. */
export interface ReadRecord {
  segment: number;
  offset: number;
  value: unknown;
}

/**
 * The segments of a folder. Appends go to a new segment started on open, so they never follow a line a
 * crash cut short, and a segment's first record is written only once the one before it is on disk: a torn
 * tail can only be in the newest segment that holds records.
 *
 * @example
 * const files = await SegmentFiles.open('data/bus/journal', { kind: 'bus-journal', sync: true });
 * for await (const { value } of files.readAll()) replay(value);
 * await files.start();
 */
export class SegmentFiles {
  private current!: AppendFile;
  private currentNumber = 0;
  private readonly damagedSegments: DamagedSegment[] = [];
  private existing: number[];

  private constructor(
    readonly dir: string,
    private readonly options: SegmentFilesOptions,
    private readonly names: Map<number, string>,
    /** The newest segment holding more than a header: only its tail may be torn by a crash. */
    private readonly newestWithRecords: number,
    /** Copies of damaged segments found in the folder on open. */
    readonly keptAside: readonly string[],
  ) {
    this.existing = [...names.keys()];
  }

  /** Opens the folder (creating it) and lists the segments already there; call `start` after reading them. */
  static async open(dir: string, options: SegmentFilesOptions): Promise<SegmentFiles> {
    await mkdir(dir, { recursive: true });
    const entries = await readdir(dir);
    const names = new Map<number, string>();
    for (const name of entries) {
      const digits = SEGMENT_NAME.exec(name)?.[1];
      if (digits !== undefined) names.set(Number(digits), name);
    }
    const sorted = new Map([...names].sort(([left], [right]) => left - right));
    const headerBytes = headerRecord(options.kind).length;
    let newest = 0;
    for (const [segment, name] of sorted) {
      if ((await stat(join(dir, name))).size > headerBytes) newest = segment;
    }
    const kept = entries.filter((name) => CORRUPT_COPY.test(name)).sort();
    return new SegmentFiles(dir, options, sorted, newest, kept);
  }

  /** The segments found on open, oldest first. */
  get found(): readonly number[] {
    return this.existing;
  }

  /** The path of a segment's file, while it is in the folder. */
  fileOf(segment: number): string | undefined {
    const name = this.names.get(segment);
    return name === undefined ? undefined : join(this.dir, name);
  }

  /** The segments read back with damage (filled by `readAll`). */
  get damaged(): readonly DamagedSegment[] {
    return this.damagedSegments;
  }

  /**
   * Every intact record of the segments found on open, in order; damage is handled and listed first. A
   * segment for which `skip` answers true is not read (its owner knows what is in it from elsewhere).
   */
  async *readAll(skip?: (segment: number) => boolean): AsyncGenerator<ReadRecord> {
    for (const segment of this.found) {
      if (skip?.(segment)) continue;
      const file = join(this.dir, this.names.get(segment)!);
      const bytes = await readFile(file);
      const newest = segment >= this.newestWithRecords;
      const scan = scanSegment(bytes, { kind: this.options.kind, newest });
      if (scan.damages.length > 0) this.damagedSegments.push(await this.handleDamage(file, segment, scan));
      for (const { offset, value } of scan.records) yield { segment, offset, value };
    }
  }

  /** Opens a fresh segment after the ones found. */
  async start(): Promise<void> {
    const next = (this.found.at(-1) ?? 0) + 1;
    this.current = await this.create(next);
    this.currentNumber = next;
  }

  /** The number of the segment appends go to. */
  get active(): number {
    return this.currentNumber;
  }

  /** Bytes in the active segment. */
  get activeSize(): number {
    return this.current.size;
  }

  /** Appends lines to the active segment; resolves when they are durable. */
  append(lines: readonly AppendLine[]): Promise<void> {
    return this.current.append(lines);
  }

  /** Closes the active segment (after its pending writes) and starts the next; answers the closed number. */
  async rotate(): Promise<number> {
    const next = this.currentNumber + 1;
    const file = await this.create(next);
    const previous = this.current;
    const closed = this.currentNumber;
    this.current = file;
    this.currentNumber = next;
    const previousClosed = previous.close();
    file.holdUntil(previousClosed);
    await previousClosed;
    return closed;
  }

  /** Deletes a segment that is no longer active. */
  async remove(segment: number): Promise<void> {
    if (segment === this.currentNumber) throw new Error(`segment ${segment} is active`);
    const name = this.names.get(segment);
    if (name === undefined) return;
    await unlink(join(this.dir, name)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    this.names.delete(segment);
    this.existing = this.existing.filter((number) => number !== segment);
  }

  async close(): Promise<void> {
    await this.current?.close();
  }

  /** A new segment, its header on disk, its name in the folder on disk. */
  private async create(segment: number): Promise<AppendFile> {
    const name = `${String(segment).padStart(DIGITS, '0')}.seg`;
    const file = await AppendFile.open(join(this.dir, name), { sync: this.options.sync });
    await file.append([headerRecord(this.options.kind)]);
    if (this.options.sync) await syncDirectory(this.dir);
    this.names.set(segment, name);
    return file;
  }

  /** Corruption: a copy is kept aside. A torn tail: the file is cut back to its last whole record. */
  private async handleDamage(
    file: string,
    segment: number,
    scan: ReturnType<typeof scanSegment>,
  ): Promise<DamagedSegment> {
    const damaged: DamagedSegment = { file, segment, damages: scan.damages };
    if (scan.damages.some((damage) => damage.kind === 'corrupt')) {
      const stamp = new Date((this.options.now ?? Date.now)()).toISOString().replace(/[:.]/g, '-');
      damaged.keptAs = `${file}.corrupt-${stamp}`;
      await copyFile(file, damaged.keptAs);
      await syncFile(damaged.keptAs, 'r');
      await syncDirectory(this.dir);
    }
    if (scan.intactBytes < (await stat(file)).size) {
      await syncFile(file, 'r+', scan.intactBytes);
      damaged.truncatedTo = scan.intactBytes;
    }
    return damaged;
  }
}

async function syncFile(path: string, flags: 'r' | 'r+', truncateTo?: number): Promise<void> {
  const handle = await open(path, flags);
  try {
    if (truncateTo !== undefined) await handle.truncate(truncateTo);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/** Makes a file created or renamed in `dir` survive a power loss; not every file system allows it. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}
