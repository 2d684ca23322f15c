/**
 * @module The nested parts of a scope step (a Try's body and Catch handlers, a Choice's branches), read
 * from its step type; guessed from the document for a type the server does not know.
 */
import type { JsonSchema } from '../../../engine/core/json-schema.js';
import { STEP_NODE_KEYS, type BranchNode, type StepNode } from '../../../engine/flow/document.js';
import type { StepManifest } from '../api/types.js';

export type ScopePart =
  | { kind: 'sequence'; key: string; title: string; optional?: boolean }
  | { kind: 'branches'; key: string; title: string; branchTitle: string; branchConfig?: JsonSchema; minItems?: number };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function guessParts(step: StepNode): ScopePart[] {
  const parts: ScopePart[] = [];
  for (const [key, value] of Object.entries(step)) {
    if ((STEP_NODE_KEYS as readonly string[]).includes(key) || !Array.isArray(value)) continue;
    const branches = value.length > 0 && value.every((item) => isRecord(item) && Array.isArray(item.steps) && !('type' in item));
    parts.push(
      branches
        ? { kind: 'branches', key, title: key, branchTitle: key }
        : { kind: 'sequence', key, title: key },
    );
  }
  return parts;
}

/** The scope parts of `step`: its type's declared scopes, or a guess when the type is unknown. */
export function scopeParts(step: StepNode, manifest: StepManifest | undefined): ScopePart[] {
  if (!manifest) return guessParts(step);
  return manifest.scopes.map((scope) =>
    scope.kind === 'sequence'
      ? { kind: 'sequence', key: scope.key, title: scope.title, optional: scope.optional }
      : {
          kind: 'branches',
          key: scope.key,
          title: scope.title,
          branchTitle: scope.branchTitle,
          branchConfig: scope.branchConfig,
          minItems: scope.minItems,
        },
  );
}

/** Whether a step is drawn as a frame holding other steps. */
export function isScope(step: StepNode, manifest: StepManifest | undefined): boolean {
  return manifest ? manifest.kind === 'scope' || manifest.scopes.length > 0 : guessParts(step).length > 0;
}

/** The steps of a sequence part (an absent optional key is an empty list). */
export function sequenceSteps(step: StepNode, key: string): StepNode[] {
  const value = step[key];
  return Array.isArray(value) ? (value.filter(isRecord) as StepNode[]) : [];
}

/** The branches of a branches part. */
export function branchList(step: StepNode, key: string): BranchNode[] {
  const value = step[key];
  return Array.isArray(value) ? (value.filter(isRecord) as unknown as BranchNode[]) : [];
}

/** The steps of a branch. */
export function branchSteps(branch: BranchNode): StepNode[] {
  return Array.isArray(branch.steps) ? branch.steps.filter(isRecord) : [];
}
