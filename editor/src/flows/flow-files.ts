/**
 * @module Flow list operations that take more than one call: duplicate, rename (name and id), and a new
 * flow's first draft from an example.
 */
import { createFlow, deleteFlow, getFlow, saveFlow, setPublished } from '../api/flows.js';
import type { FlowSummary } from '../api/types.js';
import { asDraft, blankFlow, type DraftFlow } from '../model/draft.js';
import { uniqueId } from '../model/ids.js';

/** The first draft of a new flow: blank, or a copy of the flow `fromId` under a new name. */
export async function newFlowDraft(name: string, fromId: string | undefined): Promise<DraftFlow> {
  if (!fromId) return blankFlow(name);
  const { flow } = await getFlow(fromId);
  const draft = asDraft(flow.document);
  if (!draft) throw new Error(`${flow.file} is not a JSON object and cannot be copied`);
  return { ...draft, name };
}

/** Saves a copy of a flow as `<id>-copy` (or the next free id); resolves with the new id. */
export async function duplicateFlow(flow: FlowSummary, taken: ReadonlySet<string>): Promise<string> {
  const draft = await newFlowDraft(`${flow.name ?? flow.id} (copy)`, flow.id);
  const id = uniqueId(`${flow.id}-copy`, taken);
  await createFlow(id, draft);
  return id;
}

/**
 * Renames a flow: a new name is saved into the file; a new id writes the flow under the new file name and
 * deletes the old file (keeping it unpublished if it was).
 */
export async function renameFlow(flow: FlowSummary, name: string, id: string): Promise<void> {
  const { flow: detail, version } = await getFlow(flow.id);
  const draft = asDraft(detail.document);
  if (!draft) throw new Error(`${flow.file} is not a JSON object and cannot be renamed here`);
  const renamed = { ...draft, name };
  if (id === flow.id) {
    await saveFlow(flow.id, renamed, version);
    return;
  }
  await createFlow(id, renamed);
  if (flow.status === 'unpublished') await setPublished(id, false);
  await deleteFlow(flow.id);
}
