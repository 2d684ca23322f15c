/**
 * @module The canvas layout, computed from the flow (files hold no coordinates): the trigger, then each
 * sequence top to bottom; scope steps as frames holding one column per part and per branch.
 */
import type { Edge, Node } from '@xyflow/react';
import type { TFunction } from 'i18next';
import type { StepNode } from '../../../engine/flow/document.js';
import { i18n } from '../i18n/i18n.js';
import type { StepCatalog } from '../model/catalog.js';
import { rootSteps, triggerOf, type DraftFlow } from '../model/draft.js';
import { toPointer, type NodePath } from '../model/paths.js';
import { branchList, branchSteps, isScope, scopeParts, sequenceSteps, type ScopePart } from '../model/scopes.js';

/** Sizes in flow units. */
export const SIZES = {
  step: { w: 248, h: 64 },
  lane: { w: 208, h: 32 },
  end: { w: 14, h: 14 },
  addBranch: { w: 132, h: 32 },
  gap: 56,
  pad: 20,
  header: 44,
  columnGap: 28,
};

export type CanvasNodeData =
  | { kind: 'trigger'; path: NodePath; step?: StepNode }
  | { kind: 'step'; path: NodePath; step: StepNode }
  | { kind: 'scope'; path: NodePath; step: StepNode }
  | { kind: 'lane'; title: string; label: string; list: NodePath; branch?: NodePath }
  | { kind: 'end'; list: NodePath; root: boolean }
  | { kind: 'add-branch'; owner: NodePath; part: ScopePart & { kind: 'branches' }; label: string };

export type CanvasNode = Node<CanvasNodeData>;

/** A connection whose "+" inserts a step at `index` of the list at `list`. */
export type InsertEdgeData = { list: NodePath; index: number; label: string };

export type CanvasEdge = Edge<InsertEdgeData>;

