/**
 * @module Re-driving a dead letter: one more delivery to its target; the letter goes once that works, and
 * records the new failure when it does not. The event's trace, while kept, shows the attempt either way.
 */
import { FlowbusError, toFlowError } from '../../core/errors.js';
import type { CompiledRule, CompiledTarget } from '../files/compiled-rule.js';
import type { DeadLetter } from '../stores/dead-letters.js';
import type { DeliveryItem, DeliveryReceipt } from '../types.js';
import type { DispatcherDeps } from './deps.js';
import { transformed } from './tasks.js';

/** The rule and target a letter goes back to; throws when they are gone. */
export function redriveTarget(
  deps: DispatcherDeps,
  letter: DeadLetter,
): { rule: CompiledRule; target: CompiledTarget } {
  const rule = deps.catalog.rules.get(letter.rule)?.rule;
  const target = rule?.targets.find((candidate) => candidate.id === letter.target);
  if (!rule || !target) {
    const missing = `rule "${letter.rule}" has no target "${letter.target}" any more`;
    const message = `${missing}: the letter cannot be re-driven`;
    throw new FlowbusError('BUS:TARGET_NOT_FOUND', message);
  }
  return { rule, target };
}

/** Delivers the letter once (the rule's transform applied if it was not yet); throws BUS:REDRIVE_FAILED. */
export async function redriveLetter(
  deps: DispatcherDeps,
  letter: DeadLetter,
  rule: CompiledRule,
  target: CompiledTarget,
): Promise<DeliveryReceipt> {
  const labels = { rule: rule.id, target: target.id };
  const { event, payload, transformed: wasTransformed, bus, acceptedAt } = letter;
  const item: DeliveryItem = { event, payload, transformed: wasTransformed, bus, rule: rule.id, acceptedAt };
  const attempt = letter.attempts + 1;
  try {
    const prepared = await transformed(rule, item);
    const receipt = await target.definition.deliver([prepared], {
      config: target.config,
      target: { bus, rule: rule.id, id: target.id, type: target.type },
      attempt,
      signal: deps.signal,
      services: deps.services,
    });
    await deps.deadLetters.remove(letter.id);
    deps.metrics.count('flowbus_bus_deliveries_total', { ...labels, outcome: 'redriven' });
    const now = deps.clock.now();
    const change = { ...receipt, status: 'delivered' as const, attempts: attempt, error: undefined, updatedAt: now };
    const traced = { attempt, at: now, outcome: 'redriven' as const };
    deps.traces.updateEvent(event.id, bus, rule.id, target.id, { ...change, deadLetterId: undefined }, traced);
    return receipt ?? {};
  } catch (thrown) {
    const error = toFlowError(thrown);
    const failedAt = deps.clock.now();
    const redrives = letter.redrives + 1;
    await deps.deadLetters.update(letter.id, { attempts: attempt, error, failedAt, redrives });
    const traced = { attempt, at: failedAt, outcome: 'failed' as const, error };
    deps.traces.updateEvent(event.id, bus, rule.id, target.id, { attempts: attempt, error, updatedAt: failedAt }, traced);
    const where = `target "${target.id}" of rule "${rule.id}"`;
    const message = `re-driving dead letter "${letter.id}" to ${where} failed: ${error.message}`;
    throw new FlowbusError('BUS:REDRIVE_FAILED', message, { error });
  }
}
