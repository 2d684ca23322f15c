/**
 * @module Draft calls of the API: the editor's work in progress on the server (may be invalid), written with
 * the revision last read, publishing it (validated, then written to the flows folder), and its changes
 * against the published file.
 */
import type { DiffEntry } from '../../../engine/flow-diff/diff.js';
import type { DraftSummary, FlowDraft } from '../../../engine/server/flows/drafts.js';
import { ApiError, apiJson, apiRequest } from './client.js';
import type { LoadedFlow } from './flows.js';
import type { FlowDetail } from './types.js';

export type { DraftSummary, FlowDraft };

const draftPath = (id: string) => `/flows/${encodeURIComponent(id)}/draft`;

/** The draft of a flow, or undefined when it has none. */
export async function getDraft(id: string, signal?: AbortSignal): Promise<FlowDraft | undefined> {
  try {
    return await apiJson<FlowDraft>(draftPath(id), { signal });
  } catch (thrown) {
    if (thrown instanceof ApiError && thrown.status === 404) return undefined;
    throw thrown;
  }
}

export async function listDrafts(signal?: AbortSignal): Promise<DraftSummary[]> {
  return (await apiJson<{ drafts: DraftSummary[] }>('/drafts', { signal })).drafts;
}

/**
 * Writes the draft. With `revision`, fails with `FLOW:VERSION_MISMATCH` when the draft changed since; with
 * `'new'`, when a draft exists already; with undefined, overwrites.
 */
export async function putDraft(id: string, document: unknown, baseVersion: string | null, revision?: string | 'new'): Promise<FlowDraft> {
  const headers: Record<string, string> =
    revision === 'new' ? { 'if-none-match': '*' } : revision ? { 'if-match': `"${revision}"` } : {};
  return apiJson<FlowDraft>(draftPath(id), { method: 'PUT', body: { document, baseVersion }, headers });
}

/** Deletes the draft (a missing one is not an error). */
export async function discardDraft(id: string, revision?: string): Promise<void> {
  try {
    await apiRequest(draftPath(id), { method: 'DELETE', headers: revision ? { 'if-match': `"${revision}"` } : {} });
  } catch (thrown) {
    if (!(thrown instanceof ApiError && thrown.status === 404)) throw thrown;
  }
}

/**
 * Validates the draft and writes the flow file; fails with `VALIDATION` and its issues when invalid, and with
 * `FLOW:VERSION_MISMATCH` when the file changed since the draft began (unless `overwrite`).
 */
export async function publishDraft(id: string, revision: string, overwrite = false): Promise<LoadedFlow> {
  const answer = await apiRequest<FlowDetail>(`${draftPath(id)}/publish`, {
    method: 'POST',
    body: { overwrite },
    headers: { 'if-match': `"${revision}"` },
  });
  return { flow: answer.data, version: answer.headers.get('etag')?.replace(/"/g, '') ?? answer.data.version };
}

/** The draft compared with the published file. */
export interface DraftChanges {
  status: 'added' | 'modified' | 'unchanged';
  changes: DiffEntry[];
}

export async function draftChanges(id: string, signal?: AbortSignal): Promise<DraftChanges> {
  return apiJson<DraftChanges>(`${draftPath(id)}/changes`, { signal });
}