/** Where a dragged step may be dropped: the middle of a connection, in absolute flow units. */
export interface DropSlot {
  list: NodePath;
  index: number;
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface CanvasLayout {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  slots: DropSlot[];
  /** Absolute box of every node, by node id. */
  boxes: Map<string, Box>;
}

type Column =
  | { kind: 'list'; title: string; label: string; list: NodePath; steps: StepNode[]; branch?: NodePath }
  | { kind: 'add'; owner: NodePath; part: ScopePart & { kind: 'branches' }; label: string };

interface Context {
  catalog: StepCatalog;
  /** Says the insert buttons' labels in the UI language. */
  t: TFunction;
  sizes: Map<string, { w: number; h: number }>;
  layout: CanvasLayout;
}

function columnsOf(step: StepNode, path: NodePath, catalog: StepCatalog, t: TFunction): Column[] {
  const columns: Column[] = [];
  for (const part of scopeParts(step, catalog.get(step.type))) {
    if (part.kind === 'sequence') {
      const title = part.title;
      columns.push({ kind: 'list', title, label: t('insert.laneOf', { title, id: step.id }), list: [...path, part.key], steps: sequenceSteps(step, part.key) });
      continue;
    }
    branchList(step, part.key).forEach((branch, index) => {
      const branchPath = [...path, part.key, index];
      const name = branch.name ?? branch.id;
      columns.push({
        kind: 'list',
        title: `${part.branchTitle} · ${name}`,
        label: t('insert.branch', { branch: part.branchTitle, name }),
        list: [...branchPath, 'steps'],
        steps: branchSteps(branch),
        branch: branchPath,
      });
    });
    columns.push({ kind: 'add', owner: path, part, label: t('insert.addBranch', { branch: part.branchTitle, id: step.id }) });
  }
  return columns;
}

function measureStep(step: StepNode, path: NodePath, context: Context): { w: number; h: number } {
  if (!isScope(step, context.catalog.get(step.type))) return SIZES.step;
  const key = toPointer(path);
  const known = context.sizes.get(key);
  if (known) return known;
  const columns = columnsOf(step, path, context.catalog, context.t).map((column) => measureColumn(column, context));
  const width = columns.reduce((sum, column) => sum + column.w, 0) + SIZES.columnGap * Math.max(0, columns.length - 1);
  const height = Math.max(SIZES.lane.h, ...columns.map((column) => column.h));
  const size = { w: Math.max(SIZES.step.w, width + 2 * SIZES.pad), h: SIZES.header + height + 2 * SIZES.pad };
  context.sizes.set(key, size);
  return size;
}

function measureColumn(column: Column, context: Context): { w: number; h: number } {
  if (column.kind === 'add') return SIZES.addBranch;
  const boxes = column.steps.map((step, index) => measureStep(step, [...column.list, index], context));
  const width = Math.max(SIZES.lane.w, ...boxes.map((box) => box.w));
  const height = boxes.reduce((sum, box) => sum + SIZES.gap + box.h, SIZES.lane.h) + SIZES.gap + SIZES.end.h;
  return { w: width, h: height };
}

interface Frame {
  parentId?: string;
  /** Absolute position of the parent's top-left corner. */
  origin: { x: number; y: number };
}

function addNode(context: Context, frame: Frame, id: string, box: Box, data: CanvasNodeData, draggable = false): void {
  context.layout.nodes.push({
    id,
    type: data.kind,
    position: { x: box.x, y: box.y },
    data,
    width: box.w,
    height: box.h,
    draggable,
    selectable: false,
    connectable: false,
    ...(frame.parentId ? { parentId: frame.parentId } : {}),
  });
  context.layout.boxes.set(id, { ...box, x: frame.origin.x + box.x, y: frame.origin.y + box.y });
}

function addEdge(context: Context, source: string, target: string, data: InsertEdgeData): void {
  context.layout.edges.push({ id: `${toPointer(data.list)}:${data.index}`, source, target, type: 'insert', data });
}

/** Places the steps of a list under its anchor node, centred on `centerX`; returns the bottom y. */
function placeList(
  context: Context,
  frame: Frame,
  anchor: { id: string; label: string; first: string },
  list: NodePath,
  steps: StepNode[],
  centerX: number,
  top: number,
  root: boolean,
): number {
  let y = top;
  let previous = anchor.id;
  let label = anchor.first;
  steps.forEach((step, index) => {
    const path = [...list, index];
    const size = measureStep(step, path, context);
    y += SIZES.gap;
    context.layout.slots.push({ list, index, x: frame.origin.x + centerX, y: frame.origin.y + y - SIZES.gap / 2 });
    const id = toPointer(path);
    addEdge(context, previous, id, { list, index, label });
    placeStep(context, frame, step, path, { x: centerX - size.w / 2, y, ...size });
    y += size.h;
    previous = id;
    label = context.t('insert.after', { id: step.id });
  });
  y += SIZES.gap;
  context.layout.slots.push({ list, index: steps.length, x: frame.origin.x + centerX, y: frame.origin.y + y - SIZES.gap / 2 });
  const endId = `${toPointer(list)}:end`;
  addEdge(context, previous, endId, { list, index: steps.length, label });
  addNode(context, frame, endId, { x: centerX - SIZES.end.w / 2, y, ...SIZES.end }, { kind: 'end', list, root });
  return y + SIZES.end.h;
}

function placeStep(context: Context, frame: Frame, step: StepNode, path: NodePath, box: Box): void {
  const id = toPointer(path);
  if (!isScope(step, context.catalog.get(step.type))) {
    addNode(context, frame, id, box, { kind: 'step', path, step }, true);
    return;
  }
  addNode(context, frame, id, box, { kind: 'scope', path, step }, true);
  const inner: Frame = { parentId: id, origin: { x: frame.origin.x + box.x, y: frame.origin.y + box.y } };
  const top = SIZES.header + SIZES.pad;
  let left = SIZES.pad;
  for (const column of columnsOf(step, path, context.catalog, context.t)) {
    const size = measureColumn(column, context);
    if (column.kind === 'add') {
      const data: CanvasNodeData = { kind: 'add-branch', owner: column.owner, part: column.part, label: column.label };
      addNode(context, inner, `${id}/${column.part.key}:add`, { x: left, y: top, ...SIZES.addBranch }, data);
    } else {
      const centerX = left + size.w / 2;
      const laneId = `${toPointer(column.list)}:start`;
      const lane: CanvasNodeData = { kind: 'lane', title: column.title, label: column.label, list: column.list };
      if (column.branch) lane.branch = column.branch;
      addNode(context, inner, laneId, { x: centerX - SIZES.lane.w / 2, y: top, ...SIZES.lane }, lane);
      const anchor = { id: laneId, label: column.label, first: context.t('insert.into', { name: column.label }) };
      placeList(context, inner, anchor, column.list, column.steps, centerX, top + SIZES.lane.h, false);
    }
    left += size.w + SIZES.columnGap;
  }
}

/**
 * Lays the flow out. Nodes inside a frame are positioned relative to it (parents come first), boxes and
 * drop slots are absolute.
 *
 * @example
 * const { nodes, edges } = layoutFlow(draft, catalog);
 */
export function layoutFlow(draft: DraftFlow, catalog: StepCatalog, t: TFunction = i18n.t): CanvasLayout {
  const context: Context = { catalog, t, sizes: new Map(), layout: { nodes: [], edges: [], slots: [], boxes: new Map() } };
  const root: Frame = { origin: { x: 0, y: 0 } };
  const trigger = triggerOf(draft);
  const triggerBox = { x: -SIZES.step.w / 2, y: 0, ...SIZES.step };
  addNode(context, root, '/trigger', triggerBox, { kind: 'trigger', path: ['trigger'], ...(trigger ? { step: trigger } : {}) });
  const first = trigger ? t('insert.after', { id: trigger.id }) : t('insert.first');
  placeList(context, root, { id: '/trigger', label: 'trigger', first }, ['steps'], rootSteps(draft), 0, SIZES.step.h, true);
  return context.layout;
}
