/**
 * @module Delivery traces: for each recent event, the rules it matched and what happened at each target.
 * Kept in memory for the newest events (a bounded number), each with the event itself while the bodies kept
 * stay within a byte budget; the journal keeps what delivery needs. Opened on a folder, the traces (without
 * the bodies) are also kept in a keyed ledger (engine/store/segments), written within milliseconds of each
 * change, so a trace read after a crash and restart still shows what happened before it; a replayed event's
 * trace carries on from there.
 */
import type { FlowError } from '../../core/errors.js';
import { structuredText, type BusEvent } from '../cloudevents/index.js';
import { KeyedLedger } from '../../store/segments/index.js';

export type TargetStatus =
  | 'pending'
  | 'scheduled'
  | 'retrying'
  | 'delivered'
  | 'dead-lettered'
  | 'dropped'
  | 'ignored';

/** One attempt at a target: when it ended and how (a re-drive of its dead letter is an attempt too). */
export interface AttemptTrace {
  attempt: number;
  at: number;
  outcome: 'failed' | 'delivered' | 'redriven';
  error?: FlowError;
  /** How long the next attempt waited, for a failed attempt that was retried. */
  retryInMs?: number;
}

/** Attempts kept per target: the first ones and the newest ones, so a long retry series stays bounded. */
export const MAX_ATTEMPTS_TRACED = 12;

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
  /** The attempts, oldest first (at most {@link MAX_ATTEMPTS_TRACED}: the middle of a long series is left out). */
  attemptLog?: AttemptTrace[];
  /** When a `scheduled` delivery is due (the target said "not before"). */
  dueAt?: number;
}

/** The delivery trace of one accepted event. */
export interface EventTrace {
  eventId: string;
  bus: string;
  acceptedAt: number;
  /** The event's context attributes that searches filter on. */
  source: string;
  type: string;
  subject?: string;
  /** The event in structured JSON form; dropped (the summary stays) once newer bodies fill the budget. */
  event?: Record<string, unknown>;
  /** The event was read back from the journal after a restart. */
  replayed: boolean;
  matchedRules: string[];
  targets: TargetTrace[];
}

/** What `list` filters on; every given filter must hold. */
export interface TraceQuery {
  bus?: string;
  source?: string;
  type?: string;
  subject?: string;
  /** A rule the event matched. */
  rule?: string;
  /** A target of the event ended (or stands) in this status. */
  status?: TargetStatus;
  /** Accepted at or after (ms since the epoch). */
  from?: number;
  /** Accepted at or before. */
  to?: number;
  limit?: number;
  offset?: number;
}

/** Event bodies kept with the traces by default, in characters of their JSON text. */
export const DEFAULT_TRACE_EVENT_BUDGET = 32 * 1024 * 1024;

/** How long a trace is kept on disk at most (the count bound usually comes first). */
const TRACE_RETENTION_MS = 7 * 24 * 3_600_000;

/** How long changed traces wait to be written together (a killed process loses at most this much). */
const TRACE_WRITE_DELAY_MS = 20;

const keyOf = (trace: Pick<EventTrace, 'bus' | 'eventId'>) => `${trace.bus}\u0000${trace.eventId}`;

