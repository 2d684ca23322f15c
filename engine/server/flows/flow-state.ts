/**
 * @module What the server knows of one flow: its file, what parsing it gave, and the version it serves.
 */
import type { ValidationIssue } from '../../core/issues.js';
import type { FlowDocument } from '../../flow/document.js';
import type { CompiledFlow } from '../../runtime/types.js';

/**
 * - `published`: the file's current version is served.
 * - `outdated`: the file has problems; the previous valid version is still served.
 * - `invalid`: the file has problems and no version is served.
 * - `unpublished`: switched off through the API; nothing is served.
 */
export type FlowStatus = 'published' | 'outdated' | 'invalid' | 'unpublished';

/** A valid version of a flow, compiled; `prepared` is what the server built to serve it (its trigger). */
export interface ServedVersion<Prepared = unknown> {
  compiled: CompiledFlow;
  version: string;
  publishedAt: number;
  prepared: Prepared;
}

export interface FlowState<Prepared = unknown> {
  id: string;
  /** Absolute path of the file. */
  path: string;
  /** The path as issues and the API show it (relative to the flows folder's parent). */
  file: string;
  text: string;
  /** Content hash of `text`. */
  version: string;
  /** The parsed JSON, when the text is JSON. */
  json?: unknown;
  /** Problems of the current file. */
  issues: ValidationIssue[];
  /** Problems found while serving the valid version (its path is taken by another flow): it is not served. */
  servingIssues: ValidationIssue[];
  /** The newest valid version, kept while newer versions of the file are invalid. */
  valid?: ServedVersion<Prepared>;
  /** The publish switch. */
  published: boolean;
}

/** A flow's status. */
export function flowStatus(state: FlowState): FlowStatus {
  if (!state.published) return 'unpublished';
  if (!state.valid || state.servingIssues.length > 0) return 'invalid';
  return state.issues.length === 0 && state.valid.version === state.version ? 'published' : 'outdated';
}

/** The version being served, when the flow is served at all. */
export function servedVersion<Prepared>(state: FlowState<Prepared>): ServedVersion<Prepared> | undefined {
  return state.published ? state.valid : undefined;
}

/** The list line of a flow. */
export interface FlowSummary {
  id: string;
  name?: string;
  file: string;
  status: FlowStatus;
  version: string;
  servedVersion?: string;
  publishedAt?: number;
  trigger?: { id?: string; type?: string; path?: string; methods?: string[] };
  issueCount: number;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Summarizes a flow for lists; the trigger is read from the file even when it is invalid. */
export function summarizeFlow(state: FlowState): FlowSummary {
  const json = record(state.json);
  const trigger = record(json?.trigger);
  const config = record(trigger?.config);
  const summary: FlowSummary = {
    id: state.id,
    file: state.file,
    status: flowStatus(state),
    version: state.version,
    issueCount: state.issues.length + state.servingIssues.length,
  };
  if (typeof json?.name === 'string') summary.name = json.name;
  const served = servedVersion(state);
  if (served) {
    summary.servedVersion = served.version;
    summary.publishedAt = served.publishedAt;
  }
  if (trigger) {
    summary.trigger = {};
    if (typeof trigger.id === 'string') summary.trigger.id = trigger.id;
    if (typeof trigger.type === 'string') summary.trigger.type = trigger.type;
    if (typeof config?.path === 'string') summary.trigger.path = config.path;
    if (Array.isArray(config?.methods)) summary.trigger.methods = config.methods as string[];
  }
  return summary;
}

/** The served document, for tools that need the flow as it runs. */
export function servedDocument(state: FlowState): FlowDocument | undefined {
  return servedVersion(state)?.compiled.document;
}
