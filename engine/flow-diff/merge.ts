/**
 * @module The three-way merge of flow, rule and bus documents on their node trees, by step (or target) id:
 * different steps, or different fields of one step, merge; the same field changed two ways is a conflict
 * marker on that step.
 */
import type { Registry } from '../core/registry.js';
import { CONFLICT_KEY, fieldMarker, type ConflictMarker } from './conflict-marker.js';
import { buildTree, rebuildDocument, splitContainer, isObject, type DocumentKind, type NodeTree, type TreeNode } from './tree.js';
import { isExpression, sameValue } from './values.js';

/** One place the two sides disagree; `pointer` is relative to the node (`''`: the node itself). */
export interface MergeConflict {
  key: string;
  pointer: string;
  reason: string;
}

export interface MergeResult {
  document: Record<string, unknown>;
  conflicts: MergeConflict[];
}

type Side = 'ours' | 'theirs';

/**
 * Merges `ours` and `theirs`, both descended from `base`. Conflicts are written into the document as
 * `$conflict` markers and listed.
 *
 * @example
 * const { document, conflicts } = mergeDocuments(base, ours, theirs, 'flow', registry);
 * if (conflicts.length === 0) await writeFile(path, formatFlow(document, registry));
 */
export function mergeDocuments(base: unknown, ours: unknown, theirs: unknown, kind: DocumentKind, registry?: Registry): MergeResult {
  const trees = { base: buildTree(base, kind, registry), ours: buildTree(ours, kind, registry), theirs: buildTree(theirs, kind, registry) };
  const merged: NodeTree = { kind, nodes: new Map(), containers: new Map() };
  const conflicts: MergeConflict[] = [];
  const keys = [...new Set([...trees.ours.nodes.keys(), ...trees.theirs.nodes.keys(), ...trees.base.nodes.keys()])];
  for (const key of keys) {
    const node = mergeNode(key, trees, conflicts);
    if (node) merged.nodes.set(key, node);
  }
  keepOwnersOfSurvivors(merged, trees, conflicts);
  orderContainers(merged, trees);
  return { document: rebuildDocument(merged), conflicts };
}

function mergeNode(key: string, trees: Record<'base' | Side, NodeTree>, conflicts: MergeConflict[]): TreeNode | undefined {
  const base = trees.base.nodes.get(key);
  const ours = trees.ours.nodes.get(key);
  const theirs = trees.theirs.nodes.get(key);
  if (!ours && !theirs) return undefined;
  if (!ours || !theirs) {
    const kept = (ours ?? theirs)!;
    if (!base) return copyNode(kept);
    // Deleted on one side: the deletion wins unless the other side changed the node itself.
    if (sameValue(base.fields, kept.fields)) return undefined;
    const reason = ours ? 'deleted on theirs, changed on ours' : 'deleted on ours, changed on theirs';
    return markNode(copyNode(kept), { reason, ours: ours ? 'changed' : 'deleted', theirs: theirs ? 'changed' : 'deleted' }, conflicts);
  }
  const node = copyNode(ours);
  const fields = mergeValue(base?.fields, ours.fields, theirs.fields, '', key, conflicts);
  node.fields = isObject(fields) ? fields : {};
  node.lists = [...new Set([...ours.lists, ...theirs.lists])];
  const parent = pickThreeWay(base?.parent, ours.parent, theirs.parent);
  if (parent === undefined) {
    markNode(node, { reason: 'moved to different places', ours: scopeName(ours.parent), theirs: scopeName(theirs.parent) }, conflicts);
  } else node.parent = parent;
  return node;
}

/** The merged value: the side that changed wins; objects merge key by key; two different changes conflict. */
function mergeValue(base: unknown, ours: unknown, theirs: unknown, pointer: string, key: string, conflicts: MergeConflict[]): unknown {
  if (sameValue(ours, theirs)) return ours;
  if (sameValue(base, ours)) return theirs;
  if (sameValue(base, theirs)) return ours;
  if (isPlainObject(ours) && isPlainObject(theirs)) {
    const baseObject = isPlainObject(base) ? base : {};
    const result: Record<string, unknown> = {};
    for (const name of new Set([...Object.keys(ours), ...Object.keys(theirs), ...Object.keys(baseObject)])) {
      const value = mergeValue(baseObject[name], ours[name], theirs[name], `${pointer}/${escape(name)}`, key, conflicts);
      if (value !== undefined) result[name] = value;
    }
    return result;
  }
  conflicts.push({ key, pointer, reason: 'changed on both sides' });
  return fieldMarker(base, ours, theirs);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return isObject(value) && !isExpression(value) && !(CONFLICT_KEY in value);
}

