/**
 * @module What the canvas nodes read and call: selection, issues, run results, and the editing actions
 * that open the picker or add a branch.
 */
import { createContext, useContext } from 'react';
import type { StepCatalog } from '../model/catalog.js';
import type { IssueIndex } from '../model/issues.js';
import type { NodePath } from '../model/paths.js';
import type { ScopePart } from '../model/scopes.js';
import type { StepRun } from '../runs/trace.js';
import type { StepChange } from '../changes/use-flow-changes.js';

/** Where the component picker puts what is picked: into a list at an index, or as the trigger. */
export type PickerTarget =
  | { kind: 'step'; list: NodePath; index: number; label: string }
  | { kind: 'trigger' };

/** A node's result in the run shown: its run, or `not-run` when the run never reached it. */
export type NodeRun = StepRun | 'not-run';

export interface EditorContextValue {
  catalog: StepCatalog;
  /** JSON pointer of the selected node. */
  selected?: string;
  issues: IssueIndex;
  /** Results of the run shown on the canvas, by node pointer; undefined when no run is shown. */
  runs?: Map<string, NodeRun>;
  /** The "Changes" view's mark of each step id; undefined when the view is closed. */
  changes?: Map<string, StepChange>;
  /** The picker target open now, to highlight its "+". */
  picking?: PickerTarget;
  select(path: NodePath | null): void;
  openPicker(target: PickerTarget): void;
  addBranch(owner: NodePath, part: ScopePart & { kind: 'branches' }): void;
  /** Opens the import of a flow file's steps into this flow (the file picked or dropped). */
  importSteps?(fileName: string, text: string): void;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditor must be used inside <EditorContext.Provider>');
  return value;
}
