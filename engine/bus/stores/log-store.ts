/**
 * @module The log store: events delivered to `log-store` targets (or stored by their bus), kept for a
 * retention period in one JSON-lines file per UTC day, and searched newest first.
 */
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { toStructuredJson } from '../cloudevents/index.js';
import { AppendFile } from '../../store/segments/append-file.js';
import type { DeliveryItem, LogStoreWriter } from '../types.js';
import { readJsonLines } from './json-lines.js';

/** One stored event. */
export interface LogEntry {
  /** The time the bus accepted the event (ms); what searches filter and sort on. */
  time: number;
  bus: string;
  /** The rules that sent the event here. */
  rules: string[];
  eventId: string;
  source: string;
  type: string;
  subject?: string;
  region?: string;
  status?: string;
  /** The event in structured JSON form. */
  event: Record<string, unknown>;
}

export interface LogSearch {
  /** The event's id. */
  eventId?: string;
  from?: number;
  to?: number;
  bus?: string;
  source?: string;
  type?: string;
  subject?: string;
  status?: string;
  rule?: string;
  limit?: number;
  offset?: number;
}

export interface LogStoreOptions {
  retentionMs: number;
  /** Entries kept in memory for search; the oldest go first. */
  maxEntries: number;
  sync: boolean;
  now: () => number;
}

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The store; `open` reads back the days within the retention. */
export class LogStore implements LogStoreWriter {
  private readonly entries: LogEntry[] = [];
  private readonly byKey = new Map<string, LogEntry>();
  private file: Promise<AppendFile> | undefined;
  private fileDay = '';

  private constructor(
    private readonly dir: string,
    private readonly options: LogStoreOptions,
  ) {}

  static async open(dir: string, options: LogStoreOptions): Promise<LogStore> {
    await mkdir(dir, { recursive: true });
    const store = new LogStore(dir, options);
    await store.dropExpiredFiles();
    for (const day of await store.days()) {
      const records = await readJsonLines(join(dir, `${day}.jsonl`));
      for (const record of records) store.remember(record as unknown as LogEntry);
    }
    store.trim();
    return store;
  }

  get size(): number {
    return this.entries.length;
  }

  /** Stores delivered events; resolves when they are durable. */
  async append(items: readonly DeliveryItem[]): Promise<void> {
    if (items.length === 0) return;
    const entries = items.map(toEntry);
    for (const entry of entries) this.remember(entry);
    this.trim();
    const file = await this.fileFor(this.options.now());
    await file.append(entries.map((entry) => `${JSON.stringify(entry)}\n`));
  }

  /** Entries matching every given filter, newest first, with the total before paging. */
  search(query: LogSearch = {}): { total: number; items: LogEntry[] } {
    const matching: LogEntry[] = [];
    for (let index = this.entries.length - 1; index >= 0; index--) {
      const entry = this.entries[index]!;
      if (matches(entry, query)) matching.push(entry);
    }
    const offset = query.offset ?? 0;
    return { total: matching.length, items: matching.slice(offset, offset + (query.limit ?? 20)) };
  }

  /** Drops entries and day files past the retention. */
  async expire(): Promise<void> {
    const oldest = this.options.now() - this.options.retentionMs;
    let drop = 0;
    while (drop < this.entries.length && this.entries[drop]!.time < oldest) drop++;
    for (const entry of this.entries.splice(0, drop)) this.byKey.delete(keyOf(entry));
    await this.dropExpiredFiles();
  }

  async close(): Promise<void> {
    await (await this.file)?.close();
  }

  private remember(entry: LogEntry): void {
    const key = keyOf(entry);
    const known = this.byKey.get(key);
    if (known) {
      for (const rule of entry.rules) if (!known.rules.includes(rule)) known.rules.push(rule);
      return;
    }
    this.byKey.set(key, entry);
    // Entries arrive almost in time order: append, or insert after the last entry not newer.
    let index = this.entries.length;
    while (index > 0 && this.entries[index - 1]!.time > entry.time) index--;
    this.entries.splice(index, 0, entry);
  }

  private trim(): void {
    // Past the limit a twentieth more goes at once: a full store does not shift its array on every append.
    const over = this.entries.length - this.options.maxEntries;
    const excess = over > 0 ? over + Math.floor(this.options.maxEntries / 20) : 0;
    if (excess > 0) for (const entry of this.entries.splice(0, excess)) this.byKey.delete(keyOf(entry));
  }

  private fileFor(now: number): Promise<AppendFile> {
    const day = new Date(now).toISOString().slice(0, 10);
    if (this.file && this.fileDay === day) return this.file;
    const previous = this.file;
    this.fileDay = day;
    // One open per day, shared by concurrent appends; the day before closes once its late appends are in.
    this.file = AppendFile.open(join(this.dir, `${day}.jsonl`), { sync: this.options.sync });
    const closePrevious = () => void previous?.then((file) => file.close()).catch(() => undefined);
    const closeLater = setTimeout(closePrevious, 5000);
    closeLater.unref();
    return this.file;
  }

  private async days(): Promise<string[]> {
    const names = await readdir(this.dir);
    const days = names.map((name) => DAY_FILE.exec(name)?.[1]);
    return days.filter((day): day is string => day !== undefined).sort();
  }

  private async dropExpiredFiles(): Promise<void> {
    const oldest = this.options.now() - this.options.retentionMs - DAY_MS;
    const oldestDay = new Date(oldest).toISOString().slice(0, 10);
    for (const day of await this.days()) {
      if (day >= oldestDay || day === this.fileDay) continue;
      await unlink(join(this.dir, `${day}.jsonl`)).catch(() => undefined);
    }
  }
}

function toEntry(item: DeliveryItem): LogEntry {
  const { event } = item;
  const entry: LogEntry = {
    time: item.acceptedAt,
    bus: item.bus,
    rules: item.rule.startsWith('$') ? [] : [item.rule],
    eventId: event.id,
    source: event.source,
    type: event.type,
    event: toStructuredJson(event),
  };
  if (typeof event.subject === 'string') entry.subject = event.subject;
  if (typeof event.region === 'string') entry.region = event.region;
  if (typeof event.status === 'string') entry.status = event.status;
  return entry;
}

function keyOf(entry: LogEntry): string {
  return `${entry.bus}\u0000${entry.eventId}\u0000${entry.time}`;
}

function matches(entry: LogEntry, query: LogSearch): boolean {
  if (query.from !== undefined && entry.time < query.from) return false;
  if (query.to !== undefined && entry.time > query.to) return false;
  if (query.rule !== undefined && !entry.rules.includes(query.rule)) return false;
  for (const field of ['eventId', 'bus', 'source', 'type', 'subject', 'status'] as const) {
    if (query[field] !== undefined && entry[field] !== query[field]) return false;
  }
  return true;
}
