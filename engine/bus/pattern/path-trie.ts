/**
 * @module The field paths that rules look at, as a tree of keys. An event is walked along it once per
 * match, so only fields some rule names are read, and each path's scalars are collected for the
 * rule automaton.
 */
import { internalized, isEventObject, isScalar, MAX_LIST_NESTING, readField } from './event-values.js';
import type { Scalar } from './types.js';

/** One key of a path. A node some rule reads has a `pathId` (otherwise -1). */
export class PathNode {
  readonly children = new Map<string, PathNode>();
  /** `children` as an array, for a fast walk. */
  childList: Array<[string, PathNode]> = [];
  pathId = -1;
  /** Rule fields at or below this node; the node is pruned when it drops to 0. */
  uses = 0;
  /** Rule fields whose path ends at this node; the path id is given back when it drops to 0. */
  ends = 0;
}

/** The scalars of one event, by path id; valid for the match whose epoch they carry. */
export class EventScalars {
  epoch = 0;
  /** Set when an object inside a list was walked: field values may then come from different elements. */
  sawObjectInList = false;
  readonly values: Scalar[][] = [];
  readonly counts: number[] = [];
  readonly stamps: number[] = [];

  add(pathId: number, value: Scalar): void {
    if (this.stamps[pathId] !== this.epoch) {
      this.stamps[pathId] = this.epoch;
      this.counts[pathId] = 0;
      this.values[pathId] ??= [];
    }
    this.values[pathId]![this.counts[pathId]!++] = value;
  }
}

/** The trie of paths with reference counts and path ids. */
export class PathTrie {
  readonly root = new PathNode();
  private nextId = 0;
  private readonly freeIds: number[] = [];

  /** Counts one more rule field at a path; returns the path's id. */
  use(path: readonly string[]): number {
    let node = this.root;
    node.uses++;
    for (const key of path) {
      let child = node.children.get(key);
      if (!child) {
        child = new PathNode();
        node.children.set(internalized(key), child);
        node.childList = [...node.children];
      }
      child.uses++;
      node = child;
    }
    if (node.ends++ === 0) node.pathId = this.freeIds.pop() ?? this.nextId++;
    return node.pathId;
  }

  /** Counts one rule field less at a path, pruning what nobody reads any more. */
  release(path: readonly string[]): void {
    const trail = [this.root];
    for (const key of path) trail.push(trail[trail.length - 1]!.children.get(key)!);
    const end = trail[trail.length - 1]!;
    if (--end.ends === 0) {
      this.freeIds.push(end.pathId);
      end.pathId = -1;
    }
    for (const node of trail) node.uses--;
    for (let index = 1; index < trail.length; index++) {
      if (trail[index]!.uses > 0) continue;
      const parent = trail[index - 1]!;
      parent.children.delete(path[index - 1]!);
      parent.childList = [...parent.children];
      return;
    }
  }

  /** Collects the scalars of every path in use from an event object. */
  collect(object: object, into: EventScalars): void {
    walkObject(this.root, object, into);
  }
}

function walkObject(node: PathNode, object: object, into: EventScalars): void {
  const children = node.childList;
  for (let index = 0; index < children.length; index++) {
    const entry = children[index]!;
    const value = readField(object, entry[0]);
    if (value !== undefined) visit(entry[1], value, into, 0);
  }
}

function visit(node: PathNode, value: unknown, into: EventScalars, depth: number): void {
  if (Array.isArray(value)) {
    // the same depth as matchesPattern: the field's list is depth 0, and a list at MAX_LIST_NESTING is read
    if (depth > MAX_LIST_NESTING) return;
    for (let index = 0; index < value.length; index++) {
      const element = value[index];
      if (isEventObject(element)) {
        if (node.childList.length === 0) continue;
        into.sawObjectInList = true;
        walkObject(node, element, into);
      } else {
        visit(node, element, into, depth + 1);
      }
    }
  } else if (isEventObject(value)) {
    if (node.childList.length > 0) walkObject(node, value, into);
  } else if (node.pathId !== -1 && isScalar(value)) {
    into.add(node.pathId, value);
  }
}
