/**
 * @module The problems list's state: open or not, and what picking a line does — select the step or branch
 * the issue is on, then focus its field once the property panel shows it.
 */
import { useEffect, useState } from 'react';
import type { StepCatalog } from '../model/catalog.js';
import type { DraftFlow } from '../model/draft.js';
import type { ListedIssue } from '../model/issues.js';
import { toPointer, type NodePath } from '../model/paths.js';
import { walkFlow } from '../model/walk.js';
import { focusField } from './focus-field.js';

export interface ProblemsListState {
  open: boolean;
  toggle: () => void;
  pick: (entry: ListedIssue) => void;
  /** The id of the step or branch at a node pointer. */
  nodeId: (node: string) => string | undefined;
}

export function useProblemsList(draft: DraftFlow, catalog: StepCatalog, select: (path: NodePath | null) => void): ProblemsListState {
  const [open, setOpen] = useState(false);
  const [focus, setFocus] = useState<{ field?: string[]; request: number }>();
  useEffect(() => {
    if (!focus) return;
    // After the panel of the newly selected node has rendered its fields.
    const frame = requestAnimationFrame(() => focusField(focus.field));
    return () => cancelAnimationFrame(frame);
  }, [focus]);
  const nodeAt = (node: string) => [...walkFlow(draft, catalog)].find((entry) => toPointer(entry.path) === node);
  return {
    open,
    toggle: () => setOpen((current) => !current),
    nodeId: (node) => {
      const id = nodeAt(node)?.node.id;
      return typeof id === 'string' ? id : undefined;
    },
    pick: (entry) => {
      const found = entry.node === undefined ? undefined : nodeAt(entry.node);
      select(found ? found.path : null);
      setOpen(false);
      setFocus((current) => ({ field: entry.field, request: (current?.request ?? 0) + 1 }));
    },
  };
}
