/**
 * @module A flow's status in words: published, draft (unpublished), invalid, outdated.
 */
import type { FlowStatus } from '../api/types.js';

const LABELS: Record<FlowStatus, { text: string; title: string }> = {
  published: { text: 'Published', title: 'The current file is served' },
  unpublished: { text: 'Draft', title: 'Not published: triggers and rules do not start it' },
  invalid: { text: 'Invalid', title: 'The file has problems and no version is served' },
  outdated: { text: 'Outdated', title: 'The file has problems; the previous valid version is still served' },
};

export function StatusPill({ status }: { status: FlowStatus }) {
  const label = LABELS[status] ?? { text: status, title: status };
  return (
    <span className={`status-pill status-${status}`} title={label.title} data-status={status}>
      {label.text}
    </span>
  );
}
