/**
 * @module Addresses inside a flow document: a path of keys and indexes from the root, and its JSON pointer.
 */
import { joinPointer } from '../../../engine/core/issues.js';

/** Keys and indexes from the document root: `['steps', 2, 'catch', 0]`. */
export type NodePath = readonly (string | number)[];

/** The JSON pointer of a path, as validation issues and traces write it. */
export function toPointer(path: NodePath): string {
  return joinPointer('', ...path);
}

/** Whether `path` is `prefix` or lies inside it. */
export function startsWith(path: NodePath, prefix: NodePath): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);
}

export function samePath(left: NodePath | undefined, right: NodePath | undefined): boolean {
  return !!left && !!right && left.length === right.length && startsWith(left, right);
}

/** The value at `path`, or undefined when the document has nothing there. */
export function getAt(root: unknown, path: NodePath): unknown {
  let value = root;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function copyContainer(value: unknown, segment: string | number): Record<string | number, unknown> | unknown[] {
  if (Array.isArray(value)) return [...value];
  if (typeof value === 'object' && value !== null) return { ...(value as Record<string, unknown>) };
  return typeof segment === 'number' ? [] : {};
}

/**
 * A copy of `root` with the value at `path` replaced by what `update` returns; only the containers along the
 * path are copied. `undefined` removes an object key (array items are replaced, never removed here).
 */
export function updateAt<T>(root: T, path: NodePath, update: (value: unknown) => unknown): T {
  if (path.length === 0) return update(root) as T;
  const [segment, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = copyContainer(root, segment) as Record<string | number, unknown>;
  const next = updateAt(copy[segment], rest, update);
  if (next === undefined && !Array.isArray(copy)) delete copy[segment];
  else copy[segment] = next;
  return copy as T;
}

/** {@link updateAt} with a fixed value. */
export function setAt<T>(root: T, path: NodePath, value: unknown): T {
  return updateAt(root, path, () => value);
}

/** The path of the list a node sits in and its index there: `['steps', 2, 'catch']` and `0`. */
export function splitIndex(path: NodePath): { list: NodePath; index: number } | undefined {
  const index = path[path.length - 1];
  return typeof index === 'number' ? { list: path.slice(0, -1), index } : undefined;
}
