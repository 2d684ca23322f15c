/**
 * @module The delivery queue of one target of one rule: batches (size + wait), bounded concurrency, retries
 * with backoff, deferrals ("deliver at T", no attempt counted, no slot held while waiting), and the
 * dead-letter policy when a delivery fails for good.
 */
import { toFlowError, type FlowError } from '../../core/errors.js';
import type { Clock } from '../../core/step-definition.js';
import type { CompiledTarget } from '../files/compiled-rule.js';
import type { DeliveryItem, DeliveryReceipt } from '../types.js';
import { backoffDelay, retryStop } from './backoff.js';
import { deferredUntil } from './defer.js';
import { INTERNAL_RETRY_MIN_MS, isInternalFailure } from './internal-error.js';

/** How long a deferral to a time already past waits. */
const MIN_DEFER_MS = 1000;

/** One event waiting for this target, with its journal sequence number. */
export interface QueuedDelivery {
  seq: number;
  item: DeliveryItem;
  /** Attempts that failed before a restart (the journal's count). */
  failedAttempts?: number;
  /** Not to be delivered before this time (a deferral read back from the journal). */
  dueAt?: number;
  /** When the target first asked to wait. */
  deferredAt?: number;
}

/** Deliveries sent together, with the attempt they are at. */
interface Batch {
  deliveries: QueuedDelivery[];
  attempt: number;
  deferredAt?: number;
}

/** How a batch ended. */
export type DeliveryOutcome =
  | { status: 'delivered'; attempts: number; receipt: DeliveryReceipt }
  | { status: 'dead-lettered' | 'dropped' | 'ignored'; attempts: number; error: FlowError; reason: string };

/** What the queue calls: the bus wires these to the target type, the journal, the stores and the traces. */
export interface QueueHooks {
  deliver(
    batch: readonly QueuedDelivery[],
    attempt: number,
    signal: AbortSignal,
  ): Promise<DeliveryReceipt | void>;
  /** Records the outcome durably (dead letter, journal); the batch leaves the queue when it resolves. */
  settle(batch: readonly QueuedDelivery[], outcome: DeliveryOutcome): Promise<void>;
  /** A failed attempt that will be retried after `delayMs`. */
  retrying(batch: readonly QueuedDelivery[], attempts: number, error: FlowError, delayMs: number): void;
  /** The target asked to deliver again at `dueAt` (waiting since `since`); no attempt is counted. */
  deferred(batch: readonly QueuedDelivery[], attempt: number, dueAt: number, since: number, reason: string): void;
  /** Attempt `attempt` failed inside flowbus: it does not count, and is made again after `delayMs`. */
  held(batch: readonly QueuedDelivery[], attempt: number, thrown: unknown, delayMs: number): void;
}

/** The queue; `push` events, `stop` on shutdown (unfinished work stays in the journal). */
export class TargetQueue {
  /** Batches ready to go from `readyHead` on; a plain array with a head index, since `shift` copies. */
  private ready: Batch[] = [];
  private readyHead = 0;
  private collecting: QueuedDelivery[] = [];
  private collectTimer: AbortController | undefined;
  private active = 0;
  /** Deliveries that ended and are being recorded: no longer holding a slot, still in `size`. */
  private settling = 0;
  /** Deliveries in `ready` batches, kept as a count: `size` is read after every batch. */
  private readyCount = 0;
  private readonly idleWaiters: Array<() => void> = [];
  /** Deliveries waiting for their due time, outside the concurrency slots. */
  private scheduledCount = 0;
  private scheduledTimers = new AbortController();

  constructor(
    private readonly target: CompiledTarget,
    private readonly hooks: QueueHooks,
    private readonly clock: Clock,
    private readonly random: () => number,
    private readonly signal: AbortSignal,
  ) {}

  /** Deliveries waiting, scheduled for later, or in flight. */
  get size(): number {
    return this.readyCount + this.collecting.length + this.active + this.settling + this.scheduledCount;
  }

  /** Deliveries scheduled for a due time. */
  get scheduled(): number {
    return this.scheduledCount;
  }

  push(delivery: QueuedDelivery): void {
    if (this.signal.aborted) return;
    const batch = this.target.batch;
    if (delivery.dueAt !== undefined && delivery.dueAt > this.clock.now()) {
      const { deferredAt } = delivery;
      this.schedule({ deliveries: [delivery], attempt: (delivery.failedAttempts ?? 0) + 1, deferredAt }, delivery.dueAt);
      return;
    }
    if (!batch) {
      this.enqueue({ deliveries: [delivery], attempt: (delivery.failedAttempts ?? 0) + 1, deferredAt: delivery.deferredAt });
      return;
    }
    this.collecting.push(delivery);
    if (this.collecting.length >= batch.maxEvents) this.closeBatch();
    else if (this.collecting.length === 1) this.waitForBatch(batch.maxWaitMs);
  }

  /** Forgets what waits (the journal still has it); `idle` then resolves once the batches in flight end. */
  stop(): void {
    this.collectTimer?.abort();
    this.collectTimer = undefined;
    this.collecting = [];
    this.ready = [];
    this.readyHead = 0;
    this.readyCount = 0;
    this.scheduledTimers.abort();
    this.scheduledTimers = new AbortController();
    this.scheduledCount = 0;
    this.wakeIdle();
  }

