/**
 * @module Git review calls of the API: the files changed since the last commit, and one flow's changes in
 * steps (the same diff as `flowbus diff`).
 */
import type { DiffEntry } from '../../../engine/flow-diff/diff.js';
import { apiJson } from './client.js';

export type { DiffEntry };

/** One changed file of the flows folder. */
export interface ChangedFile {
  file: string;
  kind: 'flow' | 'rule' | 'bus';
  id: string;
  status: 'added' | 'removed' | 'modified';
  changes: number;
}

/** A flow compared with its last commit; `git` false when the flows folder is not in a git work tree. */
export interface FlowChanges {
  git: boolean;
  status: 'added' | 'modified' | 'unchanged' | 'untracked';
  changes: DiffEntry[];
}

export async function listChangedFiles(signal?: AbortSignal): Promise<{ git: boolean; files: ChangedFile[] }> {
  return apiJson<{ git: boolean; files: ChangedFile[] }>('/changes', { signal });
}

/** How `document` (the draft, saved or not) differs from the flow's last commit. */
export async function flowChanges(id: string, document: unknown, signal?: AbortSignal): Promise<FlowChanges> {
  return apiJson<FlowChanges>(`/flows/${encodeURIComponent(id)}/changes`, { method: 'POST', body: { document }, signal });
}
