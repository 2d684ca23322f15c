/**
 * @module The step registry's manifest: the only place the editor learns step types from.
 */
import { apiJson } from './client.js';
import type { StepManifest } from './types.js';

export async function listStepTypes(signal?: AbortSignal): Promise<StepManifest[]> {
  return (await apiJson<{ steps: StepManifest[] }>('/steps', { signal })).steps;
}
