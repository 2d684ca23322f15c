/**
 * @module The card of a trigger or step on the canvas: type colour and initials, name, id, problems and
 * run result, and its change since the last commit in the "Changes" view. The card is a button: clicking it (or Enter) selects the step.
 */
import type { StepNode } from '../../../engine/flow/document.js';
import { useEditor } from '../editor/editor-context.js';
import { toPointer, type NodePath } from '../model/paths.js';
import { StepIcon } from './StepIcon.js';
import { StepBadges } from './RunBadge.js';
import { useTranslation } from '../i18n/i18n.js';

export function StepCard({ step, path, role }: { step: StepNode; path: NodePath; role: 'Trigger' | 'Step' }) {
  const { t } = useTranslation();
  const editor = useEditor();
  const pointer = toPointer(path);
  const manifest = editor.catalog.get(step.type);
  const title = manifest?.title ?? step.type;
  const run = editor.runs?.get(pointer);
  const status = run === undefined ? undefined : run === 'not-run' ? 'not-run' : run.status;
  const classes = ['step-card'];
  if (editor.selected === pointer) classes.push('selected');
  if (step.disabled === true) classes.push('disabled');
  if (status === 'not-run') classes.push('dimmed');
  const change = editor.changes?.get(step.id);
  if (change) classes.push(`change-${change}`);
  return (
    <button
      type="button"
      className={classes.join(' ')}
      aria-label={t(role === 'Trigger' ? 'canvas.triggerNamed' : 'canvas.stepNamed', { id: step.id })}
      aria-pressed={editor.selected === pointer}
      data-step-id={step.id}
      data-status={status}
      data-change={change}
      onClick={() => editor.select(path)}
    >
      <StepIcon type={step.type} category={manifest?.category} />
      <span className="step-text">
        <span className="step-title">{step.name ?? title}</span>
        <span className="step-subtitle">
          {step.name ? `${title} · ${step.id}` : step.id}
          {manifest ? '' : t('canvas.unknownType')}
          {step.disabled === true ? t('canvas.disabled') : ''}
        </span>
      </span>
      <StepBadges pointer={pointer} change={change} run={run} />
    </button>
  );
}
