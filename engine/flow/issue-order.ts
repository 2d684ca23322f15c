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
  const positions = new Map<string, number>();
  indexPointers(document, '', positions);
  const ranked = issues.map((issue, found) => {
    return { issue, found, position: positionOf(issue.pointer, positions) };
  });
  ranked.sort((left, right) => left.position - right.position || left.found - right.found);
  return ranked.map((entry) => entry.issue);
}

function indexPointers(value: unknown, pointer: string, positions: Map<string, number>): void {
  positions.set(pointer, positions.size);
  if (Array.isArray(value)) {
    value.forEach((item, index) => indexPointers(item, joinPointer(pointer, index), positions));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      indexPointers(item, joinPointer(pointer, key), positions);
    }
  }
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
