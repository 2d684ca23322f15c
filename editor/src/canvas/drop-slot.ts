/**
 * @module Where a dragged step lands: the connection nearest to where it was dropped.
 */
import type { XYPosition } from '@xyflow/react';
import { samePath, splitIndex, startsWith, type NodePath } from '../model/paths.js';
import type { CanvasLayout, DropSlot } from './layout.js';

/** How far (flow units) from a connection a drop still counts. */
export const DROP_DISTANCE = 120;

/**
 * The slot a step dropped at `position` (its node's new relative position) moves to, or undefined when the
 * drop is not near a connection where it would change anything.
 */
export function dropSlotFor(layout: CanvasLayout, nodeId: string, path: NodePath, position: XYPosition): DropSlot | undefined {
  const node = layout.nodes.find((candidate) => candidate.id === nodeId);
  const box = layout.boxes.get(nodeId);
  const place = splitIndex(path);
  if (!node || !box || !place) return undefined;
  const center = {
    x: box.x + box.w / 2 + (position.x - node.position.x),
    y: box.y + (position.y - node.position.y) + Math.min(box.h, 64) / 2,
  };
  let best: { slot: DropSlot; distance: number } | undefined;
  for (const slot of layout.slots) {
    if (startsWith(slot.list, path)) continue;
    if (samePath(slot.list, place.list) && (slot.index === place.index || slot.index === place.index + 1)) continue;
    const distance = Math.hypot(slot.x - center.x, slot.y - center.y);
    if (distance <= DROP_DISTANCE && (!best || distance < best.distance)) best = { slot, distance };
  }
  return best?.slot;
}
