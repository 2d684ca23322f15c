/**
 * @module Merge conflict markers: what the merge driver writes where two branches disagree, and how the
 * validators find them again (file, step id, pointer, both sides).
 */
import { joinPointer, type ValidationIssue } from '../core/issues.js';
import { isObject } from './tree.js';
import { showValue } from './values.js';

/** The key of a conflict marker: `{"$conflict": {...}}` in place of a field, or beside a step's own keys. */
export const CONFLICT_KEY = '$conflict';

/** What a marker holds: the value of each side (absent when the side has none), or why a whole node conflicts. */
export interface ConflictMarker {
  reason?: string;
  base?: unknown;
  ours?: unknown;
  theirs?: unknown;
}

/** A field's value replaced by a marker holding the three versions. */
export function fieldMarker(base: unknown, ours: unknown, theirs: unknown): { $conflict: ConflictMarker } {
  const marker: ConflictMarker = {};
  if (base !== undefined) marker.base = base;
  if (ours !== undefined) marker.ours = ours;
  if (theirs !== undefined) marker.theirs = theirs;
  return { $conflict: marker };
}

/**
 * Every conflict marker in a document, as `merge-conflict` issues at the marker's pointer, with the id of
 * the step (or branch, or target) it is in and both sides in the message.
 *
 * @example
 * findConflictMarkers(doc, 'flows/a.flow.json');
 * // [{ file, pointer: '/steps/2/config/content', stepId: 'send', code: 'merge-conflict', message: 'merge conflict: ours expr(...), theirs expr(...) (base ...); ...' }]
 */
export function findConflictMarkers(document: unknown, file?: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const visit = (value: unknown, pointer: string, stepId: string | undefined) => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, joinPointer(pointer, index), stepId));
      return;
    }
    if (!isObject(value)) return;
    const ownId = typeof value.id === 'string' && !pointer.includes('/config') ? value.id : stepId;
    if (CONFLICT_KEY in value) {
      const issue: ValidationIssue = { pointer, code: 'merge-conflict', message: describeMarker(value[CONFLICT_KEY]) };
      if (ownId !== undefined) issue.stepId = ownId;
      issues.push(file === undefined ? issue : { file, ...issue });
    }
    for (const [key, item] of Object.entries(value)) {
      if (key !== CONFLICT_KEY) visit(item, joinPointer(pointer, key), ownId);
    }
  };
  visit(document, '', undefined);
  return issues;
}

function describeMarker(marker: unknown): string {
  const fix = `edit the value and remove the "${CONFLICT_KEY}" marker`;
  if (!isObject(marker)) return `merge conflict marker; ${fix}`;
  const side = (name: 'base' | 'ours' | 'theirs') => (name in marker ? showValue(marker[name], 120) : '(absent)');
  const reason = typeof marker.reason === 'string' ? `${marker.reason}: ` : '';
  const base = 'base' in marker ? ` (base ${side('base')})` : '';
  return `merge conflict: ${reason}ours ${side('ours')}, theirs ${side('theirs')}${base}; ${fix}`;
}

/**
 * The issues a validator found, with the conflict markers of `document` first and without the issues that a
 * marker explains already (those at or under a field marker, and the marker key itself).
 *
 * @example
 * const issues = withConflictMarkers(document, checkTree(document), file);
 */
export function withConflictMarkers(document: unknown, issues: ValidationIssue[], file?: string): ValidationIssue[] {
  const markers = findConflictMarkers(document, file);
  if (markers.length === 0) return issues;
  const covered = (pointer: string) =>
    markers.some((marker) => {
      if (pointer === marker.pointer || pointer.startsWith(`${marker.pointer}/${CONFLICT_KEY}`)) return true;
      const holder = valueAtPointer(document, marker.pointer);
      const fieldMarker = isObject(holder) && Object.keys(holder).length === 1;
      return fieldMarker && pointer.startsWith(`${marker.pointer}/`);
    });
  return [...markers, ...issues.filter((issue) => !covered(issue.pointer))];
}

function valueAtPointer(document: unknown, pointer: string): unknown {
  let current = document;
  for (const segment of pointer.split('/').slice(1)) {
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) current = current[Number(key)];
    else if (isObject(current)) current = current[key];
    else return undefined;
  }
  return current;
}
