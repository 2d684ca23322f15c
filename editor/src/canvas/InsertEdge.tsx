/**
 * @module A connection between two steps, with the "+" that inserts a step there.
 */
import { BaseEdge, EdgeLabelRenderer, getStraightPath, type EdgeProps } from '@xyflow/react';
import { useEditor } from '../editor/editor-context.js';
import { samePath } from '../model/paths.js';
import type { CanvasEdge } from './layout.js';

export function InsertEdge({ id, sourceX, sourceY, targetX, targetY, data, markerEnd }: EdgeProps<CanvasEdge>) {
  const editor = useEditor();
  const [path, labelX, labelY] = getStraightPath({ sourceX, sourceY, targetX, targetY });
  if (!data) return <BaseEdge id={id} path={path} />;
  const picking = editor.picking;
  const active = picking?.kind === 'step' && samePath(picking.list, data.list) && picking.index === data.index;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className="flow-edge" />
      <EdgeLabelRenderer>
        <button
          type="button"
          className={`insert-button nodrag nopan${active ? ' active' : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          aria-label={data.label}
          title={data.label}
          onClick={() => editor.openPicker({ kind: 'step', list: data.list, index: data.index, label: data.label })}
        >
          +
        </button>
      </EdgeLabelRenderer>
    </>
  );
}

export const EDGE_TYPES = { insert: InsertEdge };
