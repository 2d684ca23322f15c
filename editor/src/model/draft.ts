/**
 * @module The flow being edited: a flow document that may still be incomplete (no trigger yet, or invalid).
 */
import { FLOW_FORMAT, type FlowDocument, type StepNode } from '../../../engine/flow/document.js';

/**
 * A flow document as the editor holds it. Keys the editor does not know are kept as they are, so that
 * saving an unchanged file writes the same bytes.
 */
export interface DraftFlow extends Omit<FlowDocument, 'trigger' | 'format' | 'steps'> {
  format: string;
  trigger?: StepNode;
  steps?: StepNode[];
  [key: string]: unknown;
}

/** A new flow with no trigger and no steps. */
export function blankFlow(name: string): DraftFlow {
  return { format: FLOW_FORMAT, name, steps: [] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The document of a flow file as a draft, or undefined when the file holds no JSON object. */
export function asDraft(json: unknown): DraftFlow | undefined {
  return isRecord(json) ? (json as DraftFlow) : undefined;
}

/** The top-level steps of a draft (none when the file has no list there). */
export function rootSteps(draft: DraftFlow): StepNode[] {
  return Array.isArray(draft.steps) ? draft.steps.filter(isRecord) as StepNode[] : [];
}

/** The trigger of a draft, when it has one. */
export function triggerOf(draft: DraftFlow): StepNode | undefined {
  return isRecord(draft.trigger) ? draft.trigger : undefined;
}

/** A stable text of the draft, to tell whether it changed since it was saved. */
export function draftSnapshot(draft: DraftFlow): string {
  return JSON.stringify(draft);
}
