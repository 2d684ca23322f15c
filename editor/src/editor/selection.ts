/**
 * @module What keyboard commands act on: where "add" inserts relative to the selection, and whether the
 * selection may be deleted.
 */
import type { TFunction } from 'i18next';
import type { StepCatalog } from '../model/catalog.js';
import { rootSteps, triggerOf, type DraftFlow } from '../model/draft.js';
import { getAt, splitIndex, type NodePath } from '../model/paths.js';
import { findNode } from '../model/walk.js';
import type { PickerTarget } from './editor-context.js';

/** Where "add a step" inserts: after the selected step, at the end of the selected branch, else at the end. */
export function pickerTargetAfter(draft: DraftFlow, catalog: StepCatalog, selection: NodePath | null, t: TFunction): PickerTarget {
  if (!triggerOf(draft)) return { kind: 'trigger' };
  const entry = selection ? findNode(draft, catalog, selection) : undefined;
  if (entry?.kind === 'step') {
    const place = splitIndex(entry.path);
    if (place) return { kind: 'step', list: place.list, index: place.index + 1, label: t('insert.after', { id: entry.node.id }) };
  }
  if (entry?.kind === 'branch') {
    const steps = getAt(draft, [...entry.path, 'steps']);
    const index = Array.isArray(steps) ? steps.length : 0;
    return { kind: 'step', list: [...entry.path, 'steps'], index, label: t('insert.into', { name: entry.node.id }) };
  }
  return { kind: 'step', list: ['steps'], index: rootSteps(draft).length, label: t('insert.atEnd') };
}

/** The selected step or branch when it may be deleted (a branch only above its scope's minimum). */
export function removableSelection(draft: DraftFlow, catalog: StepCatalog, selection: NodePath | null): NodePath | undefined {
  const entry = selection ? findNode(draft, catalog, selection) : undefined;
  if (entry?.kind === 'step') return entry.path;
  if (entry?.kind !== 'branch' || entry.part.kind !== 'branches') return undefined;
  const place = splitIndex(entry.path);
  const siblings = place ? getAt(draft, place.list) : undefined;
  const count = Array.isArray(siblings) ? siblings.length : 0;
  return count > (entry.part.minItems ?? 0) ? entry.path : undefined;
}
