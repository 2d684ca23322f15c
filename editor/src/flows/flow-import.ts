/**
 * @module Importing a flow file: reading the dropped or picked file, the flow id it gets on the flow list (its
 * file name, made unique against the flows and drafts there), and which step ids were made unique when its
 * steps are added to another flow.
 */
import { rootSteps, triggerOf, type DraftFlow } from '../model/draft.js';
import { idProblem, uniqueId } from '../model/ids.js';
import { insertCopies } from '../model/tree-ops.js';

/** What a file holds: a flow document, or why it is not one. */
export type ReadFlowFile =
  | { document: DraftFlow }
  | { problem: 'not-json'; detail: string }
  | { problem: 'not-flow' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a flow file's text; a flow is a JSON object with a trigger or a list of steps. */
export function readFlowFile(text: string): ReadFlowFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (thrown) {
    return { problem: 'not-json', detail: (thrown as Error).message };
  }
  if (!isRecord(value) || !(isRecord(value.trigger) || Array.isArray(value.steps))) return { problem: 'not-flow' };
  return { document: value as DraftFlow };
}

/** `orders.flow.json` -> `orders`, or `orders-2` when that id is taken. */
export function importedFlowId(fileName: string, taken: ReadonlySet<string>): string {
  const base = fileName.replace(/\.flow\.json$|\.json$/i, '');
  return uniqueId(base, taken);
}

/** Why `id` cannot be the id of an imported flow: `invalid`, `taken`, or undefined when it can. */
export function flowIdProblem(id: string, taken: ReadonlySet<string>): 'invalid' | 'taken' | undefined {
  // Flow ids are slugs like step ids (the new flow dialog checks them the same way).
  if (idProblem(id, new Set()) !== undefined) return 'invalid';
  return taken.has(id) ? 'taken' : undefined;
}

/** Step and branch ids in the order the copies are given new ones (children first, then the node). */
function nodeIds(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const item of value) nodeIds(item, into);
    return into;
  }
  if (!isRecord(value)) return into;
  for (const [key, item] of Object.entries(value)) if (key !== 'config') nodeIds(item, into);
  if (typeof value.id === 'string' && (typeof value.type === 'string' || Array.isArray(value.steps))) into.push(value.id);
  return into;
}

/** The ids that differ between imported steps and their copies in the flow: `["reply → reply-2"]`. */
export function renamedIds(imported: unknown[], copies: unknown[]): string[] {
  const before = nodeIds(imported);
  const after = nodeIds(copies);
  return before.flatMap((id, index) => (after[index] !== undefined && after[index] !== id ? [`${id} → ${after[index]}`] : []));
}

/**
 * The document with every step and branch id unique in it (a file may repeat one), and the ids changed, so that
 * an imported flow opens as a flow the editor can tell the steps of apart.
 */
export function withUniqueStepIds(document: DraftFlow): { document: DraftFlow; renamed: string[] } {
  const steps = rootSteps(document);
  const trigger = triggerOf(document);
  const taken = new Set(typeof trigger?.id === 'string' ? [trigger.id] : []);
  const result = insertCopies({ ...document, steps: [] }, ['steps'], 0, steps, taken);
  const copies = rootSteps(result.draft);
  const renamed = renamedIds(steps, copies);
  return renamed.length === 0 ? { document, renamed } : { document: { ...document, steps: copies }, renamed };
}
