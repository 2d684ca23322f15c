/**
 * @module The canvas: React Flow showing the computed layout, with zoom, fit, minimap, and steps that can be
 * dragged onto another connection to move them.
 */
import {
  Background,
  BackgroundVariant,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  applyNodeChanges,
  useReactFlow,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useEditor } from '../editor/editor-context.js';
import { useTranslation } from '../i18n/i18n.js';
import type { NodePath } from '../model/paths.js';
import { categoryColor } from './appearance.js';
import { dropSlotFor } from './drop-slot.js';
import { EDGE_TYPES } from './InsertEdge.js';
import type { CanvasLayout, CanvasNode, DropSlot } from './layout.js';
import { NODE_TYPES } from './StepNodes.js';

export interface FlowCanvasProps {
  layout: CanvasLayout;
  /** A step was dropped on a connection. */
  onMove: (from: NodePath, slot: DropSlot) => void;
}

const FIT = { padding: 0.12, maxZoom: 1, duration: 120 };

/** Fits the view whenever steps are added or removed, so that nothing new is out of sight. */
function FitOnChange({ shape }: { shape: string }) {
  const flow = useReactFlow();
  useEffect(() => {
    const frame = requestAnimationFrame(() => void flow.fitView(FIT));
    return () => cancelAnimationFrame(frame);
  }, [shape, flow]);
  return null;
}

export function FlowCanvas({ layout, onMove }: FlowCanvasProps) {
  const editor = useEditor();
  const { t } = useTranslation();
  const [nodes, setNodes] = useState<CanvasNode[]>(layout.nodes);
  useEffect(() => setNodes(layout.nodes), [layout]);
  const shape = useMemo(() => layout.nodes.map((node) => node.id).join('|'), [layout]);
  const onNodesChange = useCallback((changes: NodeChange<CanvasNode>[]) => {
    const moves = changes.filter((change) => change.type === 'position' || change.type === 'dimensions');
    if (moves.length > 0) setNodes((current) => applyNodeChanges(moves, current));
  }, []);
  const onNodeDragStop = useCallback(
    (_event: unknown, node: CanvasNode) => {
      const data = node.data;
      const slot = data.kind === 'step' || data.kind === 'scope' ? dropSlotFor(layout, node.id, data.path, node.position) : undefined;
      if (slot && (data.kind === 'step' || data.kind === 'scope')) onMove(data.path, slot);
      else setNodes(layout.nodes);
    },
    [layout, onMove],
  );
  return (
    <ReactFlow<CanvasNode>
      className="flow-canvas"
      nodes={nodes}
      edges={layout.edges}
      nodeTypes={NODE_TYPES}
      edgeTypes={EDGE_TYPES}
      defaultEdgeOptions={{ markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: '#94a3b8' } }}
      onNodesChange={onNodesChange}
      onNodeDragStop={onNodeDragStop}
      onPaneClick={() => editor.select(null)}
      // Nodes that are not draggable get no pointer events unless the flow listens to clicks; their buttons need them.
      onNodeClick={ignoreNodeClick}
      fitView
      fitViewOptions={FIT}
      minZoom={0.2}
      maxZoom={1.5}
      nodesConnectable={false}
      edgesFocusable={false}
      nodesFocusable={false}
      elementsSelectable={false}
      deleteKeyCode={null}
      selectionKeyCode={null}
      multiSelectionKeyCode={null}
      zoomOnDoubleClick={false}
      attributionPosition="top-right"
    >
      <Background variant={BackgroundVariant.Dots} gap={18} size={1.2} color="#cbd2dc" />
      <Controls showInteractive={false} position="bottom-left" />
      <MiniMap<CanvasNode>
        pannable
        zoomable
        position="bottom-right"
        ariaLabel={t('flowPanel.minimap')}
        style={{ width: 150, height: 104 }}
        nodeColor={(node) => (node.type === 'scope' ? '#e2e8f0' : categoryColor(nodeCategory(node, editor.catalog)))}
        nodeStrokeWidth={2}
        maskColor="rgba(241, 245, 249, 0.7)"
      />
      <FitOnChange shape={shape} />
    </ReactFlow>
  );
}

function ignoreNodeClick(): void {}

function nodeCategory(node: CanvasNode, catalog: ReturnType<typeof useEditor>['catalog']): string | undefined {
  const data = node.data;
  if (data.kind === 'trigger') return 'trigger';
  if (data.kind === 'step' || data.kind === 'scope') return catalog.get(data.step.type)?.category;
  return undefined;
}
