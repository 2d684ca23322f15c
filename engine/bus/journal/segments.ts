/**
 * @module Segment files of the journal: numbered JSON-lines files, appended to one at a time, rolled over
 * at a size, read back in order on start and deleted once nothing in them is needed.
 */
import { createReadStream } from 'node:fs';
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { AppendFile } from './append-file.js';

const SEGMENT_NAME = /^(\d{12})\.jsonl$/;

function segmentName(segment: number): string {
  return `${String(segment).padStart(12, '0')}.jsonl`;
}

/** One line of a segment as read back: the parsed record, or undefined for a torn or corrupt line. */
export interface SegmentLine {
  segment: number;
  record: Record<string, unknown> | undefined;
}

/**
 * The numbered segment files of a folder. A new segment is started on open, so appends never follow a line
 * that a crash may have cut short.
 */
export class SegmentFiles {
  private current!: AppendFile;
  private currentNumber = 0;

  private constructor(
    readonly dir: string,
    private readonly sync: boolean,
    private existing: number[],
  ) {}

  /** Opens the folder (creating it) and lists the segments already there; call `start` after reading them. */
  static async open(dir: string, options: { sync: boolean }): Promise<SegmentFiles> {
    await mkdir(dir, { recursive: true });
    const numbers = (await readdir(dir))
      .map((name) => SEGMENT_NAME.exec(name)?.[1])
      .filter((digits): digits is string => digits !== undefined)
      .map(Number)
      .sort((left, right) => left - right);
    return new SegmentFiles(dir, options.sync, numbers);
  }

  /** The segments found on open, oldest first. */
  get found(): readonly number[] {
    return this.existing;
  }

  /** Every line of the segments found on open, in order. */
  async *readAll(): AsyncGenerator<SegmentLine> {
    for (const segment of this.existing) {
      const input = createReadStream(join(this.dir, segmentName(segment)));
      const lines = createInterface({ input, crlfDelay: Infinity });
      for await (const line of lines) {
        if (line.trim() === '') continue;
        yield { segment, record: parseRecord(line) };
      }
    }
  }

  /** Opens a fresh segment after the ones found. */
  async start(): Promise<void> {
    const next = (this.existing.at(-1) ?? 0) + 1;
    this.current = await AppendFile.open(join(this.dir, segmentName(next)), { sync: this.sync });
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
  append(lines: readonly string[]): Promise<void> {
    return this.current.append(lines);
  }

  /** Closes the active segment (after its pending writes) and starts the next; answers the closed number. */
  async rotate(): Promise<number> {
    const next = this.currentNumber + 1;
    const file = await AppendFile.open(join(this.dir, segmentName(next)), { sync: this.sync });
    const previous = this.current;
    const closed = this.currentNumber;
    this.current = file;
    this.currentNumber = next;
    await previous.close();
    return closed;
  }

  /** Deletes a segment that is no longer active. */
  async remove(segment: number): Promise<void> {
    if (segment === this.currentNumber) throw new Error(`segment ${segment} is active`);
    await unlink(join(this.dir, segmentName(segment))).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    this.existing = this.existing.filter((number) => number !== segment);
  }

  async close(): Promise<void> {
    await this.current?.close();
  }
}

function parseRecord(line: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(line) as unknown;
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
    return isObject ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
