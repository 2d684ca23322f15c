/**
 * @module History retention: keeps the newest executions per flow and drops the ones that are too old.
 */
import type { RetentionPolicy, StoredExecution } from './types.js';

/**
 * Prunes one flow's executions (oldest first) in place; returns the ids dropped.
 *
 * @example
 * const dropped = pruneFlowHistory(list, { maxPerFlow: 100, maxAgeMs: 7 * 86_400_000 }, Date.now());
 */
export function pruneFlowHistory(
  executions: StoredExecution[],
  policy: RetentionPolicy,
  now: number,
): string[] {
  const oldestKept = now - policy.maxAgeMs;
  let drop = Math.max(0, executions.length - policy.maxPerFlow);
  // Insertion order is end order; an old start can follow a newer one, so age is checked on every entry.
  const dropped: string[] = [];
  const kept: StoredExecution[] = [];
  for (const execution of executions) {
    if (drop > 0) {
      drop -= 1;
      dropped.push(execution.id);
    } else if (execution.startedAt < oldestKept) dropped.push(execution.id);
    else kept.push(execution);
  }
  if (dropped.length > 0) executions.splice(0, executions.length, ...kept);
  return dropped;
}

/**
 * How many of a flow's executions, ordered by start time (oldest first), fall outside the policy. Both bounds
 * drop the oldest first, so what falls outside is always a prefix: the cost is the number dropped, not the
 * length of the history.
 *
 * @example
 * const drop = expiredPrefix(entries.length, (index) => entries[index].startedAt, policy, Date.now());
 */
export function expiredPrefix(
  size: number,
  startedAt: (index: number) => number,
  policy: RetentionPolicy,
  now: number,
): number {
  const oldestKept = now - policy.maxAgeMs;
  let drop = Math.max(0, size - policy.maxPerFlow);
  while (drop < size && startedAt(drop) < oldestKept) drop += 1;
  return drop;
}
