/**
 * @module The bus journal: every accepted event and the progress of its deliveries, in checksummed segment
 * files (engine/store/segments: one framed JSON record per line, torn tails and corruption told apart).
 *
 * Records: `{"t":"e","s":seq,"b":bus,"at":ms,"ev":event}` an accepted event,
 * `{"t":"r","s":seq,"k":[task...]}` the (rule/target) tasks it was routed to, `{"t":"a","s":seq,"k":task}` a
 * task finished (delivered, dead-lettered, dropped or ignored), `{"t":"n","s":seq,"k":task,"n":count}` the
 * attempts of a task that failed so far, `{"t":"w","s":seq,"k":task,"due":ms,"since":ms}` a task the target
 * asked to deliver again at `due` (no attempt counted). An event is settled once every routed task
 * is finished. On open, the unsettled events are read back and copied into a fresh segment, and the old
 * segments are deleted; while running, a closed segment is deleted once its events are settled, or its few
 * unsettled events are copied forward when that frees at least half of it.
 */
import type { BusEvent } from '../cloudevents/index.js';
import { SegmentFiles, type DamagedSegment } from '../../store/segments/index.js';
import { attemptsLine, deferralLine, doneLine, eventLine, routingLine } from './journal-records.js';

/** The kind named in the header of every bus journal segment. */
export const BUS_JOURNAL_KIND = 'bus-journal';

/** An accepted event as the journal numbers it. */
export interface JournaledEvent {
  seq: number;
  bus: string;
  event: BusEvent;
  acceptedAt: number;
}

/** How far an unfinished task had got: failed attempts, and the time the target asked to be tried again. */
export interface TaskProgress {
  failedAttempts?: number;
  dueAt?: number;
  /** When the target first asked to wait. */
  deferredAt?: number;
}

/** An unsettled event read back on open: the tasks still to do when it was routed, else none known. */
export interface ReplayedEvent extends JournaledEvent {
  /** Tasks routed and not finished; undefined when the event was never routed (match it again). */
  openTasks?: string[];
  /** What was recorded of the open tasks, by task key. */
  progress?: Record<string, TaskProgress>;
}

/** Damage found on open: segments read with damage now, and copies of corrupt ones kept from before. */
export interface JournalDamage {
  dir: string;
  damaged: readonly DamagedSegment[];
  keptAside: readonly string[];
}

export interface JournalOptions {
  /** fdatasync before an append resolves; default true. */
  sync?: boolean;
  /** A segment is closed once it is this large; default 8 MiB. */
  segmentBytes?: number;
}

interface LiveEvent extends JournaledEvent {
  segment: number;
  bytes: number;
  open?: Set<string>;
  done: Set<string>;
  progress?: Map<string, TaskProgress>;
}

interface SegmentStats {
  live: number;
  liveBytes: number;
  bytes: number;
}

const DEFAULT_SEGMENT_BYTES = 8 * 1024 * 1024;

/** The journal of one bus engine (all buses share it). */
export class BusJournal {
  private readonly live = new Map<number, LiveEvent>();
  /** Unsettled events of each bus. */
  private readonly unsettledByBus = new Map<string, number>();
  private readonly stats = new Map<number, SegmentStats>();
  private nextSeq = 1;
  private maintenance: Promise<void> = Promise.resolve();
  private rotating = false;

  private constructor(
    private readonly files: SegmentFiles,
    private readonly segmentBytes: number,
  ) {}

  /**
   * Opens the journal in `dir`, reads back every unsettled event and rewrites them into a fresh segment.
   *
   * @example
   * const { journal, pending } = await BusJournal.open('data/bus/journal');
   * for (const event of pending) redeliver(event);
   */
  static async open(
    dir: string,
    options: JournalOptions = {},
  ): Promise<{ journal: BusJournal; pending: ReplayedEvent[]; damage: JournalDamage }> {
    const files = await SegmentFiles.open(dir, { kind: BUS_JOURNAL_KIND, sync: options.sync ?? true });
    const journal = new BusJournal(files, options.segmentBytes ?? DEFAULT_SEGMENT_BYTES);
    await journal.replay();
    await files.start();
    const old = [...files.found];
    const pending = [...journal.live.values()];
    journal.stats.clear();
    journal.stats.set(files.active, { live: 0, liveBytes: 0, bytes: 0 });
    if (pending.length > 0) await journal.copyForward(pending);
    for (const segment of old) await files.remove(segment);
    const damage = { dir, damaged: files.damaged, keptAside: files.keptAside };
    return { journal, pending: pending.map(toReplayed), damage };
  }

