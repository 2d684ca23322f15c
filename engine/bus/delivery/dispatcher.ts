/**
 * @module Routes accepted events to the targets of the rules they match, one queue per target, and hands each
 * outcome to `settleBatch`; re-drives dead letters. Nothing is delivered before `start`.
 */
import { FlowbusError, toFlowError } from '../../core/errors.js';
import { toStructuredJson } from '../cloudevents/index.js';
import type { CompiledTarget } from '../files/compiled-rule.js';
import type { JournaledEvent, ReplayedEvent } from '../journal/bus-journal.js';
import type { DeliveryItem, DeliveryReceipt } from '../types.js';
import { journalFailed, type DispatcherDeps } from './deps.js';
import { asInternal, internalFields } from './internal-error.js';
import { redriveLetter, redriveTarget } from './redrive.js';
import { settleBatch } from './settle.js';
import { TargetQueue, type QueueHooks } from './target-queue.js';
import { storeTask, taskKey, transformed, type RouteRule } from './tasks.js';

export type { BusLog, DispatcherDeps } from './deps.js';

interface Task {
  rule: RouteRule;
  target: CompiledTarget;
}

/** What the journal read back of an event routed before a restart. */
type ReplayInfo = Pick<ReplayedEvent, 'openTasks' | 'progress'>;

/** The delivery side of the bus. */
export class Dispatcher {
  private readonly queues = new Map<string, { target: CompiledTarget; queue: TargetQueue; bus: string }>();
  private readonly retired = new Set<TargetQueue>();
  private readonly redriving = new Set<string>();
  /** Events routed before `start`, in order; undefined once started. */
  private waiting: Array<[JournaledEvent, ReplayInfo | undefined]> | undefined = [];

  constructor(private readonly deps: DispatcherDeps) {}

  /** Whether deliveries may start (every target type and service is wired). */
  get started(): boolean {
    return this.waiting === undefined;
  }

  /** Starts delivering: first what was routed before, in order. */
  start(): void {
    const waiting = this.waiting;
    if (!waiting) return;
    this.waiting = undefined;
    for (const [journaled, replay] of waiting) this.route(journaled, replay);
  }

  /** Deliveries waiting or in flight, over all targets. */
  get queued(): number {
    let size = 0;
    for (const queue of this.allQueues()) size += queue.size;
    return size;
  }

  /** Deliveries a target deferred, waiting for their due time. */
  get scheduled(): number {
    let size = 0;
    for (const queue of this.allQueues()) size += queue.scheduled;
    return size;
  }

  /** The target of a bus's rules with the most deliveries waiting or in flight (deferred ones not counted). */
  fullestQueue(bus: string): { target: string; size: number } | undefined {
    let fullest: { target: string; size: number } | undefined;
    for (const [key, entry] of this.queues) {
      if (entry.bus !== bus) continue;
      const size = entry.queue.size - entry.queue.scheduled;
      if (!fullest || size > fullest.size) fullest = { target: key, size };
    }
    return fullest;
  }

