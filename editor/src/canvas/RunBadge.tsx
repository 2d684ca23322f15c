/**
 * @module A node's result in the run shown: status, duration, and the error type when it failed; its count of
 * problems; and the badges a step shows together (its change, problems, run).
 */
import type { StepChange } from '../changes/use-flow-changes.js';
import { useEditor, type NodeRun } from '../editor/editor-context.js';
import { formatDuration } from '../runs/trace.js';
import { useTranslation } from '../i18n/i18n.js';

const ICONS: Record<string, string> = {
  succeeded: '✓',
  failed: '✕',
  skipped: '–',
  stubbed: '✓',
  handled: '!',
  'not-run': '·',
};

export function RunBadge({ run }: { run: NodeRun | undefined }) {
  const { t } = useTranslation();
  if (!run) return null;
  if (run === 'not-run') {
    return (
      <span className="run-badge run-not-run" data-status="not-run" title={t('canvas.notReached')}>
        {t('canvas.notRun')}
      </span>
    );
  }
  const label = t(`runStatus.${run.status}`);
  const times = run.runs > 1 ? ` ×${run.runs}` : '';
  const text = run.status === 'failed' && run.error ? run.error.type : label;
  return (
    <span className={`run-badge run-${run.status}`} data-status={run.status} title={t('canvas.badgeTitle', { status: label, duration: formatDuration(run.durationMs), times })}>
      <span aria-hidden="true">{ICONS[run.status]}</span> {text} · {formatDuration(run.durationMs)}
      {times}
    </span>
  );
}

export function IssueBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  const text = t('canvas.problems', { count });
  return (
    <span className="issue-badge" title={text} aria-label={text}>
      {count}
    </span>
  );
}

/** A step's badges on the canvas: its change in the "Changes" view, its problems, its run result. */
export function StepBadges({ pointer, change, run }: { pointer: string; change?: StepChange; run: NodeRun | undefined }) {
  const editor = useEditor();
  return (
    <span className="step-badges">
      {change ? <span className={`change-badge change-${change}`}>{change}</span> : null}
      <IssueBadge count={editor.issues.byNode.get(pointer)?.count ?? 0} />
      <RunBadge run={run} />
    </span>
  );
}
