/**
 * @module Delivery tasks: the `rule/target` keys the journal records, the bus's own log-store task, and the
 * rule's transform applied to an item.
 */
import type { CompiledRule, CompiledTarget } from '../files/compiled-rule.js';
import { DEFAULT_RETRY } from '../files/format.js';
import { logStoreTarget } from '../targets/log-store.js';
import type { DeliveryItem } from '../types.js';

/** What routing needs of a rule: its id and transform. */
export type RouteRule = Pick<CompiledRule, 'id' | 'transform'>;

/** The rule id of the task that stores each event of a `storeEvents` bus (no rule id starts with `$`). */
export const STORE_RULE_ID = '$store';

/** The key of a task in the journal: rule and target ids cannot hold a `/`. */
export function taskKey(rule: string, target: string): string {
  return `${rule}/${target}`;
}

const storeTarget: CompiledTarget = {
  id: 'log-store',
  type: logStoreTarget.type,
  definition: logStoreTarget,
  config: {},
  batch: { maxEvents: 100, maxWaitMs: 20 },
  retry: { ...DEFAULT_RETRY, ...logStoreTarget.defaultRetry },
  deadLetter: 'DROP',
  concurrency: 1,
};

/** The task that keeps an event of a `storeEvents` bus in the log store. */
export function storeTask(): { rule: RouteRule; target: CompiledTarget } {
  return { rule: { id: STORE_RULE_ID }, target: storeTarget };
}

/** The item with the rule's transform applied (once: the result stays on the item). */
export async function transformed(rule: RouteRule, item: DeliveryItem): Promise<DeliveryItem> {
  if (!rule.transform || item.transformed) return item;
  item.payload = await rule.transform(item.event, { bus: item.bus, rule: rule.id });
  item.transformed = true;
  return item;
}
