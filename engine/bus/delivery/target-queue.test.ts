/**
 * @module Tests of one target's queue: batches by size and by wait, the concurrency bound, retries with
 * backoff, and each dead-letter policy.
 */
import { describe, expect, it } from 'vitest';
import { FlowbusError } from '../../core/errors.js';
import type { Clock } from '../../core/step-definition.js';
import type { CompiledTarget } from '../files/compiled-rule.js';
import { logStoreTarget } from '../targets/log-store.js';
import type { DeliveryItem } from '../types.js';
import { createTestClock } from '../../steps/testing.js';
import { deferDelivery } from './defer.js';
import { internalError } from './internal-error.js';
import { TargetQueue, type DeliveryOutcome, type QueuedDelivery, type QueueHooks } from './target-queue.js';

/** A clock whose sleeps end on the next turn of the event loop and move time forward by what they waited. */
function fastClock(): Clock & { slept: number[] } {
  let now = 1_000_000;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: (ms, signal) =>
      new Promise((resolve, reject) => {
        slept.push(ms);
        if (signal?.aborted) return reject(new Error('aborted'));
        setImmediate(() => {
          now += ms;
          if (signal?.aborted) reject(new Error('aborted'));
          else resolve();
        });
      }),
  };
}

function target(overrides: Partial<CompiledTarget> = {}): CompiledTarget {
  return {
    id: 't',
    type: 'log-store',
    definition: logStoreTarget,
    config: {},
    retry: { maxAttempts: 3, initialDelayMs: 100, maxDelayMs: 1000, maxAgeMs: 1_000_000 },
    deadLetter: 'DLQ',
    concurrency: 2,
    ...overrides,
  };
}

function delivery(seq: number, acceptedAt = 1_000_000): QueuedDelivery {
  const event = { specversion: '1.0', id: `e${seq}`, source: 's', type: 't' };
  const item: DeliveryItem = {
    event,
    payload: event,
    transformed: false,
    bus: 'default',
    rule: 'r',
    acceptedAt,
  };
  return { seq, item };
}

interface Recorder extends QueueHooks {
  calls: Array<{ seqs: number[]; attempt: number }>;
  outcomes: Array<{ seqs: number[]; outcome: DeliveryOutcome }>;
  retries: Array<{ seqs: number[]; attempts: number; delayMs: number }>;
  holds: Array<{ seqs: number[]; attempt: number; delayMs: number }>;
  deferrals: Array<{ seqs: number[]; attempt: number; dueAt: number }>;
  maxInFlight: number;
}