function pickThreeWay(base: string | undefined, ours: string, theirs: string): string | undefined {
  if (ours === theirs || theirs === base) return ours;
  return ours === base ? theirs : undefined;
}

function copyNode(node: TreeNode): TreeNode {
  return { ...node, fields: structuredClone(node.fields), lists: [...node.lists] };
}

function markNode(node: TreeNode, marker: ConflictMarker, conflicts: MergeConflict[]): TreeNode {
  node.fields = { ...node.fields, [CONFLICT_KEY]: marker };
  conflicts.push({ key: node.key, pointer: '', reason: marker.reason ?? 'conflict' });
  return node;
}

function scopeName(container: string): string {
  const { owner, list } = splitContainer(container);
  return owner.startsWith('(') ? list : `${owner}.${list}`;
}

/** A node deleted on one side whose list still holds steps the other side added or kept is kept, marked. */
function keepOwnersOfSurvivors(merged: NodeTree, trees: Record<'base' | Side, NodeTree>, conflicts: MergeConflict[]): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const node of [...merged.nodes.values()]) {
      if (!node.parent) continue;
      const { owner, list } = splitContainer(node.parent);
      let ownerNode = merged.nodes.get(owner);
      if (!ownerNode) {
        const side = [trees.ours, trees.theirs, trees.base].find((tree) => tree.nodes.has(owner));
        if (!side) continue;
        const reason = 'deleted on one side, while the other side has steps inside it';
        ownerNode = markNode(copyNode(side.nodes.get(owner)!), { reason }, conflicts);
        merged.nodes.set(owner, ownerNode);
        // The kept scope keeps what that side has inside it, so that it is shown whole.
        for (const inside of side.nodes.values()) {
          if (!merged.nodes.has(inside.key) && isInside(side, inside, owner)) merged.nodes.set(inside.key, copyNode(inside));
        }
        changed = true;
      }
      if (!ownerNode.lists.includes(list)) ownerNode.lists.push(list);
    }
  }
}

function isInside(tree: NodeTree, node: TreeNode, owner: string): boolean {
  for (let parent = node.parent; parent; ) {
    const { owner: next } = splitContainer(parent);
    if (next === owner) return true;
    parent = tree.nodes.get(next)?.parent ?? '';
  }
  return false;
}

/** Orders each list: the side that reordered it wins; nodes only one side placed there follow their predecessor. */
function orderContainers(merged: NodeTree, trees: Record<'base' | Side, NodeTree>): void {
  const members = new Map<string, Set<string>>();
  for (const node of merged.nodes.values()) {
    if (!node.parent) continue;
    if (!members.has(node.parent)) members.set(node.parent, new Set());
    members.get(node.parent)!.add(node.key);
  }
  for (const [container, keys] of members) {
    const list = (tree: NodeTree) => tree.containers.get(container) ?? [];
    const [base, ours, theirs] = [list(trees.base), list(trees.ours), list(trees.theirs)];
    const oursReordered = !sameOrder(ours, base);
    const theirsReordered = !sameOrder(theirs, base);
    const first = theirsReordered && !oursReordered ? theirs : ours;
    const order = first.filter((key) => keys.has(key));
    for (const side of [ours, theirs, base]) {
      side.forEach((key, index) => {
        if (!keys.has(key) || order.includes(key)) return;
        const before = side.slice(0, index).reverse().find((candidate) => order.includes(candidate));
        const after = side.slice(index + 1).find((candidate) => order.includes(candidate));
        const at = before !== undefined ? order.indexOf(before) + 1 : after !== undefined ? order.indexOf(after) : order.length;
        order.splice(at, 0, key);
      });
    }
    for (const key of keys) if (!order.includes(key)) order.push(key);
    merged.containers.set(container, order);
  }
}

/** Whether the keys two lists share come in the same order. */
function sameOrder(left: string[], right: string[]): boolean {
  const shared = left.filter((key) => right.includes(key));
  const other = right.filter((key) => left.includes(key));
  return shared.every((key, index) => key === other[index]);
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
