/**
 * @module The execution history: records appended to checksummed segments (a write costs the same with ten
 * records or a million), an in-memory index rebuilt by reading the segments on open, retention by count and
 * age per flow that deletes whole segments, and damaged records reported, never skipped in silence.
 */
import { FlowbusError } from '../../core/errors.js';
import { framedLength, frameRecordInto, type DamagedSegment } from '../segments/index.js';
import type { ExecutionQuery, ExecutionSummary, RetentionPolicy, StoredExecution } from '../types.js';
import { HistoryIndex, indexEntry, type IndexEntry, type RecordPlace } from './history-index.js';
import { HistorySegments, type KeptSegment } from './history-segments.js';
import { executionRecordProblem } from './record-check.js';

export interface ExecutionHistoryOptions {
  /** The folder of the segments. */
  dir: string;
  retention: RetentionPolicy;
  /** Records wait at most this long, so a burst of executions is one write and one sync; 0 writes at once. */
  flushIntervalMs: number;
  /** fdatasync before a flush resolves; default true. */
  sync?: boolean;
  /** A segment is closed once it is this large; default 8 MiB. */
  segmentBytes?: number;
  /** Called when a write fails; the records stay in memory and the next flush retries. */
  onWriteError?: (error: Error) => void;
  /** Called when a record read later turns out damaged (it is kept in its segment, and a copy aside). */
  onDamage?: (damage: RecordDamage) => void;
  now?: () => number;
}

/** A record that could not be used: where it is and why. */
export interface RecordDamage {
  file: string;
  offset: number;
  reason: string;
  /** The copy of its segment kept aside. */
  keptAs?: string;
}

/** What opening found: segments read with damage, copies kept from before, and unusable records. */
export interface HistoryDamage {
  dir: string;
  damaged: readonly DamagedSegment[];
  keptAside: readonly string[];
  records: RecordDamage[];
}

const DEFAULT_SEGMENT_BYTES = 8 * 1024 * 1024;
/** Records are framed into one reused buffer of about this size, written in as many appends as it takes. */
const WRITE_BUFFER_BYTES = 8 * 1024 * 1024;

/** The history; `add` is synchronous and cheap, the record is framed and written at the next flush. */
export class ExecutionHistory {
  private readonly index = new HistoryIndex();
  /** Records added and not written yet (or being written), served from memory meanwhile. */
  private readonly unwritten = new Map<IndexEntry, StoredExecution>();
  private queued: IndexEntry[] = [];
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly now: () => number;
  private segments!: HistorySegments;
  /**
   * One buffer reused by every write: a buffer per record would be memory outside the heap that only a full
   * collection frees, and full collections cost the size of the index, which would make a write cost more
   * as the history grows.
   */
  private writeBuffer = Buffer.allocUnsafe(WRITE_BUFFER_BYTES);
  private writing: Promise<void> = Promise.resolve();

