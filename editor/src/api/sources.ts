/**
 * @module The event sources' calls: list, read, validate, save (canonical file, started at once), delete, and
 * the source types with the config schemas the forms are built from.
 */
import type { SourceView } from '../../../engine/bus/sources/source-manager.js';
import type { JsonSchema } from '../../../engine/core/json-schema.js';
import { apiJson, apiRequest } from './client.js';
import type { ValidationIssue } from './types.js';

export type { SourceView };

/** One source with its document as the file holds it (absent when the file is not JSON). */
export interface SourceDetail extends SourceView {
  source?: unknown;
}

/** A kind of source as `GET /api/source-types` gives it. */
export interface SourceTypeManifest {
  type: string;
  title: string;
  description: string;
  config: JsonSchema;
}

/** Every source file with its state and problems. */
export async function listSources(signal?: AbortSignal): Promise<SourceView[]> {
  return (await apiJson<{ sources: SourceView[] }>('/sources', { signal })).sources;
}

/** One source with its document. */
export async function getSource(id: string, signal?: AbortSignal): Promise<SourceDetail> {
  return apiJson<SourceDetail>(`/sources/${encodeURIComponent(id)}`, { signal });
}

/** Writes the source file in canonical form; fails with `VALIDATION` and every issue when it has problems. */
export async function saveSource(id: string, document: unknown): Promise<SourceDetail> {
  return (await apiRequest<SourceDetail>(`/sources/${encodeURIComponent(id)}`, { method: 'PUT', body: document })).data;
}

/** Stops the source and deletes its file. */
export async function deleteSource(id: string): Promise<void> {
  await apiRequest(`/sources/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** Every issue of a document, as a save under `id` would find them; saves nothing. */
export async function validateSource(id: string, document: unknown, signal?: AbortSignal): Promise<ValidationIssue[]> {
  const path = `/sources/validate?id=${encodeURIComponent(id)}`;
  const answer = await apiJson<{ valid: boolean; issues: ValidationIssue[] }>(path, { method: 'POST', body: document, signal });
  return answer.issues;
}

/** The source types with their config schemas. */
export async function listSourceTypes(signal?: AbortSignal): Promise<SourceTypeManifest[]> {
  return (await apiJson<{ types: SourceTypeManifest[] }>('/source-types', { signal })).types;
}
