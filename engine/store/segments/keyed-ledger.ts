/**
 * @module A durable keyed ledger on segment files: the newest value of each key, kept for a retention
 * period and up to a number of entries (oldest dropped first). Each `set` appends one framed record
 * `{"k":key,"at":ms,"v":value}` (group-committed); opening reads the segments back, copies the live entries
 * into a fresh segment and deletes the old ones, and so does a rotation, so the folder holds about the live
 * entries and never grows with the number of writes.
 */
import type { DamagedSegment } from './segment-files.js';
import { SegmentFiles } from './segment-files.js';
import { frameRecord } from './frame.js';

export interface KeyedLedgerOptions {
  /** Names the ledger in every segment header (`sent-ledger`, `delivery-traces`). */
  kind: string;
  /** An entry older than this is forgotten. */
  retentionMs: number;
  /** At most this many entries are kept; the oldest go first. */
  maxEntries: number;
  /** fdatasync before `set` resolves; default true. False still survives a killed process, not a power loss. */
  sync?: boolean;
  /** The active segment is rolled over (and the live entries copied forward) past this size; default 4 MiB. */
  segmentBytes?: number;
  now?: () => number;
}

/** One entry: its value and when it was set. */
export interface LedgerEntry<Value> {
  value: Value;
  at: number;
}

interface LiveEntry<Value> extends LedgerEntry<Value> {
  bytes: number;
}

const DEFAULT_SEGMENT_BYTES = 4 * 1024 * 1024;

/**
 * The ledger of one folder.
 *
 * @example
 * const ledger = await KeyedLedger.open<number>('data/sent', { kind: 'sent-ledger', retentionMs: 864e5, maxEntries: 1e5 });
 * if (!ledger.has(key)) { await send(); await ledger.set(key, 1); }
 */
export class KeyedLedger<Value = unknown> {
  /** Insertion order is `at` order: a `set` moves its key to the end. */
  private readonly entries = new Map<string, LiveEntry<Value>>();
  private liveBytes = 0;
  private maintenance: Promise<void> = Promise.resolve();
  private rotating = false;
  private readonly now: () => number;
  private readonly segmentBytes: number;

  private constructor(
    private readonly files: SegmentFiles,
    private readonly options: KeyedLedgerOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.segmentBytes = options.segmentBytes ?? DEFAULT_SEGMENT_BYTES;
  }

  /** Opens (creating) the folder and reads the live entries back; damage is handled as segments do. */
  static async open<Value>(dir: string, options: KeyedLedgerOptions): Promise<KeyedLedger<Value>> {
    const { kind, now } = options;
    const files = await SegmentFiles.open(dir, { kind, sync: options.sync ?? true, now });
    const ledger = new KeyedLedger<Value>(files, options);
    for await (const { value } of files.readAll()) ledger.replay(value);
    ledger.expire();
    await files.start();
    const old = [...files.found];
    await ledger.copyForward();
    for (const segment of old) await files.remove(segment);
    return ledger;
  }

  /** Segments read back with damage on open (a torn tail is cut off, corruption copied aside). */
  get damaged(): readonly DamagedSegment[] {
    return this.files.damaged;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The live entry of a key, if it is within the retention period. */
  get(key: string): LedgerEntry<Value> | undefined {
    const entry = this.entries.get(key);
    if (!entry || this.now() - entry.at > this.options.retentionMs) return undefined;
    return { value: entry.value, at: entry.at };
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Every live entry, oldest first. */
  *list(): Iterable<[string, LedgerEntry<Value>]> {
    const now = this.now();
    for (const [key, { value, at }] of this.entries) {
      if (now - at <= this.options.retentionMs) yield [key, { value, at }];
    }
  }

  /** Records the value of a key; resolves once it is written (and synced). */
  set(key: string, value: Value): Promise<void> {
    const at = this.now();
    const line = frameRecord(JSON.stringify({ k: key, at, v: value }));
    this.keep(key, { value, at, bytes: line.length });
    this.expire();
    const written = this.files.append([line]);
    this.maybeRotate();
    return written;
  }

  /** Waits for pending writes and maintenance, then closes the files. */
  async close(): Promise<void> {
    await this.maintenance;
    await this.files.close();
  }

  private replay(record: unknown): void {
    if (typeof record !== 'object' || record === null) return;
    const { k: key, at, v: value } = record as { k?: unknown; at?: unknown; v?: unknown };
    if (typeof key !== 'string' || typeof at !== 'number') return;
    const bytes = Buffer.byteLength(JSON.stringify(record)) + 10;
    this.keep(key, { value: value as Value, at, bytes });
  }

  private keep(key: string, entry: LiveEntry<Value>): void {
    const previous = this.entries.get(key);
    if (previous) {
      this.liveBytes -= previous.bytes;
      this.entries.delete(key);
    }
    this.entries.set(key, entry);
    this.liveBytes += entry.bytes;
  }

  /** Drops entries past the retention period or the entry bound, oldest first. */
  private expire(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      const tooMany = this.entries.size > this.options.maxEntries;
      if (!tooMany && now - entry.at <= this.options.retentionMs) break;
      this.entries.delete(key);
      this.liveBytes -= entry.bytes;
    }
  }

  /** Writes every live entry into the active segment. */
  private async copyForward(): Promise<void> {
    const lines: Buffer[] = [];
    for (const [key, { value, at }] of this.entries) {
      lines.push(frameRecord(JSON.stringify({ k: key, at, v: value })));
    }
    if (lines.length > 0) await this.files.append(lines);
  }

  /** Past its size (and twice what is live, so live entries alone never make it roll over again at once). */
  private maybeRotate(): void {
    const bound = Math.max(this.segmentBytes, 2 * this.liveBytes);
    if (this.rotating || this.files.activeSize < bound) return;
    this.rotating = true;
    this.maintenance = this.maintenance
      .then(async () => {
        const closed = await this.files.rotate();
        this.expire();
        await this.copyForward();
        // The live entries are durable in the new segment before the only other copy goes.
        await this.files.remove(closed);
      })
      .catch(() => {
        // A segment left behind is read again on the next open, which is safe: the newest value wins.
      })
      .finally(() => {
        this.rotating = false;
      });
  }
}
