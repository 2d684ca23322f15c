/**
 * @module The node types of the canvas: trigger, step, scope frame, lane (a scope's column heading),
 * the end of a list, and the button that adds a branch.
 */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useEditor } from '../editor/editor-context.js';
import { toPointer } from '../model/paths.js';
import { categoryColor } from './appearance.js';
import { StepIcon } from './StepIcon.js';
import type { CanvasNode } from './layout.js';
import { IssueBadge, StepBadges } from './RunBadge.js';
import { StepCard } from './StepCard.js';
import { useTranslation } from '../i18n/i18n.js';

function Handles({ top = true, bottom = true }: { top?: boolean; bottom?: boolean }) {
  return (
    <>
      {top ? <Handle type="target" position={Position.Top} isConnectable={false} className="hidden-handle" /> : null}
      {bottom ? <Handle type="source" position={Position.Bottom} isConnectable={false} className="hidden-handle" /> : null}
    </>
  );
}

export function TriggerNode({ data }: NodeProps<CanvasNode>) {
  const { t } = useTranslation();
  const editor = useEditor();
  if (data.kind !== 'trigger') return null;
  const problems = editor.issues.flow.filter((issue) => issue.pointer.startsWith('/trigger')).length;
  return (
    <div className="node-frame">
      {data.step ? (
        <StepCard step={data.step} path={data.path} role="Trigger" />
      ) : (
        <button
          type="button"
          className="step-card choose-trigger"
          aria-label={t('canvas.chooseTrigger')}
          onClick={() => editor.openPicker({ kind: 'trigger' })}
        >
          <span className="step-icon" style={{ background: categoryColor('trigger') }} aria-hidden="true">
            +
          </span>
          <span className="step-text">
            <span className="step-title">{t('canvas.chooseTrigger')}</span>
            <span className="step-subtitle">{t('canvas.whatStarts')}</span>
          </span>
          <IssueBadge count={problems} />
        </button>
      )}
      <Handles top={false} />
    </div>
  );
}

export function StepNodeView({ data }: NodeProps<CanvasNode>) {
  if (data.kind !== 'step') return null;
  return (
    <div className="node-frame">
      <StepCard step={data.step} path={data.path} role="Step" />
      <Handles />
    </div>
  );
}

export function ScopeNode({ data }: NodeProps<CanvasNode>) {
  const { t } = useTranslation();
  const editor = useEditor();
  if (data.kind !== 'scope') return null;
  const pointer = toPointer(data.path);
  const manifest = editor.catalog.get(data.step.type);
  const title = manifest?.title ?? data.step.type;
  const run = editor.runs?.get(pointer);
  const selected = editor.selected === pointer;
  const change = editor.changes?.get(data.step.id);
  return (
    <div
      className={`scope-frame${selected ? ' selected' : ''}${run === 'not-run' ? ' dimmed' : ''}${change ? ` change-${change}` : ''}`}
      style={{ borderColor: selected ? undefined : `${categoryColor(manifest?.category)}55` }}
      data-step-id={data.step.id}
      data-change={change}
      data-status={run === undefined ? undefined : run === 'not-run' ? 'not-run' : run.status}
    >
      <button
        type="button"
        className="scope-header"
        aria-label={t('canvas.stepLabel', { id: data.step.id })}
        aria-pressed={selected}
        onClick={() => editor.select(data.path)}
      >
        <StepIcon type={data.step.type} category={manifest?.category} small />
        <span className="scope-title">{data.step.name ?? title}</span>
        <span className="scope-id">{data.step.id}</span>
        <StepBadges pointer={pointer} change={change} run={run} />
      </button>
      <Handles />
    </div>
  );
}

export function LaneNode({ data }: NodeProps<CanvasNode>) {
  const editor = useEditor();
  if (data.kind !== 'lane') return null;
  const branch = data.branch;
  if (!branch) {
    return (
      <div className="lane-label">
        <span>{data.title}</span>
        <Handles top={false} />
      </div>
    );
  }
  const pointer = toPointer(branch);
  const selected = editor.selected === pointer;
  return (
    <div className="lane-label lane-branch">
      <button type="button" className={`lane-button${selected ? ' selected' : ''}`} aria-label={data.label} aria-pressed={selected} onClick={() => editor.select(branch)}>
        {data.title}
        <IssueBadge count={editor.issues.byNode.get(pointer)?.count ?? 0} />
      </button>
      <Handles top={false} />
    </div>
  );
}

export function EndNode({ data }: NodeProps<CanvasNode>) {
  const { t } = useTranslation();
  if (data.kind !== 'end') return null;
  return (
    <div className={data.root ? 'end-dot end-root' : 'end-dot'} title={data.root ? t('canvas.endOfFlow') : t('canvas.endOfPart')}>
      <Handles bottom={false} />
    </div>
  );
}

export function AddBranchNode({ data }: NodeProps<CanvasNode>) {
  const editor = useEditor();
  if (data.kind !== 'add-branch') return null;
  return (
    <button type="button" className="add-branch nodrag" aria-label={data.label} onClick={() => editor.addBranch(data.owner, data.part)}>
      + {data.part.branchTitle}
    </button>
  );
}

/** The node components by layout node type; defined once so that React Flow does not re-create them. */
export const NODE_TYPES = {
  trigger: TriggerNode,
  step: StepNodeView,
  scope: ScopeNode,
  lane: LaneNode,
  end: EndNode,
  'add-branch': AddBranchNode,
};
