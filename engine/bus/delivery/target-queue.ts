/**
 * @module The delivery queue of one target of one rule: batches (size + wait), bounded concurrency, retries
 * with backoff, and the dead-letter policy when a delivery fails for good.
 */
import { toFlowError, type FlowError } from '../../core/errors.js';
import type { Clock } from '../../core/step-definition.js';
import type { CompiledTarget } from '../files/compiled-rule.js';
import type { DeliveryItem, DeliveryReceipt } from '../types.js';
import { backoffDelay, retryStop } from './backoff.js';
import { INTERNAL_RETRY_MIN_MS, isInternalFailure } from './internal-error.js';

/** One event waiting for this target, with its journal sequence number. */
export interface QueuedDelivery {
  seq: number;
  item: DeliveryItem;
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
  /** Attempt `attempt` failed inside flowbus: it does not count, and is made again after `delayMs`. */
  held(batch: readonly QueuedDelivery[], attempt: number, thrown: unknown, delayMs: number): void;
}

/** The queue; `push` events, `stop` on shutdown (unfinished work stays in the journal). */
export class TargetQueue {
  /** Batches ready to go from `readyHead` on; a plain array with a head index, since `shift` copies. */
  private ready: QueuedDelivery[][] = [];
  private readyHead = 0;
  private collecting: QueuedDelivery[] = [];
  private collectTimer: AbortController | undefined;
  private active = 0;
  /** Deliveries in `ready` batches, kept as a count: `size` is read after every batch. */
  private readyCount = 0;
  private readonly idleWaiters: Array<() => void> = [];

  constructor(
    private readonly target: CompiledTarget,
    private readonly hooks: QueueHooks,
    private readonly clock: Clock,
    private readonly random: () => number,
    private readonly signal: AbortSignal,
  ) {}

  /** Deliveries waiting or in flight. */
  get size(): number {
    return this.readyCount + this.collecting.length + this.active;
  }

  push(delivery: QueuedDelivery): void {
    if (this.signal.aborted) return;
    const batch = this.target.batch;
    if (!batch) {
      this.ready.push([delivery]);
      this.readyCount += 1;
      this.pump();
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
    if (this.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
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
    this.ready.push(this.collecting);
    this.readyCount += this.collecting.length;
    this.collecting = [];
    this.pump();
  }

  private pump(): void {
    const concurrency = this.target.concurrency;
    while (this.active < concurrency && this.readyHead < this.ready.length && !this.signal.aborted) {
      const batch = this.ready[this.readyHead++]!;
      if (this.readyHead > 1024 && this.readyHead * 2 > this.ready.length) {
        this.ready = this.ready.slice(this.readyHead);
        this.readyHead = 0;
      }
      this.readyCount -= batch.length;
      this.active += batch.length;
      void this.run(batch).finally(() => {
        this.active -= batch.length;
        this.pump();
        if (this.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
      });
    }
  }

  private async run(batch: QueuedDelivery[]): Promise<void> {
    const acceptedAt = Math.min(...batch.map((delivery) => delivery.item.acceptedAt));
    const { retry, deadLetter } = this.target;
    let held = 0;
    for (let attempt = 1; ; ) {
      const result = await this.attempt(batch, attempt);
      if (this.signal.aborted) return;
      if (result.ok) {
        const delivered = { status: 'delivered' as const, attempts: attempt, receipt: result.receipt };
        await this.hooks.settle(batch, delivered).catch(() => {});
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
        await this.settleFailed(batch, 'ignored', attempt, error, 'the error is ignored (IGNORE_ERROR)');
        return;
      }
      const delay = backoffDelay(attempt, retry, this.random);
      const stop =
        error.details?.retryable === false
          ? 'the error is not retryable'
          : retryStop(attempt, this.clock.now() + delay, acceptedAt, retry);
      if (stop) {
        const status = deadLetter === 'DLQ' ? 'dead-lettered' : 'dropped';
        await this.settleFailed(batch, status, attempt, error, stop);
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

  private async settleFailed(
    batch: QueuedDelivery[],
    status: 'dead-lettered' | 'dropped' | 'ignored',
    attempts: number,
    error: FlowError,
    reason: string,
  ): Promise<void> {
    await this.hooks.settle(batch, { status, attempts, error, reason }).catch(() => undefined);
  }
}
