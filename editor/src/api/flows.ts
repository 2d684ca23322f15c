/**
 * @module Flow calls of the API: list, read, create, save (with the version read), delete, validate,
 * publish, and dry runs.
 */
import type { StepStub } from '../../../engine/runtime/types.js';
import { apiJson, apiRequest } from './client.js';
import type { DryRunExecution, FlowDetail, FlowSummary, ValidationIssue } from './types.js';

/** A flow as read, with the version its file had (for a save that must not overwrite a newer file). */
export interface LoadedFlow {
  flow: FlowDetail;
  version: string;
}

function versionOf(headers: Headers, flow: FlowDetail): string {
  return headers.get('etag')?.replace(/^W\//, '').replace(/"/g, '') ?? flow.version;
}

export async function listFlows(signal?: AbortSignal): Promise<FlowSummary[]> {
  return (await apiJson<{ flows: FlowSummary[] }>('/flows', { signal })).flows;
}

export async function getFlow(id: string, signal?: AbortSignal): Promise<LoadedFlow> {
  const { data, headers } = await apiRequest<FlowDetail>(`/flows/${encodeURIComponent(id)}`, { signal });
  return { flow: data, version: versionOf(headers, data) };
}

/** Creates a flow file; fails with `FLOW:EXISTS` when the id is taken, `VALIDATION` with issues when invalid. */
export async function createFlow(id: string, document: unknown): Promise<LoadedFlow> {
  const { data, headers } = await apiRequest<FlowDetail>('/flows', { method: 'POST', body: { id, document } });
  return { flow: data, version: versionOf(headers, data) };
}

/**
 * Writes the flow in canonical form. With `baseVersion`, fails with `FLOW:VERSION_MISMATCH` when the file
 * changed since that version; without it, overwrites.
 */
export async function saveFlow(id: string, document: unknown, baseVersion?: string): Promise<LoadedFlow> {
  const headers: Record<string, string> = baseVersion ? { 'if-match': `"${baseVersion}"` } : {};
  const answer = await apiRequest<FlowDetail>(`/flows/${encodeURIComponent(id)}`, { method: 'PUT', body: document, headers });
  return { flow: answer.data, version: versionOf(answer.headers, answer.data) };
}

export async function deleteFlow(id: string): Promise<void> {
  await apiRequest(`/flows/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** What validating a document gives: the problems saving would report, and warnings that never block it. */
export interface FlowValidation {
  issues: ValidationIssue[];
  warnings: ValidationIssue[];
}

/** Every problem and warning of a document (a server without warnings gives none). */
export async function validateFlow(document: unknown, id: string | undefined, signal?: AbortSignal): Promise<FlowValidation> {
  const body = id ? { document, id } : { document };
  const answer = await apiJson<{ valid: boolean; issues: ValidationIssue[]; warnings?: ValidationIssue[] }>('/flows/validate', { method: 'POST', body, signal });
  return { issues: answer.issues, warnings: answer.warnings ?? [] };
}

export async function setPublished(id: string, published: boolean): Promise<FlowSummary> {
  const action = published ? 'publish' : 'unpublish';
  return apiJson<FlowSummary>(`/flows/${encodeURIComponent(id)}/${action}`, { method: 'POST' });
}

/** What a test run starts from: a CloudEvent (event triggers) or a message. */
export type DryRunInput =
  | { event: Record<string, unknown> }
  | { input: { payload: unknown; attributes?: Record<string, unknown>; vars?: Record<string, unknown> } };

/** Runs `document` (saved or not) once with side effects stubbed; resolves with the full trace. */
export async function dryRun(
  id: string,
  document: unknown,
  input: DryRunInput,
  stubs?: Record<string, StepStub>,
): Promise<DryRunExecution> {
  const body = { document, ...input, ...(stubs ? { stubs } : {}) };
  return apiJson<DryRunExecution>(`/flows/${encodeURIComponent(id)}/dry-run`, { method: 'POST', body });
}
