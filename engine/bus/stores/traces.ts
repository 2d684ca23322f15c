/**
 * @module Delivery traces: for each recent event, the rules it matched and what happened at each target.
 * The newest events' traces (a bounded number) are kept in memory and, when opened on a folder, in a keyed
 * ledger (engine/store/segments) written within milliseconds of each change, so a trace read after a crash
 * and restart still shows the attempts made before it; a replayed event's trace carries on from there.
 */
import type { FlowError } from '../../core/errors.js';
import { KeyedLedger } from '../../store/segments/index.js';

export type TargetStatus =
  | 'pending'
  | 'scheduled'
  | 'retrying'
  | 'delivered'
  | 'dead-lettered'
  | 'dropped'
  | 'ignored';

/** What happened at one target of one rule. */
export interface TargetTrace {
  rule: string;
  target: string;
  type: string;
  status: TargetStatus;
  attempts: number;
  updatedAt: number;
  detail?: string;
  executionId?: string;
  error?: FlowError;
  deadLetterId?: string;
  /** When a `scheduled` delivery is due (the target said "not before"). */
  dueAt?: number;
}

/** The delivery trace of one accepted event. */
export interface EventTrace {
  eventId: string;
  bus: string;
  acceptedAt: number;
  /** The event was read back from the journal after a restart. */
  replayed: boolean;
  matchedRules: string[];
  targets: TargetTrace[];
}

/** How long a trace is kept on disk at most (the count bound usually comes first). */
const TRACE_RETENTION_MS = 7 * 24 * 3_600_000;

/** How long changed traces wait to be written together (a killed process loses at most this much). */
const TRACE_WRITE_DELAY_MS = 20;

const keyOf = (bus: string, eventId: string) => `${bus}\u0000${eventId}`;

/** The traces of the newest `limit` events, by journal sequence number and by event id. */
export class TraceStore {
  /** By bus and event id, oldest first. */
  private readonly traces = new Map<string, EventTrace>();
  /** The trace key of each journal sequence number routed since the store was opened. */
  private readonly keyOfSeq = new Map<number, string>();
  /** The newest trace key of each event id, whatever its bus. */
  private readonly newestKey = new Map<string, string>();
  /** Traces changed since the last write: written together, each once, a few milliseconds later. */
  private readonly dirty = new Set<string>();
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly limit: number,
    private readonly ledger?: KeyedLedger<EventTrace>,
  ) {
    if (!ledger) return;
    for (const [key, { value }] of ledger.list()) this.keep(key, value);
  }

  /**
   * Opens the traces kept in `dir` (a process kill loses none; a power loss may lose the newest changes).
   *
   * @example
   * const traces = await TraceStore.open('data/bus/traces', 10_000);
   */
  static async open(dir: string, limit: number): Promise<TraceStore> {
    const options = { kind: 'delivery-traces', retentionMs: TRACE_RETENTION_MS, maxEntries: limit, sync: false };
    return new TraceStore(limit, await KeyedLedger.open<EventTrace>(dir, options));
  }

  /** Segments of the trace folder read back with damage on open. */
  get damaged() {
    return this.ledger?.damaged ?? [];
  }

  /**
   * Starts the trace of an event once it is routed. A replayed event whose trace was kept keeps what its
   * targets did before the restart (error, detail); status, due time and attempts come from the journal.
   */
  start(seq: number, trace: EventTrace): void {
    const key = keyOf(trace.bus, trace.eventId);
    const before = trace.replayed ? this.traces.get(key) : undefined;
    if (before) {
      for (const target of trace.targets) {
        const known = before.targets.find((entry) => entry.rule === target.rule && entry.target === target.target);
        if (known) Object.assign(target, { ...known, ...pick(target, 'status', 'dueAt', 'attempts') });
      }
    }
    this.keyOfSeq.set(seq, key);
    this.keep(key, trace);
    this.persist(key);
  }

  /** Changes what is recorded for one target of one rule of an event. */
  update(seq: number, rule: string, target: string, change: Partial<TargetTrace>): void {
    const key = this.keyOfSeq.get(seq);
    const trace = key === undefined ? undefined : this.traces.get(key);
    const found = trace?.targets.find((entry) => entry.rule === rule && entry.target === target);
    if (!found) return;
    Object.assign(found, change);
    this.persist(key!);
  }

  /** The newest trace of an event id (on a bus when given). */
  get(eventId: string, bus?: string): EventTrace | undefined {
    const key = bus === undefined ? this.newestKey.get(eventId) : keyOf(bus, eventId);
    return key === undefined ? undefined : this.traces.get(key);
  }

  /** Writes the changed traces, waits for the pending writes and closes the folder. */
  async close(): Promise<void> {
    this.flush();
    await this.ledger?.close();
  }

  private keep(key: string, trace: EventTrace): void {
    this.traces.delete(key);
    this.traces.set(key, trace);
    this.newestKey.set(trace.eventId, key);
    while (this.traces.size > this.limit) {
      const [oldest, dropped] = this.traces.entries().next().value as [string, EventTrace];
      this.traces.delete(oldest);
      if (this.newestKey.get(dropped.eventId) === oldest) this.newestKey.delete(dropped.eventId);
    }
    // Sequence numbers of traces no longer kept: the oldest first, as they were routed.
    for (const [seq, seqKey] of this.keyOfSeq) {
      if (this.keyOfSeq.size <= this.limit && this.traces.has(seqKey)) break;
      this.keyOfSeq.delete(seq);
    }
  }

  private persist(key: string): void {
    if (!this.ledger) return;
    this.dirty.add(key);
    // The start, attempts and end of a delivery usually fall within one wait: one write instead of three.
    this.flushTimer ??= setTimeout(() => this.flush(), TRACE_WRITE_DELAY_MS).unref();
  }

  private flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    for (const key of this.dirty) {
      const trace = this.traces.get(key);
      // A lost trace write costs a trace line, never an event: the journal holds what delivery needs.
      if (trace) this.ledger?.set(key, trace).catch(() => undefined);
    }
    this.dirty.clear();
  }
}

function pick<Value extends object, Key extends keyof Value>(value: Value, ...keys: Key[]): Partial<Value> {
  const picked: Partial<Value> = {};
  for (const key of keys) if (value[key] !== undefined) picked[key] = value[key];
  return picked;
}
