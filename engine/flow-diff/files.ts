/**
 * @module The semantic diff of two snapshots of a flows folder (file path to text): which flow, rule and
 * bus files were added, removed or changed, and how.
 */
import { compareCodeUnits } from '../json/write.js';
import { diffDocuments, type FileDiff } from './diff.js';
import type { SchemaSource } from './secrets.js';
import { documentKindOf } from './tree.js';

/** File paths (relative, `/`-separated) to their text; only flow, rule and bus files are compared. */
export type Snapshot = ReadonlyMap<string, string>;

/** A file diff, and what could not be read on either side. */
export interface SnapshotFileDiff extends FileDiff {
  /** Set when a version is not JSON: that version is compared as empty. */
  problem?: string;
}

/**
 * Compares two snapshots; files whose text is the same are left out, and so are files whose change is only
 * formatting (no semantic change).
 *
 * @example
 * const files = diffSnapshots(await readRevision(repo, 'HEAD', 'flows'), await readWorkTree('flows'), { registry });
 */
export function diffSnapshots(before: Snapshot, after: Snapshot, source: SchemaSource = {}): SnapshotFileDiff[] {
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort(compareCodeUnits);
  const files: SnapshotFileDiff[] = [];
  for (const file of paths) {
    const kind = documentKindOf(file);
    const oldText = before.get(file);
    const newText = after.get(file);
    if (!kind || oldText === newText) continue;
    const diff = diffTexts(file, oldText, newText, source);
    if (diff.changes.length > 0 || diff.problem || diff.status !== 'modified') files.push(diff);
  }
  return files;
}

/** The diff of one file's two texts (undefined: the file does not exist in that version). */
export function diffTexts(file: string, oldText: string | undefined, newText: string | undefined, source: SchemaSource = {}): SnapshotFileDiff {
  const kind = documentKindOf(file) ?? 'flow';
  const problems: string[] = [];
  const parse = (text: string | undefined, which: string) => {
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text) as unknown;
    } catch (error) {
      problems.push(`the ${which} version is not valid JSON (${(error as Error).message})`);
      return undefined;
    }
  };
  const status = oldText === undefined ? 'added' : newText === undefined ? 'removed' : 'modified';
  const changes = diffDocuments(parse(oldText, 'old'), parse(newText, 'new'), kind, source);
  const diff: SnapshotFileDiff = { file, kind, status, changes };
  if (problems.length > 0) diff.problem = problems.join('; ');
  return diff;
}
