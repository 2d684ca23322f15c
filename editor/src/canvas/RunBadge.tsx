/**
 * @module A node's result in the run shown: status, duration, and the error type when it failed.
 */
import type { NodeRun } from '../editor/editor-context.js';
import { formatDuration, STATUS_LABELS } from '../runs/trace.js';

const ICONS: Record<string, string> = {
  succeeded: '✓',
  failed: '✕',
  skipped: '–',
  stubbed: '✓',
  handled: '!',
  'not-run': '·',
};

export function RunBadge({ run }: { run: NodeRun | undefined }) {
  if (!run) return null;
  if (run === 'not-run') {
    return (
      <span className="run-badge run-not-run" data-status="not-run" title="The run did not reach this step">
        Not run
      </span>
    );
  }
  const label = STATUS_LABELS[run.status];
  const times = run.runs > 1 ? ` ×${run.runs}` : '';
  const text = run.status === 'failed' && run.error ? run.error.type : label;
  return (
    <span className={`run-badge run-${run.status}`} data-status={run.status} title={`${label} in ${formatDuration(run.durationMs)}${times}`}>
      <span aria-hidden="true">{ICONS[run.status]}</span> {text} · {formatDuration(run.durationMs)}
      {times}
    </span>
  );
}

export function IssueBadge({ count }: { count: number }) {
  if (count === 0) return null;
  const text = count === 1 ? '1 problem' : `${count} problems`;
  return (
    <span className="issue-badge" title={text} aria-label={text}>
      {count}
    </span>
  );
}
