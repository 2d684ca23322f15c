/**
 * @module Every node of a flow (trigger, steps, branches) with its path, in document order.
 */
import type { BranchNode, StepNode } from '../../../engine/flow/document.js';
import type { StepCatalog } from './catalog.js';
import { rootSteps, triggerOf, type DraftFlow } from './draft.js';
import type { NodePath } from './paths.js';
import { branchList, branchSteps, isScope, scopeParts, sequenceSteps, type ScopePart } from './scopes.js';

export type WalkedNode =
  | { kind: 'trigger'; path: NodePath; node: StepNode; inCatch: false }
  | { kind: 'step'; path: NodePath; node: StepNode; inCatch: boolean }
  | { kind: 'branch'; path: NodePath; node: BranchNode; part: ScopePart; owner: NodePath; inCatch: boolean };

/** A part whose branches run on an error, so their steps see `error`. */
function isErrorHandler(part: ScopePart): boolean {
  return part.kind === 'branches' && /catch/i.test(`${part.key} ${part.branchTitle}`);
}

function* walkSequence(
  steps: StepNode[],
  path: NodePath,
  catalog: StepCatalog,
  inCatch: boolean,
): Generator<WalkedNode> {
  for (const [index, step] of steps.entries()) {
    const stepPath = [...path, index];
    yield { kind: 'step', path: stepPath, node: step, inCatch };
    for (const part of scopeParts(step, catalog.get(step.type))) {
      if (part.kind === 'sequence') {
        yield* walkSequence(sequenceSteps(step, part.key), [...stepPath, part.key], catalog, inCatch);
        continue;
      }
      for (const [branchIndex, branch] of branchList(step, part.key).entries()) {
        const branchPath = [...stepPath, part.key, branchIndex];
        const handler = inCatch || isErrorHandler(part);
        yield { kind: 'branch', path: branchPath, node: branch, part, owner: stepPath, inCatch: handler };
        yield* walkSequence(branchSteps(branch), [...branchPath, 'steps'], catalog, handler);
      }
    }
  }
}

/**
 * Walks the trigger, then every step and branch depth-first in document order.
 *
 * @example
 * for (const entry of walkFlow(draft, catalog)) console.log(entry.kind, entry.node.id);
 */
export function* walkFlow(draft: DraftFlow, catalog: StepCatalog): Generator<WalkedNode> {
  const trigger = triggerOf(draft);
  if (trigger) yield { kind: 'trigger', path: ['trigger'], node: trigger, inCatch: false };
  yield* walkSequence(rootSteps(draft), ['steps'], catalog, false);
}

/** The node at `path`, found by walking (so that only real nodes count). */
export function findNode(draft: DraftFlow, catalog: StepCatalog, path: NodePath): WalkedNode | undefined {
  const key = JSON.stringify(path);
  for (const entry of walkFlow(draft, catalog)) if (JSON.stringify(entry.path) === key) return entry;
  return undefined;
}

/** Every id in use (trigger, steps, branches). */
export function usedIds(draft: DraftFlow, catalog: StepCatalog): Set<string> {
  const ids = new Set<string>();
  for (const entry of walkFlow(draft, catalog)) if (typeof entry.node.id === 'string') ids.add(entry.node.id);
  return ids;
}

/** Ids of the steps that do the work themselves (not scopes): the ones a test run can mock. */
export function actionStepIds(draft: DraftFlow, catalog: StepCatalog): string[] {
  const ids: string[] = [];
  for (const entry of walkFlow(draft, catalog)) {
    if (entry.kind !== 'step' || typeof entry.node.id !== 'string') continue;
    if (!isScope(entry.node, catalog.get(entry.node.type))) ids.push(entry.node.id);
  }
  return ids;
}

/** How many steps sit inside the node at `path` (its scopes' and branches' steps, at any depth). */
export function nestedStepCount(draft: DraftFlow, catalog: StepCatalog, path: NodePath): number {
  const prefix = JSON.stringify(path).slice(0, -1);
  let count = 0;
  for (const entry of walkFlow(draft, catalog)) {
    if (entry.kind === 'step' && entry.path.length > path.length && JSON.stringify(entry.path).startsWith(`${prefix},`)) count += 1;
  }
  return count;
}

/** Names that Set Variable steps before the node at `path` (in document order) store: what `vars.` may hold. */
export function variablesBefore(draft: DraftFlow, catalog: StepCatalog, path: NodePath): string[] {
  const key = JSON.stringify(path);
  const names: string[] = [];
  for (const entry of walkFlow(draft, catalog)) {
    if (JSON.stringify(entry.path) === key) break;
    const name = entry.node.config?.name;
    if (entry.kind === 'step' && entry.node.type === 'set-variable' && typeof name === 'string' && !names.includes(name)) names.push(name);
  }
  return names;
}