  /** Events accepted and not settled. */
  get unsettled(): number {
    return this.live.size;
  }

  /** Events accepted on `bus` and not settled. */
  unsettledOn(bus: string): number {
    return this.unsettledByBus.get(bus) ?? 0;
  }

  private countBus(bus: string, change: number): void {
    const count = (this.unsettledByBus.get(bus) ?? 0) + change;
    if (count > 0) this.unsettledByBus.set(bus, count);
    else this.unsettledByBus.delete(bus);
  }

  /** Numbers the events and appends them; resolves when they are durable. */
  async recordEvents(entries: ReadonlyArray<Omit<JournaledEvent, 'seq'>>): Promise<JournaledEvent[]> {
    const recorded: JournaledEvent[] = [];
    const lines: Buffer[] = [];
    const segment = this.files.active;
    for (const entry of entries) {
      const seq = this.nextSeq++;
      const line = eventLine({ ...entry, seq });
      lines.push(line);
      const bytes = line.length;
      this.live.set(seq, { ...entry, seq, segment, bytes, done: new Set() });
      this.countBus(entry.bus, 1);
      this.addLive(segment, bytes);
      recorded.push({ ...entry, seq });
    }
    try {
      await this.files.append(lines);
    } catch (error) {
      for (const { seq } of recorded) this.settle(seq);
      throw error;
    }
    this.maybeRotate();
    return recorded;
  }

  /** Records the tasks an event was routed to; with none, the event is settled. */
  recordRouting(seq: number, tasks: readonly string[]): Promise<void> {
    const event = this.live.get(seq);
    if (!event) return Promise.resolve();
    event.open = new Set(tasks.filter((task) => !event.done.has(task)));
    const written = this.files.append([routingLine(seq, tasks)]);
    if (event.open.size === 0) this.settle(seq);
    return written;
  }

  /** Records that a task of an event is finished; the last one settles the event. */
  recordDone(seq: number, task: string): Promise<void> {
    const event = this.live.get(seq);
    if (!event) return Promise.resolve();
    event.done.add(task);
    event.open?.delete(task);
    const written = this.files.append([doneLine(seq, task)]);
    if (event.open?.size === 0) this.settle(seq);
    this.maybeRotate();
    return written;
  }

  /** Records how many attempts of a task failed so far (written with the next group, not awaited by callers). */
  recordFailedAttempts(seq: number, task: string, count: number): Promise<void> {
    const event = this.live.get(seq);
    if (!event) return Promise.resolve();
    progressOf(event, task).failedAttempts = count;
    return this.files.append([attemptsLine(seq, task, count)]);
  }

  /** Records that the target asked to deliver a task again at `dueAt`, waiting since `since`. */
  recordDeferral(seq: number, task: string, dueAt: number, since: number): Promise<void> {
    const event = this.live.get(seq);
    if (!event) return Promise.resolve();
    Object.assign(progressOf(event, task), { dueAt, deferredAt: since });
    return this.files.append([deferralLine(seq, task, dueAt, since)]);
  }

  /** Waits for pending appends and maintenance, then closes the files. */
  async close(): Promise<void> {
    await this.maintenance;
    await this.files.close();
  }

  private async replay(): Promise<void> {
    for await (const { segment, value } of this.files.readAll()) {
      const stats = this.stats.get(segment) ?? { live: 0, liveBytes: 0, bytes: 0 };
      this.stats.set(segment, stats);
      const record = value as Record<string, unknown> | null;
      if (typeof record !== 'object' || record === null || typeof record.s !== 'number') continue;
      const seq = record.s;
      this.nextSeq = Math.max(this.nextSeq, seq + 1);
      if (record.t === 'e' && typeof record.b === 'string' && typeof record.ev === 'object' && record.ev) {
        const previous = this.live.get(seq);
        const acceptedAt = typeof record.at === 'number' ? record.at : Date.now();
        const event = record.ev as BusEvent;
        const progress = {
          open: previous?.open,
          done: previous?.done ?? new Set<string>(),
          progress: previous?.progress,
        };
        this.live.set(seq, { seq, bus: record.b, event, acceptedAt, segment, bytes: 0, ...progress });
      } else if (record.t === 'r' && Array.isArray(record.k)) {
        const event = this.live.get(seq);
        if (event) event.open = new Set((record.k as string[]).filter((task) => !event.done.has(task)));
      } else if (record.t === 'a' && typeof record.k === 'string') {
        const event = this.live.get(seq);
        event?.done.add(record.k);
        event?.open?.delete(record.k);
      } else if (record.t === 'n' && typeof record.k === 'string' && typeof record.n === 'number') {
        const event = this.live.get(seq);
        if (event) progressOf(event, record.k).failedAttempts = record.n;
      } else if (record.t === 'w' && typeof record.k === 'string' && typeof record.due === 'number') {
        const event = this.live.get(seq);
        const since = typeof record.since === 'number' ? record.since : record.due;
        if (event) Object.assign(progressOf(event, record.k), { dueAt: record.due, deferredAt: since });
      }
    }
    for (const [seq, event] of this.live) if (event.open?.size === 0) this.live.delete(seq);
    for (const event of this.live.values()) this.countBus(event.bus, 1);
  }

