/**
 * @module The flow document: what a `*.flow.json` file holds. A tree of steps, no coordinates, no edges.
 */

/** The format tag every flow file carries; bumped only on an incompatible change. */
export const FLOW_FORMAT = 'flowbus/flow@1';

/** A literal or an expression. In a file an expression is `{"$expr": "..."}` or `{"$template": "..."}`. */
export type ExpressionValue = { $expr: string } | { $template: string };

/** One step. Scope steps also carry their nested parts under the keys their `scopes` declare. */
export interface StepNode {
  /** A short slug unique in the flow (`[a-z0-9][a-z0-9-]*`), used by traces, logs and errors. */
  id: string;
  type: string;
  name?: string;
  description?: string;
  /** A disabled step is skipped by the runtime (and shown as such in the trace). */
  disabled?: boolean;
  config?: Record<string, unknown>;
  /** Scope parts: `StepNode[]` for a sequence, `BranchNode[]` for branches. */
  [scopeKey: string]: unknown;
}

/** One branch of a scope: a Catch handler of a Try, a `when` of a Choice. */
export interface BranchNode {
  id: string;
  name?: string;
  config?: Record<string, unknown>;
  steps: StepNode[];
}

/**
 * A flow file. Its id is its file name without `.flow.json`.
 *
 * @example
 * { "format": "flowbus/flow@1", "name": "Echo", "trigger": { "id": "http", "type": "http", "config": { "path": "/echo" } }, "steps": [] }
 */
export interface FlowDocument {
  $schema?: string;
  format: typeof FLOW_FORMAT;
  name: string;
  description?: string;
  /** `durable` or `express`; absent: the trigger type's default (see {@link EXECUTION_MODES}). */
  execution?: 'durable' | 'express';
  trigger: StepNode;
  steps: StepNode[];
}

/** The execution modes a flow may declare at its top. */
export const EXECUTION_MODES = ['durable', 'express'] as const;

/** Keys of a step node that are not scope parts. */
export const STEP_NODE_KEYS = ['id', 'type', 'name', 'description', 'disabled', 'config'] as const;

/**
 * How deeply sequences of steps may nest: the flow's own steps are level 1, the steps of a Try (or of one of
 * its Catch handlers, a Choice branch, a For Each) inside them level 2, and so on. Part of the format rather
 * than a server setting, so a flow valid on one machine is valid on all; twice the 8 levels a hosted
 * workflow service allows, and well inside the JSON depth limit (each level costs 2 to 4 JSON levels).
 */
export const MAX_SCOPE_DEPTH = 16;

/** A flow file's id from its path: `flows/alarm-to-wecom.flow.json` -> `alarm-to-wecom`. */
export function flowIdFromPath(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/\.flow\.json$/, '');
}

/** What a step id (and a branch id) must look like: a lowercase slug. */
export const STEP_ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** A flow id as another flow or a rule's flow target names it: the flow file's name without `.flow.json`. */
export const FLOW_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.-]*$';

/** The longest step id accepted. */
export const STEP_ID_MAX_LENGTH = 64;

/** Keys of a branch node, in canonical order. */
export const BRANCH_NODE_KEYS = ['id', 'name', 'config', 'steps'] as const;

/** Keys of a flow document's root, in canonical order. */
export const FLOW_ROOT_KEYS = ['$schema', 'format', 'name', 'description', 'execution', 'trigger', 'steps'] as const;
