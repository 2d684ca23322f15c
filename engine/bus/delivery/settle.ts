/**
 * @module Recording how a batch ended: the dead-letter store (DLQ), the journal (task done), metrics, the
 * trace, and a log line for failures.
 */
import { randomUUID } from 'node:crypto';
import type { FlowError } from '../../core/errors.js';
import type { CompiledTarget } from '../files/compiled-rule.js';
import type { DeadLetter } from '../stores/dead-letters.js';
import type { AttemptTrace, TargetTrace } from '../stores/traces.js';
import type { DeliveryItem } from '../types.js';
import { journalFailed, type DispatcherDeps } from './deps.js';
import type { DeliveryOutcome, QueuedDelivery } from './target-queue.js';
import { taskKey, type RouteRule } from './tasks.js';

/** Records the outcome of a batch; dead letters are durable before the tasks count as done. */
export async function settleBatch(
  deps: DispatcherDeps,
  rule: RouteRule,
  target: CompiledTarget,
  batch: readonly QueuedDelivery[],
  outcome: DeliveryOutcome,
): Promise<void> {
  const labels = { rule: rule.id, target: target.id };
  const now = deps.clock.now();
  const letterIds = new Map<number, string>();
  try {
    if (outcome.status === 'dead-lettered') {
      const letters = batch.map(({ seq, item }) => {
        const letter = deadLetterOf(item, target, outcome.attempts, outcome.error, now);
        letterIds.set(seq, letter.id);
        return letter;
      });
      await deps.deadLetters.add(letters);
      deps.metrics.count('flowbus_bus_dead_letters_total', labels, letters.length);
      if (target.deadLetterQueue) await sendToDeadLetterQueue(deps, rule, target, batch);
    }
    const key = taskKey(rule.id, target.id);
    await Promise.all(batch.map(({ seq }) => deps.journal.recordDone(seq, key)));
  } catch (error) {
    journalFailed(deps, error);
  }
  deps.metrics.count('flowbus_bus_deliveries_total', { ...labels, outcome: outcome.status }, batch.length);
  const change = traceChange(outcome, now);
  const attempt = attemptOf(outcome, now);
  for (const { seq } of batch) {
    deps.traces.update(seq, rule.id, target.id, { ...change, deadLetterId: letterIds.get(seq) }, attempt);
  }
  if (outcome.status !== 'delivered') {
    const fields = { ...labels, events: batch.length, error: outcome.error.message };
    deps.log('warn', `delivery ${outcome.status}: ${outcome.reason}`, fields);
  }
}

const DEAD_LETTER_QUEUE_TIMEOUT_MS = 10_000;

/** One attempt to send dead letters to the target's dead-letter queue; a failure is logged (the store keeps them). */
async function sendToDeadLetterQueue(
  deps: DispatcherDeps,
  rule: RouteRule,
  target: CompiledTarget,
  batch: readonly QueuedDelivery[],
): Promise<void> {
  const queue = target.deadLetterQueue!;
  const signal = AbortSignal.any([deps.signal, AbortSignal.timeout(DEAD_LETTER_QUEUE_TIMEOUT_MS)]);
  const items = batch.map(({ item }) => item);
  const context = {
    config: queue.config,
    target: { bus: items[0]!.bus, rule: rule.id, id: `${target.id}/dead-letter-queue`, type: queue.definition.type },
    attempt: 1,
    signal,
    services: deps.services,
  };
  try {
    const groups = queue.definition.batching ? [items] : items.map((item) => [item]);
    for (const group of groups) await queue.definition.deliver(group, context);
  } catch (error) {
    const fields = { rule: rule.id, target: target.id, error: (error as Error).message };
    deps.log('error', 'dead letters could not be sent to the dead-letter queue; they stay in the store', fields);
  }
}

/** The last attempt of a batch; none when it ended without one (too old for another try). */
function attemptOf(outcome: DeliveryOutcome, now: number): AttemptTrace | undefined {
  if (outcome.status === 'delivered') return { attempt: outcome.attempts, at: now, outcome: 'delivered' };
  if (outcome.attempts === 0) return undefined;
  return { attempt: outcome.attempts, at: now, outcome: 'failed', error: outcome.error };
}

function traceChange(outcome: DeliveryOutcome, now: number): Partial<TargetTrace> {
  const { status, attempts } = outcome;
  if (outcome.status === 'delivered') {
    return { ...outcome.receipt, status, attempts, updatedAt: now, error: undefined };
  }
  return { status, attempts, error: outcome.error, detail: outcome.reason, updatedAt: now };
}

function deadLetterOf(
  item: DeliveryItem,
  target: CompiledTarget,
  attempts: number,
  error: FlowError,
  now: number,
): DeadLetter {
  return {
    id: randomUUID(),
    bus: item.bus,
    rule: item.rule,
    target: target.id,
    targetType: target.type,
    event: item.event,
    payload: item.payload,
    transformed: item.transformed,
    acceptedAt: item.acceptedAt,
    failedAt: now,
    attempts,
    error,
    redrives: 0,
  };
}