  /** Appends the events (with their routing and finished tasks) to the active segment. */
  private async copyForward(events: LiveEvent[]): Promise<void> {
    const segment = this.files.active;
    const lines: Buffer[] = [];
    for (const event of events) {
      const line = eventLine(event);
      lines.push(line);
      const routed = event.open && [...event.open, ...event.done];
      if (routed) lines.push(routingLine(event.seq, routed));
      for (const task of event.done) lines.push(doneLine(event.seq, task));
      for (const [task, progress] of event.progress ?? []) {
        if (event.done.has(task)) continue;
        const { failedAttempts, dueAt, deferredAt } = progress;
        if (failedAttempts) lines.push(attemptsLine(event.seq, task, failedAttempts));
        if (dueAt !== undefined) lines.push(deferralLine(event.seq, task, dueAt, deferredAt ?? dueAt));
      }
      this.removeLive(event.segment, event.bytes);
      event.segment = segment;
      event.bytes = line.length;
      this.addLive(segment, event.bytes);
    }
    await this.files.append(lines);
  }

  private addLive(segment: number, bytes: number): void {
    const stats = this.stats.get(segment) ?? { live: 0, liveBytes: 0, bytes: 0 };
    stats.live += 1;
    stats.liveBytes += bytes;
    this.stats.set(segment, stats);
  }

  private removeLive(segment: number, bytes: number): void {
    const stats = this.stats.get(segment);
    if (!stats) return;
    stats.live -= 1;
    stats.liveBytes -= bytes;
  }

  private settle(seq: number): void {
    const event = this.live.get(seq);
    if (!event) return;
    this.live.delete(seq);
    this.countBus(event.bus, -1);
    this.removeLive(event.segment, event.bytes);
    const stats = this.stats.get(event.segment);
    if (stats && stats.live === 0 && event.segment !== this.files.active) {
      this.schedule(() => this.dropSegment(event.segment));
    }
  }

  private maybeRotate(): void {
    if (this.rotating || this.files.activeSize < this.segmentBytes) return;
    this.rotating = true;
    this.schedule(async () => {
      try {
        const size = this.files.activeSize;
        const closed = await this.files.rotate();
        const stats = this.stats.get(closed);
        if (stats) stats.bytes = size;
        await this.compact();
      } finally {
        this.rotating = false;
      }
    });
  }

  /** Deletes settled closed segments; copies the few live events of mostly-settled ones forward. */
  private async compact(): Promise<void> {
    for (const [segment, stats] of [...this.stats]) {
      if (segment === this.files.active) continue;
      if (stats.live > 0 && stats.liveBytes * 2 >= stats.bytes) continue;
      if (stats.live > 0) {
        await this.copyForward([...this.live.values()].filter((event) => event.segment === segment));
      }
      await this.dropSegment(segment);
    }
  }

  private async dropSegment(segment: number): Promise<void> {
    const stats = this.stats.get(segment);
    if (!stats || stats.live > 0 || segment === this.files.active) return;
    // The counters say it is empty; make sure before deleting what may be the only copy of an event.
    for (const event of this.live.values()) if (event.segment === segment) return;
    this.stats.delete(segment);
    await this.files.remove(segment);
  }

  private schedule(work: () => Promise<void>): void {
    this.maintenance = this.maintenance.then(work).catch(() => {
      // A failed deletion leaves a segment behind; the next open reads it again, which is safe.
    });
  }
}

function progressOf(event: LiveEvent, task: string): TaskProgress {
  event.progress ??= new Map();
  let progress = event.progress.get(task);
  if (!progress) event.progress.set(task, (progress = {}));
  return progress;
}

function toReplayed(event: LiveEvent): ReplayedEvent {
  const { seq, bus, acceptedAt } = event;
  const replayed: ReplayedEvent = { seq, bus, event: event.event, acceptedAt };
  if (event.open) replayed.openTasks = [...event.open];
  if (event.progress && event.progress.size > 0) replayed.progress = Object.fromEntries(event.progress);
  return replayed;
}
