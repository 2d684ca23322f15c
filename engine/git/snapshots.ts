/**
 * @module Snapshots of a flows folder for the semantic diff: at a git revision, or as the work tree has it.
 */
import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { findFiles } from '../json/files.js';
import type { Snapshot } from '../flow-diff/index.js';
import { findWorkTree, isCommit, readRevisionFiles, type WorkTree } from './git.js';

/** The files the diff compares. */
export const DIFFED_ENDINGS = ['.flow.json', '.rule.json', '.bus.json'] as const;

/** The flow, rule and bus files under `folder` as they are on disk, by path relative to `folder`. */
export async function readFolderSnapshot(folder: string): Promise<Snapshot> {
  const snapshot = new Map<string, string>();
  for (const file of await findFiles([folder], DIFFED_ENDINGS)) {
    snapshot.set(relative(folder, file).split(sep).join('/'), await readFile(file, 'utf8'));
  }
  return snapshot;
}

/** The flow, rule and bus files of the folder at a revision; empty when the revision has no commit yet. */
export async function readRevisionSnapshot(tree: WorkTree, revision: string): Promise<Snapshot> {
  if (revision === 'HEAD' && !(await isCommit('HEAD', tree.top))) return new Map();
  return readRevisionFiles(tree, revision, DIFFED_ENDINGS);
}

/**
 * What changed in a flows folder since the last commit: the snapshots of HEAD and of the work tree, or
 * undefined when the folder is not in a git work tree.
 */
export async function snapshotsSinceHead(folder: string): Promise<{ tree: WorkTree; head: Snapshot; work: Snapshot } | undefined> {
  const tree = await findWorkTree(folder);
  if (!tree) return undefined;
  const [head, work] = await Promise.all([readRevisionSnapshot(tree, 'HEAD'), readFolderSnapshot(folder)]);
  return { tree, head, work };
}
