/**
 * @module Builds the trigger table from the served flows, keeping routes with the flows that held them.
 */
import type { ValidationIssue } from '../core/issues.js';
import { FlowbusError } from '../core/errors.js';
import type { CompiledFlow } from '../runtime/types.js';
import type { FlowCatalog } from './flows/catalog.js';
import { compileTrigger, type TriggerEntry } from './triggers/compile-trigger.js';
import { isReservedPattern } from './triggers/path-pattern.js';
import { TriggerTable } from './triggers/trigger-table.js';

const PATH_POINTER = '/trigger/config/path';

/** What a valid flow version needs to be served: its trigger entry, or undefined for a non-HTTP trigger. */
export function prepareTrigger(compiled: CompiledFlow, version: string): TriggerEntry | undefined {
  const entry = compileTrigger(compiled, version);
  if (entry && isReservedPattern(entry.pattern)) {
    const message = `path "${entry.pattern.source}" is under /api, which belongs to the management API`;
    const issue = { pointer: PATH_POINTER, stepId: entry.triggerId, code: 'reserved-path', message };
    throw new FlowbusError('VALIDATION', message, { issues: [issue] });
  }
  return entry;
}

/**
 * The table of every served HTTP trigger. Flows that were routed before come first, so a flow that adds a
 * path another flow serves is the one refused; the refused ones get a serving issue each.
 */
export function buildTriggerTable(
  catalog: FlowCatalog<TriggerEntry | undefined>,
  previous: TriggerTable<TriggerEntry>,
): TriggerTable<TriggerEntry> {
  const entries: TriggerEntry[] = [];
  for (const state of catalog.list()) {
    const prepared = state.published ? state.valid?.prepared : undefined;
    if (prepared) entries.push(prepared);
  }
  const held = new Map(previous.entries.map((entry, index) => [entry.flowId, index]));
  const rank = (entry: TriggerEntry) => held.get(entry.flowId) ?? Number.MAX_SAFE_INTEGER;
  entries.sort((left, right) => rank(left) - rank(right) || (left.flowId < right.flowId ? -1 : 1));
  const { table, conflicts } = TriggerTable.build(entries);
  const issues = new Map<string, ValidationIssue[]>();
  for (const { entry, method, owner } of conflicts) {
    const file = catalog.get(entry.flowId)?.file;
    const message = `${method} ${entry.pattern.source} is already served by flow "${owner.flowId}"`;
    const code = 'http-path-conflict';
    issues.set(entry.flowId, [{ file, pointer: PATH_POINTER, stepId: entry.triggerId, code, message }]);
  }
  catalog.setServingIssues(issues);
  return table;
}
