/**
 * @module Edits of the step tree: add, remove, move, duplicate, and set fields. Each returns a new draft
 * and leaves every part it does not touch as it was (same keys, same values), so unedited steps save
 * byte for byte as read.
 */
import type { BranchNode, StepNode } from '../../../engine/flow/document.js';
import type { StepManifest } from '../api/types.js';
import type { DraftFlow } from './draft.js';
import { uniqueId } from './ids.js';
import { getAt, splitIndex, startsWith, updateAt, type NodePath } from './paths.js';
import { scopeParts, type ScopePart } from './scopes.js';

/** Where a change left the node it was about. */
export interface EditResult {
  draft: DraftFlow;
  path: NodePath;
}

/** A new branch of a scope part, with an id made from its title (`catch`, `when`). */
export function newBranch(part: ScopePart & { kind: 'branches' }, taken: Set<string>): BranchNode {
  const id = uniqueId(part.branchTitle, taken);
  taken.add(id);
  return { id, steps: [] };
}

/** A new step of `manifest`'s type: an id made from its title, empty scope parts, one branch where needed. */
export function newStep(manifest: StepManifest, taken: Set<string>): StepNode {
  const id = uniqueId(manifest.title, taken);
  taken.add(id);
  const step: StepNode = { id, type: manifest.type };
  for (const part of scopeParts(step, manifest)) {
    if (part.kind === 'sequence') {
      if (!part.optional) step[part.key] = [];
    } else {
      step[part.key] = (part.minItems ?? 0) >= 1 ? [newBranch(part, taken)] : [];
    }
  }
  return step;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? [...value] : [];
}

/** Inserts `node` into the list at `list` (created when absent) at `index`. */
export function insertNode(draft: DraftFlow, list: NodePath, index: number, node: unknown): EditResult {
  let at = index;
  const next = updateAt(draft, list, (value) => {
    const items = asList(value);
    at = Math.max(0, Math.min(index, items.length));
    items.splice(at, 0, node);
    return items;
  });
  return { draft: next, path: [...list, at] };
}

/** Removes the step or branch at `path`. */
export function removeNode(draft: DraftFlow, path: NodePath): DraftFlow {
  const place = splitIndex(path);
  if (!place) return draft;
  return updateAt(draft, place.list, (value) => asList(value).filter((_, index) => index !== place.index));
}

/** `target` as it reads once the item at `removed` is gone from its list. */
function afterRemoval(target: NodePath, removed: NodePath): NodePath {
  const place = splitIndex(removed);
  if (!place || !startsWith(target, place.list) || target.length === place.list.length) return target;
  const index = target[place.list.length];
  if (typeof index !== 'number' || index <= place.index) return target;
  return [...place.list, index - 1, ...target.slice(place.list.length + 1)];
}

/**
 * Moves the step at `from` to position `index` of the list at `list` (positions as before the move).
 * Undefined when the move changes nothing or would put a scope inside itself.
 */
export function moveNode(draft: DraftFlow, from: NodePath, list: NodePath, index: number): EditResult | undefined {
  const place = splitIndex(from);
  if (!place || startsWith(list, from)) return undefined;
  const sameList = JSON.stringify(place.list) === JSON.stringify(list);
  if (sameList && (index === place.index || index === place.index + 1)) return undefined;
  const node = getAt(draft, from);
  const removed = removeNode(draft, from);
  const target = afterRemoval(list, from);
  const targetIndex = sameList && place.index < index ? index - 1 : index;
  return insertNode(removed, target, targetIndex, node);
}

/** Moves a step or branch one place up (-1) or down (+1) in its list; undefined at either end. */
export function moveBy(draft: DraftFlow, path: NodePath, delta: -1 | 1): EditResult | undefined {
  const place = splitIndex(path);
  if (!place) return undefined;
  const items = asList(getAt(draft, place.list));
  const to = place.index + delta;
  if (to < 0 || to >= items.length) return undefined;
  [items[place.index], items[to]] = [items[to], items[place.index]];
  const next = updateAt(draft, place.list, () => items);
  return { draft: next, path: [...place.list, to] };
}

/** A deep copy of a node whose step and branch ids (at any depth, outside configs) are new. */
function withNewIds(value: unknown, taken: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => withNewIds(item, taken));
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = key === 'config' ? structuredClone(item) : withNewIds(item, taken);
  const isNode = typeof copy.id === 'string' && (typeof copy.type === 'string' || Array.isArray(copy.steps));
  if (isNode) {
    copy.id = uniqueId(copy.id as string, taken);
    taken.add(copy.id as string);
  }
  return copy;
}

/** Inserts copies of `steps` (pasted, say) at `index` of the list at `list`, every id made unique in the flow. */
export function insertCopies(draft: DraftFlow, list: NodePath, index: number, steps: unknown[], taken: Set<string>): EditResult {
  let result: EditResult = { draft, path: [...list, index] };
  for (const [offset, step] of steps.entries()) {
    result = insertNode(result.draft, list, index + offset, withNewIds(step, taken) as StepNode);
  }
  return result;
}

/** Inserts a copy of the step or branch at `path` right after it, with new ids. */
export function duplicateNode(draft: DraftFlow, path: NodePath, taken: Set<string>): EditResult | undefined {
  const place = splitIndex(path);
  if (!place) return undefined;
  return insertNode(draft, place.list, place.index + 1, withNewIds(getAt(draft, path), taken));
}

/** Sets (or, with undefined, removes) a key of the node at `path`: `id`, `name`, `disabled`, ... */
export function setNodeKey(draft: DraftFlow, path: NodePath, key: string, value: unknown): DraftFlow {
  return updateAt(draft, [...path, key], () => value);
}

/** Sets (or removes) one config field of the node at `path`; a config left empty is removed. */
export function setConfigField(draft: DraftFlow, path: NodePath, field: string, value: unknown): DraftFlow {
  return updateAt(draft, path, (node) => {
    const current = node as Record<string, unknown>;
    const config = { ...((current.config as Record<string, unknown> | undefined) ?? {}) };
    if (value === undefined) delete config[field];
    else config[field] = value;
    const next: Record<string, unknown> = { ...current, config };
    if (Object.keys(config).length === 0) delete next.config;
    return next;
  });
}
