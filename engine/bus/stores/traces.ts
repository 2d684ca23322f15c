/**
 * @module Delivery traces: for each recent event, the rules it matched and what happened at each target.
 * Kept in memory for the newest events (a bounded number); the journal keeps what delivery needs.
 */
import type { FlowError } from '../../core/errors.js';

export type TargetStatus = 'pending' | 'retrying' | 'delivered' | 'dead-lettered' | 'dropped' | 'ignored';

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

/** The traces of the newest `limit` events, by journal sequence number and by event id. */
export class TraceStore {
  private readonly bySeq = new Map<number, EventTrace>();
  private readonly byEventId = new Map<string, number>();

  constructor(private readonly limit: number) {}

  /** Starts the trace of an event once it is routed. */
  start(seq: number, trace: EventTrace): void {
    this.bySeq.set(seq, trace);
    this.byEventId.set(`${trace.bus}\u0000${trace.eventId}`, seq);
    this.byEventId.set(trace.eventId, seq);
    while (this.bySeq.size > this.limit) {
      const [oldest, dropped] = this.bySeq.entries().next().value as [number, EventTrace];
      this.bySeq.delete(oldest);
      for (const key of [dropped.eventId, `${dropped.bus}\u0000${dropped.eventId}`]) {
        if (this.byEventId.get(key) === oldest) this.byEventId.delete(key);
      }
    }
  }

  /** Changes what is recorded for one target of one rule of an event. */
  update(seq: number, rule: string, target: string, change: Partial<TargetTrace>): void {
    const targets = this.bySeq.get(seq)?.targets;
    const found = targets?.find((entry) => entry.rule === rule && entry.target === target);
    if (found) Object.assign(found, change);
  }

  /** The newest trace of an event id (on a bus when given). */
  get(eventId: string, bus?: string): EventTrace | undefined {
    const seq = this.byEventId.get(bus === undefined ? eventId : `${bus}\u0000${eventId}`);
    return seq === undefined ? undefined : this.bySeq.get(seq);
  }
}
