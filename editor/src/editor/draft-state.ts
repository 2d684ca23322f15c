/**
 * @module What the editor's draft is, next to the published file and the draft kept on the server: the
 * header's label, and what autosaving must do (write the draft, delete it, or nothing).
 */

/** The header's label: never published, unpublished changes, or equal to the published file. */
export type DraftLabel = 'draft-only' | 'unpublished' | 'published';

/** What the autosave does next. */
export type AutosaveStep = 'none' | 'write' | 'delete';

/** The editor's draft and what it is compared with, each as a snapshot (its JSON text). */
export interface DraftSnapshots {
  /** What the editor holds now. */
  current: string;
  /** The published file's document; undefined for a flow that has no file. */
  published?: string;
  /** What the server's draft holds; undefined when there is none. */
  stored?: string;
}

export function draftLabel({ current, published }: DraftSnapshots): DraftLabel {
  if (published === undefined) return 'draft-only';
  return current === published ? 'published' : 'unpublished';
}

/**
 * The next autosave step: a draft equal to the published file is deleted rather than kept (so that there is no
 * draft to publish), any other change is written; a flow without a file always keeps its draft.
 *
 * @example
 * autosaveStep({ current: 'b', published: 'a', stored: 'a2' }); // 'write'
 * autosaveStep({ current: 'a', published: 'a', stored: 'b' }); // 'delete'
 */
export function autosaveStep({ current, published, stored }: DraftSnapshots): AutosaveStep {
  if (current === stored) return 'none';
  if (current === published) return stored === undefined ? 'none' : 'delete';
  return 'write';
}
