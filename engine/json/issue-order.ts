/**
 * @module Sorts issues the way a reader meets them: by where their pointer is in the document.
 */
import type { ValidationIssue } from '../core/issues.js';
import { joinPointer } from '../core/issues.js';

/**
 * Sorts issues by the position of their pointer in a pre-order walk of `document` (keys in the order the
 * file has them). A pointer to a missing value sorts with its nearest existing parent, before the parent's
 * children; issues at the same place keep the order they were found in.
 */
export function sortByDocumentOrder<Issue extends Pick<ValidationIssue, 'pointer'>>(
  issues: readonly Issue[],
  document: unknown,
): Issue[] {
  // Indexing walks the whole document: not worth it for a valid flow (the usual case) or a single issue.
  if (issues.length < 2) return [...issues];
  const positions = indexPointers(document);
  const ranked = issues.map((issue, found) => {
    return { issue, found, position: positionOf(issue.pointer, positions) };
  });
  ranked.sort((left, right) => left.position - right.position || left.found - right.found);
  return ranked.map((entry) => entry.issue);
}

/** The pre-order position of every pointer; iterative, so that no nesting can overflow the stack. */
function indexPointers(document: unknown): Map<string, number> {
  const positions = new Map<string, number>();
  const pending: Array<{ value: unknown; pointer: string }> = [{ value: document, pointer: '' }];
  while (pending.length > 0) {
    const { value, pointer } = pending.pop()!;
    positions.set(pointer, positions.size);
    if (typeof value !== 'object' || value === null) continue;
    const children = Array.isArray(value) ? [...value.entries()] : Object.entries(value);
    for (let index = children.length - 1; index >= 0; index--) {
      const [key, item] = children[index]!;
      pending.push({ value: item, pointer: joinPointer(pointer, key) });
    }
  }
  return positions;
}

function positionOf(pointer: string, positions: Map<string, number>): number {
  let current = pointer;
  for (;;) {
    const position = positions.get(current);
    if (position !== undefined) return position;
    if (current === '') return 0;
    current = current.slice(0, current.lastIndexOf('/'));
  }
}