/** Hooks that record everything; `fail(seqs, attempt)` says whether an attempt throws, and what. */
function recorder(fail: (seqs: number[], attempt: number) => Error | undefined = () => undefined): Recorder {
  let inFlight = 0;
  const hooks: Recorder = {
    calls: [],
    outcomes: [],
    retries: [],
    holds: [],
    deferrals: [],
    maxInFlight: 0,
    async deliver(batch, attempt) {
      const seqs = batch.map((entry) => entry.seq);
      hooks.calls.push({ seqs, attempt });
      inFlight += 1;
      hooks.maxInFlight = Math.max(hooks.maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inFlight -= 1;
      const error = fail(seqs, attempt);
      if (error) throw error;
      return { detail: 'ok' };
    },
    async settle(batch, outcome) {
      hooks.outcomes.push({ seqs: batch.map((entry) => entry.seq), outcome });
    },
    retrying(batch, attempts, _error, delayMs) {
      hooks.retries.push({ seqs: batch.map((entry) => entry.seq), attempts, delayMs });
    },
    held(batch, attempt, _thrown, delayMs) {
      hooks.holds.push({ seqs: batch.map((entry) => entry.seq), attempt, delayMs });
    },
    deferred(batch, attempt, dueAt) {
      hooks.deferrals.push({ seqs: batch.map((entry) => entry.seq), attempt, dueAt });
    },
  };
  return hooks;
}

async function until(condition: () => boolean): Promise<void> {
  for (let turns = 0; !condition(); turns++) {
    if (turns > 1000) throw new Error('the condition never held');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

function queueOf(compiled: CompiledTarget, hooks: QueueHooks, random = () => 0.5) {
  return queueOn(compiled, hooks, fastClock(), random);
}

function queueOn<C extends Clock>(compiled: CompiledTarget, hooks: QueueHooks, clock: C, random = () => 0.5) {
  const stopping = new AbortController();
  return { queue: new TargetQueue(compiled, hooks, clock, random, stopping.signal), stopping, clock };
}

describe('TargetQueue', () => {
  // Regression: recording a batch's end (a journal fdatasync) used to hold its slot, which halved throughput.
  it('delivers the next batch while the last one is being recorded, and is idle only once it is', async () => {
    const hooks = recorder();
    const recorded: Array<() => void> = [];
    hooks.settle = (batch, outcome) => {
      hooks.outcomes.push({ seqs: batch.map((entry) => entry.seq), outcome });
      return new Promise<void>((resolve) => recorded.push(resolve));
    };
    const { queue } = queueOf(target({ concurrency: 1 }), hooks);
    queue.push(delivery(1));
    queue.push(delivery(2));
    await until(() => hooks.outcomes.length === 2);
    expect(hooks.calls.map((call) => call.seqs)).toEqual([[1], [2]]);
    expect(queue.size).toBe(2);
    let idle = false;
    void queue.idle().then(() => (idle = true));
    recorded[0]!();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect([idle, queue.size]).toEqual([false, 1]);
    recorded[1]!();
    await until(() => idle);
    expect(queue.size).toBe(0);
  });

  it('delivers a deferred event again at its due time, counting no attempt and holding no slot', async () => {
    const clock = createTestClock(1_000_000);
    let deferOnce = true;
    const hooks = recorder((seqs) => {
      if (seqs[0] !== 1 || !deferOnce) return undefined;
      deferOnce = false;
      return deferDelivery(1_000_000 + 10_000, 'outside the window');
    });
    const { queue } = queueOn(target({ concurrency: 1 }), hooks, clock);
    queue.push(delivery(1));
    queue.push(delivery(2));
    // The deferred event frees the only slot: event 2 is delivered while event 1 waits.
    await until(() => hooks.outcomes.length === 1 && queue.scheduled === 1);
    expect(hooks.outcomes[0]!.seqs).toEqual([2]);
    expect(hooks.deferrals).toEqual([{ seqs: [1], attempt: 1, dueAt: 1_010_000 }]);
    clock.advance(9_999);
    await new Promise((resolve) => setImmediate(resolve));
    expect(hooks.calls.filter((call) => call.seqs[0] === 1)).toHaveLength(1);
    clock.advance(1);
    await queue.idle();
    expect(hooks.calls.filter((call) => call.seqs[0] === 1).map((call) => call.attempt)).toEqual([1, 1]);
    expect(hooks.outcomes.at(-1)).toMatchObject({ seqs: [1], outcome: { status: 'delivered', attempts: 1 } });
    expect(hooks.retries).toEqual([]);
  });

  it('starts a replayed event at the attempt after the failed ones, and at its due time', async () => {
    const clock = createTestClock(1_000_000);
    const hooks = recorder();
    const { queue } = queueOn(target(), hooks, clock);
    queue.push({ ...delivery(1), failedAttempts: 2, dueAt: 1_005_000 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(queue.scheduled).toBe(1);
    expect(hooks.calls).toEqual([]);
    clock.advance(5_000);
    await queue.idle();
    expect(hooks.calls).toEqual([{ seqs: [1], attempt: 3 }]);
  });

  it('delivers one event per call without batching, at most `concurrency` at once', async () => {
    const hooks = recorder();
    const { queue } = queueOf(target({ concurrency: 3 }), hooks);
    for (let seq = 1; seq <= 10; seq++) queue.push(delivery(seq));
    expect(queue.size).toBe(10);
    await queue.idle();
    const oneByOne = Array.from({ length: 10 }, (_, index) => [index + 1]);
    expect(hooks.calls.map((call) => call.seqs)).toEqual(oneByOne);
    expect(hooks.maxInFlight).toBe(3);
    const outcomes = hooks.outcomes.map(({ outcome }) => [outcome.status, outcome.attempts]);
    expect(outcomes).toEqual(Array(10).fill(['delivered', 1]));
    expect(queue.size).toBe(0);
  });

  it('sends a batch as soon as it is full, and the rest once the wait is over', async () => {
    const hooks = recorder();
    const { queue, clock } = queueOf(target({ batch: { maxEvents: 4, maxWaitMs: 500 } }), hooks);
    for (let seq = 1; seq <= 10; seq++) queue.push(delivery(seq));
    await queue.idle();
    expect(hooks.calls.map((call) => call.seqs)).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [9, 10],
    ]);
    expect(clock.slept).toContain(500);
  });

  it('retries a failed batch with backoff and settles it delivered', async () => {
    const unavailable = new FlowbusError('HTTP:STATUS', 'answered 503');
    const hooks = recorder((_seqs, attempt) => (attempt < 3 ? unavailable : undefined));
    const { queue, clock } = queueOf(target(), hooks);
    queue.push(delivery(1));
    await queue.idle();
    expect(hooks.calls.map((call) => call.attempt)).toEqual([1, 2, 3]);
    expect(hooks.retries).toEqual([
      { seqs: [1], attempts: 1, delayMs: 50 },
      { seqs: [1], attempts: 2, delayMs: 100 },
    ]);
    expect(clock.slept).toEqual([50, 100]);
    expect(hooks.outcomes[0]!.outcome).toMatchObject({ status: 'delivered', attempts: 3 });
  });

  it.each([
    ['DLQ', 'dead-lettered', 3],
    ['DROP', 'dropped', 3],
    ['IGNORE_ERROR', 'ignored', 1],
  ] as const)('with %s, a failing delivery ends %s after %i attempt(s)', async (policy, status, tries) => {
    const hooks = recorder(() => new FlowbusError('HTTP:CONNECTIVITY', 'connection refused'));
    const { queue } = queueOf(target({ deadLetter: policy }), hooks);
    queue.push(delivery(1));
    await queue.idle();
    expect(hooks.calls).toHaveLength(tries);
    expect(hooks.outcomes).toEqual([
      {
        seqs: [1],
        outcome: expect.objectContaining({
          status,
          attempts: tries,
          error: expect.objectContaining({ type: 'HTTP:CONNECTIVITY' }),
        }),
      },
    ]);
  });

  it('does not retry an error marked not retryable', async () => {
    const error = new FlowbusError('HTTP:STATUS', 'answered 400', { retryable: false });
    const hooks = recorder(() => error);
    const { queue } = queueOf(target(), hooks);
    queue.push(delivery(1));
    await queue.idle();
    expect(hooks.calls).toHaveLength(1);
    expect(hooks.outcomes[0]!.outcome).toMatchObject({
      status: 'dead-lettered',
      reason: 'the error is not retryable',
    });
  });

  it('stops retrying once the event is older than the maximum age', async () => {
    const hooks = recorder(() => new Error('down'));
    const retry = { maxAttempts: 100, initialDelayMs: 1000, maxDelayMs: 1000, maxAgeMs: 2500 };
    const { queue } = queueOn(target({ retry }), hooks, fastClock(), () => 0.999);
    queue.push(delivery(1));
    await queue.idle();
    expect(hooks.calls).toHaveLength(3);
    expect(hooks.outcomes[0]!.outcome).toMatchObject({
      status: 'dead-lettered',
      reason: expect.stringContaining('older than 2500 ms'),
    });
  });

  it('stops on shutdown without settling what was not delivered', async () => {
    const hooks = recorder(() => new Error('down'));
    const { queue, stopping } = queueOf(target({ concurrency: 1 }), hooks);
    for (let seq = 1; seq <= 5; seq++) queue.push(delivery(seq));
    await new Promise((resolve) => setTimeout(resolve, 1));
    stopping.abort();
    queue.stop();
    await queue.idle();
    expect(hooks.outcomes).toEqual([]);
    expect(hooks.calls.length).toBeLessThan(5);
    queue.push(delivery(6));
    expect(queue.size).toBe(0);
  });

  // Regression: recovery once delivered before the flow runner existed; the ReferenceError it raised used
  // up the only attempt of a `maxAttempts: 1`, `DROP` target and an acknowledged event was dropped.
  it.each([
    ['use before initialisation', () => new ReferenceError("Cannot access 'runFlow' before initialization")],
    ['a BUS:INTERNAL error', () => internalError('running flow "f" failed inside flowbus', new Error('x'))],
  ])('holds a delivery that failed inside flowbus (%s) without counting an attempt', async (_name, make) => {
    const hooks = recorder(() => (hooks.calls.length <= 3 ? make() : undefined));
    const retry = { maxAttempts: 1, initialDelayMs: 10, maxDelayMs: 100, maxAgeMs: 1 };
    const { queue } = queueOf(target({ retry, deadLetter: 'DROP' }), hooks);
    queue.push(delivery(1));
    await queue.idle();
    expect(hooks.calls.map((call) => call.attempt)).toEqual([1, 1, 1, 1]);
    expect(hooks.holds.map((held) => held.attempt)).toEqual([1, 1, 1]);
    expect(Math.min(...hooks.holds.map((held) => held.delayMs))).toBeGreaterThanOrEqual(1000);
    const outcomes = hooks.outcomes.map(({ outcome }) => [outcome.status, outcome.attempts]);
    expect(outcomes).toEqual([['delivered', 1]]);
  });

  it.each([
    ['a typed error of the target', () => new FlowbusError('HTTP:STATUS', 'answered 503')],
    ['a plain error of the target', () => new Error('down')],
    ['a network TypeError', () => new TypeError('fetch failed')],
  ])('counts %s as the attempt it is', async (_name, make) => {
    const hooks = recorder(() => make());
    const retry = { maxAttempts: 1, initialDelayMs: 10, maxDelayMs: 100, maxAgeMs: 1_000_000 };
    const { queue } = queueOf(target({ retry, deadLetter: 'DROP' }), hooks);
    queue.push(delivery(1));
    await queue.idle();
    expect(hooks.calls).toHaveLength(1);
    expect(hooks.holds).toEqual([]);
    const outcomes = hooks.outcomes.map(({ outcome }) => [outcome.status, outcome.attempts]);
    expect(outcomes).toEqual([['dropped', 1]]);
  });
});