  /**
   * Routes an event that the journal holds: to the rules it matches now, or, for an event read back after a
   * restart, to the tasks it was routed to and had not finished.
   */
  route(journaled: JournaledEvent, replay?: ReplayInfo): void {
    if (this.waiting) {
      this.waiting.push([journaled, replay]);
      return;
    }
    const { seq, bus, event, acceptedAt } = journaled;
    const json = toStructuredJson(event);
    const openTasks = replay?.openTasks;
    const tasks = openTasks ? this.resolveTasks(journaled, openTasks) : this.matchTasks(bus, json);
    if (!openTasks) {
      const keys = tasks.map((task) => taskKey(task.rule.id, task.target.id));
      this.deps.journal.recordRouting(seq, keys).catch((error) => journalFailed(this.deps, error));
    }
    const matchedRules = [...new Set(tasks.map((task) => task.rule.id))].filter((id) => !id.startsWith('$'));
    for (const rule of matchedRules) this.deps.metrics.count('flowbus_bus_rule_matches_total', { bus, rule });
    const now = this.deps.clock.now();
    const progressOf = (task: Task) => replay?.progress?.[taskKey(task.rule.id, task.target.id)] ?? {};
    const targets = tasks.map((task) => {
      const { id, type } = task.target;
      const { failedAttempts = 0, dueAt } = progressOf(task);
      const scheduled = dueAt !== undefined && dueAt > now;
      const status = scheduled ? ('scheduled' as const) : ('pending' as const);
      const trace = { rule: task.rule.id, target: id, type, status, attempts: failedAttempts, updatedAt: now };
      return scheduled ? { ...trace, dueAt } : trace;
    });
    const replayed = replay !== undefined;
    const subject = typeof event.subject === 'string' ? { subject: event.subject } : {};
    const summary = { eventId: event.id, bus, acceptedAt, source: event.source, type: event.type, ...subject };
    this.deps.traces.start(seq, { ...summary, event: json, replayed, matchedRules, targets });
    for (const task of tasks) {
      const { rule, target } = task;
      const item: DeliveryItem = { event, payload: json, transformed: false, bus, rule: rule.id, acceptedAt };
      this.queueFor(rule, target, bus).push({ seq, item, ...progressOf(task) });
    }
  }

  /** Delivers a dead letter once more: it goes when that works, else the new failure is recorded. */
  async redrive(id: string): Promise<DeliveryReceipt> {
    if (!this.started) throw new FlowbusError('SERVER:STARTING', 'the bus has not started delivering yet');
    const letter = this.deps.deadLetters.get(id);
    if (!letter) throw new FlowbusError('BUS:DEAD_LETTER_NOT_FOUND', `no dead letter "${id}"`);
    const { rule, target } = redriveTarget(this.deps, letter);
    if (this.redriving.has(id)) {
      throw new FlowbusError('BUS:CONFLICT', `dead letter "${id}" is being re-driven`);
    }
    this.redriving.add(id);
    try {
      return await redriveLetter(this.deps, letter, rule, target);
    } finally {
      this.redriving.delete(id);
    }
  }

  /** Resolves when no delivery waits or is in flight. */
  async idle(): Promise<void> {
    for (;;) {
      const busy = [...this.allQueues()].filter((queue) => queue.size > 0);
      if (busy.length === 0) return;
      await Promise.all(busy.map((queue) => queue.idle()));
    }
  }

  /** Stops every queue; resolves when the batches in flight have ended. */
  async stop(): Promise<void> {
    const queues = [...this.allQueues()];
    for (const queue of queues) queue.stop();
    await Promise.all(queues.map((queue) => queue.idle()));
  }

  private *allQueues(): Iterable<TargetQueue> {
    for (const { queue } of this.queues.values()) yield queue;
    yield* this.retired;
  }

  private matchTasks(bus: string, json: Record<string, unknown>): Task[] {
    const rules = this.deps.catalog.match(bus, json);
    const tasks: Task[] = rules.flatMap((rule) => rule.targets.map((target) => ({ rule, target })));
    if (this.deps.catalog.buses.get(bus)?.document?.storeEvents) tasks.push(storeTask());
    return tasks;
  }

  private resolveTasks(journaled: JournaledEvent, keys: string[]): Task[] {
    const tasks: Task[] = [];
    for (const key of keys) {
      const task = this.taskOf(key);
      if (task) {
        tasks.push(task);
        continue;
      }
      const message = 'a replayed event is routed to a target that no longer exists; it is skipped';
      this.deps.log('warn', message, { eventId: journaled.event.id, task: key });
      this.deps.journal.recordDone(journaled.seq, key).catch((error) => journalFailed(this.deps, error));
    }
    return tasks;
  }