  /** Resolves when nothing is waiting or in flight. */
  idle(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private waitForBatch(waitMs: number): void {
    const timer = new AbortController();
    this.collectTimer = timer;
    const signal = AbortSignal.any([timer.signal, this.signal]);
    this.clock.sleep(waitMs, signal).then(
      () => {
        if (this.collectTimer === timer) this.closeBatch();
      },
      () => undefined,
    );
  }

  private closeBatch(): void {
    this.collectTimer?.abort();
    this.collectTimer = undefined;
    if (this.collecting.length === 0) return;
    const deliveries = this.collecting;
    this.collecting = [];
    const attempt = Math.max(...deliveries.map((delivery) => delivery.failedAttempts ?? 0)) + 1;
    this.enqueue({ deliveries, attempt });
  }

  private enqueue(batch: Batch): void {
    this.ready.push(batch);
    this.readyCount += batch.deliveries.length;
    this.pump();
  }

  /** Holds a batch outside the slots until `dueAt`, then queues it again at the same attempt. */
  private schedule(batch: Batch, dueAt: number): void {
    const count = batch.deliveries.length;
    this.scheduledCount += count;
    const timers = this.scheduledTimers;
    const signal = AbortSignal.any([timers.signal, this.signal]);
    this.clock.sleep(Math.max(0, dueAt - this.clock.now()), signal).then(
      () => {
        if (timers !== this.scheduledTimers) return;
        this.scheduledCount -= count;
        this.enqueue(batch);
      },
      () => undefined,
    );
  }

  private pump(): void {
    const concurrency = this.target.concurrency;
    while (this.active < concurrency && this.readyHead < this.ready.length && !this.signal.aborted) {
      const batch = this.ready[this.readyHead++]!;
      if (this.readyHead > 1024 && this.readyHead * 2 > this.ready.length) {
        this.ready = this.ready.slice(this.readyHead);
        this.readyHead = 0;
      }
      const count = batch.deliveries.length;
      this.readyCount -= count;
      this.active += count;
      void this.run(batch).finally(() => {
        this.active -= count;
        this.pump();
        this.wakeIdle();
      });
    }
  }

  private wakeIdle(): void {
    if (this.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /**
   * Records how a batch ended without holding its slot: the next batch goes while the journal syncs. An
   * event whose end is not yet on disk when the process dies is delivered again (at least once).
   */
  private settle(batch: QueuedDelivery[], outcome: DeliveryOutcome): void {
    this.settling += batch.length;
    void this.hooks
      .settle(batch, outcome)
      .catch(() => undefined)
      .finally(() => {
        this.settling -= batch.length;
        this.wakeIdle();
      });
  }

  private async run(queued: Batch): Promise<void> {
    const batch = queued.deliveries;
    const acceptedAt = Math.min(...batch.map((delivery) => delivery.item.acceptedAt));
    const { retry, deadLetter } = this.target;
    let held = 0;
    for (let attempt = queued.attempt; ; ) {
      const result = await this.attempt(batch, attempt);
      if (this.signal.aborted) return;
      const deferral = result.ok ? undefined : deferredUntil(result.thrown);
      if (deferral) {
        // Not a failure: nothing is counted, and the slot is free while it waits.
        const since = queued.deferredAt ?? this.clock.now();
        for (const delivery of batch) delivery.deferredAt ??= since;
        // A due time already past is waited for a little: a target that keeps saying "now" cannot spin.
        const now = this.clock.now();
        const dueAt = deferral.dueAt > now ? deferral.dueAt : now + MIN_DEFER_MS;
        this.hooks.deferred(batch, attempt, dueAt, since, deferral.reason);
        this.schedule({ deliveries: batch, attempt, deferredAt: since }, dueAt);
        return;
      }
      if (result.ok) {
        const delivered = { status: 'delivered' as const, attempts: attempt, receipt: result.receipt };
        this.settle(batch, delivered);
        return;
      }
      if (result.internal) {
        // Not the target's answer: no attempt is used up, whatever the policy; the event stays held.
        held += 1;
        const delay = Math.max(INTERNAL_RETRY_MIN_MS, backoffDelay(held, retry, this.random));
        this.hooks.held(batch, attempt, result.thrown, delay);
        if (!(await this.pause(delay))) return;
        continue;
      }
      const { error } = result;
      if (deadLetter === 'IGNORE_ERROR') {
        this.settleFailed(batch, 'ignored', attempt, error, 'the error is ignored (IGNORE_ERROR)');
        return;
      }
      const delay = backoffDelay(attempt, retry, this.random);
      const stop =
        error.details?.retryable === false
          ? 'the error is not retryable'
          : retryStop(attempt, this.clock.now() + delay, acceptedAt, retry);
      if (stop) {
        const status = deadLetter === 'DLQ' ? 'dead-lettered' : 'dropped';
        this.settleFailed(batch, status, attempt, error, stop);
        return;
      }
      this.hooks.retrying(batch, attempt, error, delay);
      if (!(await this.pause(delay))) return;
      attempt += 1;
    }
  }

  /** Waits `delayMs`; false when the bus stopped meanwhile. */
  private async pause(delayMs: number): Promise<boolean> {
    try {
      await this.clock.sleep(delayMs, this.signal);
      return true;
    } catch {
      return false;
    }
  }

  private async attempt(
    batch: QueuedDelivery[],
    attempt: number,
  ): Promise<
    | { ok: true; receipt: DeliveryReceipt }
    | { ok: false; error: FlowError; internal: boolean; thrown: unknown }
  > {
    try {
      return { ok: true, receipt: (await this.hooks.deliver(batch, attempt, this.signal)) ?? {} };
    } catch (thrown) {
      return { ok: false, error: toFlowError(thrown), internal: isInternalFailure(thrown), thrown };
    }
  }

  private settleFailed(
    batch: QueuedDelivery[],
    status: 'dead-lettered' | 'dropped' | 'ignored',
    attempts: number,
    error: FlowError,
    reason: string,
  ): void {
    this.settle(batch, { status, attempts, error, reason });
  }
}