/** The traces of the newest `limit` events, by journal sequence number and by event id. */
export class TraceStore {
  private readonly bySeq = new Map<number, EventTrace>();
  private readonly byEventId = new Map<string, number>();
  /** Sizes of the bodies kept, oldest first. */
  private readonly bodies = new Map<number, number>();
  private bodyChars = 0;
  /** Traces read back from the folder get negative numbers: the journal numbers events from 1 again. */
  private nextRestoredSeq = -1;
  /** Traces changed since the last write: written together, each once, a few milliseconds later. */
  private readonly dirty = new Set<number>();
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly limit: number,
    private readonly eventBudget = DEFAULT_TRACE_EVENT_BUDGET,
    private readonly ledger?: KeyedLedger<EventTrace>,
  ) {
    if (!ledger) return;
    for (const [, { value }] of ledger.list()) this.index(this.nextRestoredSeq--, value);
  }

  /**
   * Opens the traces kept in `dir` (a process kill loses none; a power loss may lose the newest changes).
   *
   * @example
   * const traces = await TraceStore.open('data/bus/traces', 10_000);
   */
  static async open(dir: string, limit: number, eventBudget?: number): Promise<TraceStore> {
    const options = { kind: 'delivery-traces', retentionMs: TRACE_RETENTION_MS, maxEntries: limit, sync: false };
    return new TraceStore(limit, eventBudget, await KeyedLedger.open<EventTrace>(dir, options));
  }

  /** Segments of the trace folder read back with damage on open. */
  get damaged() {
    return this.ledger?.damaged ?? [];
  }

  /**
   * Starts the trace of an event once it is routed. A replayed event whose trace was kept keeps what its
   * targets did before the restart (error, detail, attempt log); status, due time and attempts come from
   * the journal.
   */
  start(seq: number, trace: EventTrace): void {
    const beforeSeq = trace.replayed ? this.byEventId.get(keyOf(trace)) : undefined;
    const before = beforeSeq === undefined ? undefined : this.bySeq.get(beforeSeq);
    if (before && beforeSeq !== seq) {
      for (const target of trace.targets) {
        const known = before.targets.find((entry) => entry.rule === target.rule && entry.target === target.target);
        if (known) Object.assign(target, { ...known, ...pick(target, 'status', 'dueAt', 'attempts') });
      }
      this.bySeq.delete(beforeSeq!);
      this.dropBody(beforeSeq!);
    }
    this.index(seq, trace);
    this.persist(seq);
  }

  /** Writes the changed traces, waits for the pending writes and closes the folder. */
  async close(): Promise<void> {
    this.flush();
    await this.ledger?.close();
  }

  private index(seq: number, trace: EventTrace): void {
    this.bySeq.set(seq, trace);
    this.byEventId.set(`${trace.bus}\u0000${trace.eventId}`, seq);
    this.byEventId.set(trace.eventId, seq);
    if (trace.event) this.keepBody(seq, trace.event);
    while (this.bySeq.size > this.limit) {
      const [oldest, dropped] = this.bySeq.entries().next().value as [number, EventTrace];
      this.bySeq.delete(oldest);
      this.dropBody(oldest);
      for (const key of [dropped.eventId, `${dropped.bus}\u0000${dropped.eventId}`]) {
        if (this.byEventId.get(key) === oldest) this.byEventId.delete(key);
      }
    }
  }

  /** Traces matching the query, newest first, with the total before paging. */
  list(query: TraceQuery = {}): { total: number; items: EventTrace[] } {
    const all = [...this.bySeq.values()];
    const matching: EventTrace[] = [];
    for (let index = all.length - 1; index >= 0; index--) {
      if (traceMatches(all[index]!, query)) matching.push(all[index]!);
    }
    const offset = query.offset ?? 0;
    return { total: matching.length, items: matching.slice(offset, offset + (query.limit ?? 20)) };
  }

  /** Changes what is recorded for one target of one rule of an event, and adds the attempt that ended. */
  update(seq: number, rule: string, target: string, change: Partial<TargetTrace>, attempt?: AttemptTrace): void {
    const targets = this.bySeq.get(seq)?.targets;
    const found = targets?.find((entry) => entry.rule === rule && entry.target === target);
    if (!found) return;
    Object.assign(found, change);
    if (attempt) found.attemptLog = keepAttempt(found.attemptLog ?? [], attempt);
    this.persist(seq);
  }

  /** {@link update} for the newest trace of an event id on a bus (a re-drive knows no sequence number). */
  updateEvent(
    eventId: string,
    bus: string,
    rule: string,
    target: string,
    change: Partial<TargetTrace>,
    attempt?: AttemptTrace,
  ): void {
    const seq = this.byEventId.get(`${bus}\u0000${eventId}`);
    if (seq !== undefined) this.update(seq, rule, target, change, attempt);
  }

  /** The newest trace of an event id (on a bus when given). */
  get(eventId: string, bus?: string): EventTrace | undefined {
    const seq = this.byEventId.get(bus === undefined ? eventId : `${bus}\u0000${eventId}`);
    return seq === undefined ? undefined : this.bySeq.get(seq);
  }

  private persist(seq: number): void {
    if (!this.ledger) return;
    this.dirty.add(seq);
    // The start, attempts and end of a delivery usually fall within one wait: one write instead of three.
    this.flushTimer ??= setTimeout(() => this.flush(), TRACE_WRITE_DELAY_MS).unref();
  }

  private flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    for (const seq of this.dirty) {
      const trace = this.bySeq.get(seq);
      if (!trace) continue;
      // Without the body: the disk keeps what happened, the bounded memory budget keeps the bodies.
      const { event: _body, ...kept } = trace;
      // A lost trace write costs a trace line, never an event: the journal holds what delivery needs.
      this.ledger?.set(keyOf(trace), kept).catch(() => undefined);
    }
    this.dirty.clear();
  }

  private keepBody(seq: number, event: Record<string, unknown>): void {
    const size = structuredText(event as BusEvent).length;
    this.bodies.set(seq, size);
    this.bodyChars += size;
    while (this.bodyChars > this.eventBudget && this.bodies.size > 0) {
      this.dropBody(this.bodies.keys().next().value as number);
    }
  }

  private dropBody(seq: number): void {
    const size = this.bodies.get(seq);
    if (size === undefined) return;
    this.bodies.delete(seq);
    this.bodyChars -= size;
    const trace = this.bySeq.get(seq);
    if (trace) delete trace.event;
  }
}

/** Appends an attempt; past the bound the oldest of the newest half goes, the first half stays. */
function keepAttempt(log: AttemptTrace[], attempt: AttemptTrace): AttemptTrace[] {
  const next = [...log, attempt];
  if (next.length > MAX_ATTEMPTS_TRACED) next.splice(MAX_ATTEMPTS_TRACED / 2, 1);
  return next;
}

function traceMatches(trace: EventTrace, query: TraceQuery): boolean {
  if (query.from !== undefined && trace.acceptedAt < query.from) return false;
  if (query.to !== undefined && trace.acceptedAt > query.to) return false;
  if (query.rule !== undefined && !trace.matchedRules.includes(query.rule)) return false;
  if (query.status !== undefined && !trace.targets.some((target) => target.status === query.status)) return false;
  for (const field of ['bus', 'source', 'type', 'subject'] as const) {
    if (query[field] !== undefined && trace[field] !== query[field]) return false;
  }
  return true;
}

function pick<Value extends object, Key extends keyof Value>(value: Value, ...keys: Key[]): Partial<Value> {
  const picked: Partial<Value> = {};
  for (const key of keys) if (value[key] !== undefined) picked[key] = value[key];
  return picked;
}