  private taskOf(key: string): Task | undefined {
    const [ruleId, targetId] = key.split('/') as [string, string];
    const store = storeTask();
    if (ruleId === store.rule.id) return store;
    const rule = this.deps.catalog.rules.get(ruleId)?.rule;
    const target = rule?.targets.find((candidate) => candidate.id === targetId);
    return rule && target ? { rule, target } : undefined;
  }

  private queueFor(rule: RouteRule, target: CompiledTarget, bus: string): TargetQueue {
    const key = taskKey(rule.id, target.id);
    const known = this.queues.get(key);
    if (known?.target === target) return known.queue;
    if (known && known.queue.size > 0) {
      // The rule changed: the old queue finishes what it holds with the old settings.
      this.retired.add(known.queue);
      void known.queue.idle().then(() => this.retired.delete(known.queue));
    }
    const { clock, random, signal } = this.deps;
    const queue = new TargetQueue(target, this.hooks(rule, target), clock, random, signal);
    this.queues.set(key, { target, queue, bus });
    return queue;
  }

  private hooks(rule: RouteRule, target: CompiledTarget): QueueHooks {
    const labels = { rule: rule.id, target: target.id };
    const key = taskKey(rule.id, target.id);
    const { metrics, traces, services, clock, log, journal } = this.deps;
    return {
      deliver: async (batch, attempt, signal) => {
        let items: DeliveryItem[];
        try {
          if (attempt > 1) metrics.count('flowbus_bus_delivery_retries_total', labels, batch.length);
          for (const { seq } of batch) traces.update(seq, rule.id, target.id, { attempts: attempt });
          items = await Promise.all(batch.map(({ item }) => transformed(rule, item)));
        } catch (thrown) {
          throw asInternal(thrown, `preparing the delivery to target "${target.id}" of rule "${rule.id}"`);
        }
        const context = { bus: items[0]!.bus, rule: rule.id, id: target.id, type: target.type };
        const config = target.config;
        const deferredAt = batch[0]?.deferredAt;
        const delivery = { config, target: context, attempt, signal, services, ...(deferredAt ? { deferredAt } : {}) };
        return target.definition.deliver(items, delivery);
      },
      settle: (batch, outcome) => settleBatch(this.deps, rule, target, batch, outcome),
      retrying: (batch, attempts, error, delayMs) => {
        const now = clock.now();
        const change = { status: 'retrying' as const, attempts, error, updatedAt: now };
        const attempt = { attempt: attempts, at: now, outcome: 'failed' as const, error, retryInMs: delayMs };
        for (const { seq } of batch) {
          traces.update(seq, rule.id, target.id, change, attempt);
          journal.recordFailedAttempts(seq, key, attempts).catch((thrown) => journalFailed(this.deps, thrown));
        }
        log('warn', 'delivery failed, will retry', { ...labels, attempts, delayMs, error: error.message });
      },
      deferred: (batch, attempt, dueAt, since, reason) => {
        const change = { status: 'scheduled' as const, attempts: attempt - 1, dueAt, detail: reason, updatedAt: clock.now() };
        for (const { seq } of batch) {
          traces.update(seq, rule.id, target.id, change);
          journal.recordDeferral(seq, key, dueAt, since).catch((thrown) => journalFailed(this.deps, thrown));
        }
        metrics.count('flowbus_bus_delivery_deferrals_total', labels, batch.length);
        log('info', 'delivery deferred by its target, not counted as an attempt', { ...labels, dueAt: new Date(dueAt).toISOString(), reason });
      },
      held: (batch, attempt, thrown, delayMs) => {
        const error = toFlowError(thrown);
        const change = { status: 'retrying' as const, attempts: attempt - 1, error, updatedAt: clock.now() };
        for (const { seq } of batch) traces.update(seq, rule.id, target.id, change);
        metrics.count('flowbus_bus_delivery_internal_errors_total', labels, batch.length);
        const message = 'delivery failed inside flowbus, not counted as an attempt; it is tried again';
        const fields = { ...labels, events: batch.length, attempt, delayMs, ...internalFields(thrown) };
        log('error', message, fields);
      },
    };
  }
}