  private constructor(private readonly options: ExecutionHistoryOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * Opens the history in `options.dir`, reading every segment back into the index.
   *
   * @example
   * const { history, damage } = await ExecutionHistory.open({ dir: 'data/history', retention, flushIntervalMs: 1000 });
   */
  static async open(options: ExecutionHistoryOptions): Promise<{ history: ExecutionHistory; damage: HistoryDamage }> {
    const history = new ExecutionHistory(options);
    const invalid: Array<{ place: RecordPlace; reason: string }> = [];
    const read: IndexEntry[] = [];
    const segmentOptions = {
      sync: options.sync ?? true,
      segmentBytes: options.segmentBytes ?? DEFAULT_SEGMENT_BYTES,
      now: options.now,
    };
    const opened = await HistorySegments.open(options.dir, segmentOptions, ({ value, place }) => {
      const problem = executionRecordProblem(value);
      if (problem) {
        invalid.push({ place, reason: problem });
        return;
      }
      const entry = Object.assign(indexEntry(value as StoredExecution), place);
      // A later copy of the same id (a compaction cut short by a crash) replaces the earlier one.
      history.index.add(entry);
      read.push(entry);
    });
    history.segments = opened.segments;
    for (const entry of read) if (history.index.get(entry.id) === entry) history.segments.track(entry);
    read.length = 0;
    const records = await history.keepInvalidAside(invalid);
    history.dropExpired();
    await history.segments.indexReadSegments();
    await history.segments.tidy();
    const damage = { dir: options.dir, damaged: opened.damaged, keptAside: opened.keptAside, records };
    return { history, damage };
  }

  /** Executions in the history. */
  get size(): number {
    return this.index.size;
  }

  /** Adds a record; the flow's retention holds at once, the write happens at the next flush. */
  add(execution: StoredExecution): void {
    if (this.closed) throw new FlowbusError('STORE:CLOSED', 'the execution history is closed');
    const entry = indexEntry(execution);
    this.replaced(this.index.add(entry));
    this.unwritten.set(entry, execution);
    this.queued.push(entry);
    this.release(this.index.prune(this.options.retention, this.now(), execution.flowId));
    this.scheduleFlush();
  }

  /** Whether the history holds an execution of this id. */
  has(id: string): boolean {
    return this.index.get(id) !== undefined;
  }

  /** The full record; a damaged one is reported and answered as a `STORE:CORRUPT_RECORD` error. */
  async get(id: string): Promise<StoredExecution | undefined> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const entry = this.index.get(id);
      if (!entry) return undefined;
      const kept = this.unwritten.get(entry);
      if (kept) return kept;
      const place = { segment: entry.segment, offset: entry.offset, end: entry.end };
      const check = await this.segments.read(place);
      if (check.ok && (check.value as { id?: unknown }).id === id) return check.value as StoredExecution;
      // Moved forward by a compaction while it was read: read it again at its new place.
      if (entry.segment !== place.segment || this.index.get(id) !== entry) continue;
      const reason = check.ok ? `it holds another execution` : check.reason;
      await this.reportDamage(place, reason);
      const where = `${this.segments.fileOf(place.segment)} at byte ${place.offset}`;
      throw new FlowbusError('STORE:CORRUPT_RECORD', `execution "${id}": the record in ${where} is unusable (${reason})`);
    }
    return undefined;
  }

  list(query?: ExecutionQuery): ExecutionSummary[] {
    return this.index.query(query);
  }

  /** Adds records read from elsewhere (a migration) unless their id is already in the history. */
  import(executions: Iterable<StoredExecution>): number {
    let added = 0;
    for (const execution of executions) {
      if (this.has(execution.id)) continue;
      this.add(execution);
      added += 1;
    }
    return added;
  }

  /** Applies the age bound, writes what is pending, then lets the segments tidy up. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.dropExpired();
    const entries = this.queued.filter((entry) => this.unwritten.has(entry));
    this.queued = [];
    if (entries.length > 0) await this.write(entries);
    await this.segments.tidy();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
    await this.segments.close();
  }

  /** Writes the records of `entries`, one write at a time (they share the write buffer). */
  private write(entries: IndexEntry[]): Promise<void> {
    const done = this.writing.then(() => this.writeInGroups(entries));
    this.writing = done.catch(() => undefined);
    return done;
  }

  private async writeInGroups(entries: IndexEntry[]): Promise<void> {
    let next = 0;
    while (next < entries.length) {
      const group: IndexEntry[] = [];
      const ends: number[] = [];
      let used = 0;
      for (; next < entries.length; next++) {
        const execution = this.unwritten.get(entries[next]!);
        // Dropped by retention (or recorded again) since it was queued: nothing to write.
        if (!execution) continue;
        const json = JSON.stringify(execution);
        const length = framedLength(json);
        if (used + length > this.writeBuffer.length) {
          if (used > 0) break;
          this.writeBuffer = Buffer.allocUnsafe(length);
        }
        used = frameRecordInto(json, this.writeBuffer, used);
        ends.push(used);
        group.push(entries[next]!);
      }
      try {
        if (group.length > 0) await this.writeGroup(group, this.writeBuffer.subarray(0, used), ends);
      } catch (error) {
        // The groups not tried yet wait for the next flush, as the failed one does.
        this.queued.push(...entries.slice(next).filter((entry) => this.unwritten.has(entry)));
        throw error;
      }
    }
    if (this.writeBuffer.length > WRITE_BUFFER_BYTES) this.writeBuffer = Buffer.allocUnsafe(WRITE_BUFFER_BYTES);
  }

  private async writeGroup(entries: IndexEntry[], data: Buffer, ends: number[]): Promise<void> {
    const { places, written } = this.segments.append(data, ends);
    entries.forEach((entry, index) => Object.assign(entry, places[index]!));
    for (const entry of entries) this.segments.track(entry);
    try {
      await written;
    } catch (error) {
      for (const entry of entries) {
        this.segments.untrack(entry);
        Object.assign(entry, { segment: 0, offset: 0, end: 0 });
        if (this.unwritten.has(entry)) this.queued.push(entry);
      }
      this.options.onWriteError?.(error as Error);
      throw error;
    }
    for (const entry of entries) this.unwritten.delete(entry);
  }

  private dropExpired(): void {
    this.release(this.index.prune(this.options.retention, this.now()));
  }

  private replaced(entry: IndexEntry | undefined): void {
    if (entry) this.release([entry]);
  }

  private release(entries: IndexEntry[]): void {
    for (const entry of entries) {
      this.unwritten.delete(entry);
      this.segments.untrack(entry);
    }
  }

  private scheduleFlush(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.flush().catch(() => {});
    }, this.options.flushIntervalMs);
  }

  private async keepInvalidAside(invalid: Array<{ place: RecordPlace; reason: string }>): Promise<RecordDamage[]> {
    const kept = new Map<number, KeptSegment>();
    const records: RecordDamage[] = [];
    for (const { place, reason } of invalid) {
      if (!kept.has(place.segment)) kept.set(place.segment, await this.segments.keepAside(place.segment));
      const { file, keptAs } = kept.get(place.segment)!;
      records.push({ file, offset: place.offset, reason, keptAs });
    }
    return records;
  }

  private async reportDamage(place: RecordPlace, reason: string): Promise<void> {
    const kept = await this.segments.keepAside(place.segment).catch(() => undefined);
    const damage: RecordDamage = { file: this.segments.fileOf(place.segment), offset: place.offset, reason };
    if (kept) damage.keptAs = kept.keptAs;
    this.options.onDamage?.(damage);
  }
}
