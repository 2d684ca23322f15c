/**
 * @module The editing actions of the flow editor: each turns the draft into a new one (one undo step) and
 * says what to select afterwards.
 */
import { useMemo } from 'react';
import { i18n } from '../i18n/i18n.js';
import type { StepManifest } from '../api/types.js';
import type { DropSlot } from '../canvas/layout.js';
import type { StepCatalog } from '../model/catalog.js';
import type { DraftFlow } from '../model/draft.js';
import { getAt, toPointer, type NodePath } from '../model/paths.js';
import type { ScopePart } from '../model/scopes.js';
import {
  duplicateNode,
  insertCopies,
  insertNode,
  moveBy,
  moveNode,
  newBranch,
  newStep,
  removeNode,
  setConfigField,
  setNodeKey,
} from '../model/tree-ops.js';
import { nestedStepCount, usedIds } from '../model/walk.js';
import type { PickerTarget } from './editor-context.js';

export interface EditActionsInput {
  draft: DraftFlow;
  catalog: StepCatalog;
  /** Records a new draft; changes with the same `key` in a quick run merge into one undo step. */
  change: (draft: DraftFlow, key?: string) => void;
  select: (path: NodePath | null) => void;
}

/** The question asked before a scope or branch with steps in it is deleted, in the UI language. */
export function deleteScopeQuestion(stepCount: number): string {
  return i18n.t('notices.deleteScope', { count: stepCount });
}

export type EditActions = ReturnType<typeof createEditActions>;

export function createEditActions({ draft, catalog, change, select }: EditActionsInput) {
  const taken = () => usedIds(draft, catalog);
  return {
    /** Puts a new step of `manifest`'s type where the picker was opened. */
    insert(target: PickerTarget, manifest: StepManifest): void {
      const step = newStep(manifest, taken());
      if (target.kind === 'trigger') {
        const previous = draft.trigger;
        // A trigger keeps its id when its type changes; its config belongs to the old type.
        if (previous && typeof previous.id === 'string') step.id = previous.id;
        change({ ...draft, trigger: step });
        select(['trigger']);
        return;
      }
      const result = insertNode(draft, target.list, target.index, step);
      change(result.draft);
      select(result.path);
    },
    /** Deletes the node; one holding steps only after the user agreed (undo brings it back either way). */
    remove(path: NodePath): void {
      const inside = nestedStepCount(draft, catalog, path);
      if (inside > 0 && !window.confirm(deleteScopeQuestion(inside))) return;
      change(removeNode(draft, path));
      select(null);
    },
    /** Inserts copies of pasted steps where the picker would insert, with ids unique in this flow. */
    paste(target: PickerTarget, steps: unknown[]): void {
      if (target.kind !== 'step') return;
      const result = insertCopies(draft, target.list, target.index, steps, taken());
      change(result.draft);
      select(result.path);
    },
    duplicate(path: NodePath): void {
      const result = duplicateNode(draft, path, taken());
      if (!result) return;
      change(result.draft);
      select(result.path);
    },
    move(path: NodePath, delta: -1 | 1): void {
      const result = moveBy(draft, path, delta);
      if (!result) return;
      change(result.draft);
      select(result.path);
    },
    moveTo(path: NodePath, slot: DropSlot): void {
      const result = moveNode(draft, path, slot.list, slot.index);
      if (!result) return;
      change(result.draft);
      select(result.path);
    },
    addBranch(owner: NodePath, part: ScopePart & { kind: 'branches' }): void {
      const list = [...owner, part.key];
      const existing = getAt(draft, list);
      const result = insertNode(draft, list, Array.isArray(existing) ? existing.length : 0, newBranch(part, taken()));
      change(result.draft);
      select(result.path);
    },
    setField(path: NodePath, field: string, value: unknown): void {
      change(setConfigField(draft, path, field, value), `field:${toPointer(path)}:${field}`);
    },
    setKey(path: NodePath, key: string, value: unknown): void {
      change(setNodeKey(draft, path, key, value), `key:${toPointer(path)}:${key}`);
    },
    setFlowKey(key: 'name' | 'description' | 'execution', value: string | undefined): void {
      const next: DraftFlow = { ...draft };
      if (value === undefined) delete next[key];
      else (next as Record<string, unknown>)[key] = value;
      change(next, `flow:${key}`);
    },
  };
}

/** {@link createEditActions}, memoized on its inputs. */
export function useEditActions(input: EditActionsInput): EditActions {
  const { draft, catalog, change, select } = input;
  return useMemo(() => createEditActions({ draft, catalog, change, select }), [draft, catalog, change, select]);
}
