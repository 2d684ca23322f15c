/**
 * @module A set of flow files loaded and compiled together, so Flow Reference steps can find each other.
 */
import { FlowbusError } from '../core/errors.js';
import type { ValidationIssue } from '../core/issues.js';
import type { Registry } from '../core/registry.js';
import { flowIdFromPath } from '../flow/document.js';
import { findFlowFiles, loadFlowFile } from '../flow/load.js';
import { compileFlow } from './compile.js';
import type { CompiledFlow } from './types.js';

/** Flows by id: the compiled ones, and the problems of those that did not compile. */
export interface FlowCatalog {
  flows: Map<string, CompiledFlow>;
  files: Map<string, string>;
  issues: ValidationIssue[];
  resolveFlow(flowId: string): CompiledFlow | undefined;
}

/** Loads every `*.flow.json` under `paths` (files or folders) and compiles the valid ones. */
export async function loadFlowCatalog(paths: string[], registry: Registry): Promise<FlowCatalog> {
  const files = await findFlowFiles(paths);
  const knownFlows = new Set(files.map(flowIdFromPath));
  const loaded = await Promise.all(files.map((file) => loadFlowFile(file, registry, { knownFlows })));
  const catalog: FlowCatalog = {
    flows: new Map(),
    files: new Map(),
    issues: [],
    resolveFlow: (flowId) => catalog.flows.get(flowId),
  };
  for (const entry of loaded) {
    catalog.files.set(entry.id, entry.file);
    if (!entry.document || entry.issues.length > 0) {
      catalog.issues.push(...entry.issues);
      continue;
    }
    try {
      catalog.flows.set(entry.id, compileFlow(entry.id, entry.document, registry, { file: entry.file }));
    } catch (error) {
      const issues = error instanceof FlowbusError ? (error.details?.issues as ValidationIssue[] | undefined) : undefined;
      catalog.issues.push(...(issues ?? [{ file: entry.file, pointer: '', code: 'compile', message: String(error) }]));
    }
  }
  return catalog;
}
