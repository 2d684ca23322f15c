/**
 * @module One line of the flow list.
 */
import type { ChangedFile } from '../api/changes.js';
import type { ExecutionSummary, FlowSummary } from '../api/types.js';
import { Spinner } from '../ui/Spinner.js';
import { timeAgo } from '../ui/time.js';
import { StatusPill } from './StatusPill.js';

export interface FlowRowProps {
  flow: FlowSummary;
  lastRun?: ExecutionSummary;
  /** Set when the flow's file differs from the last commit. */
  change?: ChangedFile;
  busy: boolean;
  onRename: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
}

function triggerText(flow: FlowSummary): string {
  const trigger = flow.trigger;
  if (!trigger?.type) return '—';
  const where = trigger.path ? ` ${trigger.methods?.join(', ') ?? ''} ${trigger.path}`.replace(/\s+/g, ' ') : '';
  return `${trigger.type}${where}`;
}

export function FlowRow({ flow, lastRun, change, busy, onRename, onDuplicate, onDelete }: FlowRowProps) {
  const name = flow.name ?? flow.id;
  return (
    <tr>
      <td>
        <a className="flow-link" href={`#/flows/${encodeURIComponent(flow.id)}`}>
          {name}
        </a>
        {change ? (
          <span className="flow-change" title={`${change.changes} change(s) since the last commit`}>
            {change.status === 'added' ? 'New since the last commit' : 'Changed since the last commit'}
          </span>
        ) : null}
        <div className="flow-file">{flow.file}</div>
      </td>
      <td className="mono">{triggerText(flow)}</td>
      <td>
        <StatusPill status={flow.status} />
        {flow.issueCount > 0 ? <span className="issue-note">{flow.issueCount === 1 ? '1 problem' : `${flow.issueCount} problems`}</span> : null}
      </td>
      <td>
        {lastRun ? (
          <span title={new Date(lastRun.startedAt).toLocaleString()}>
            <span className={`status-pill status-${lastRun.status}`}>{lastRun.status}</span> {timeAgo(lastRun.startedAt)}
            {lastRun.error ? <span className="execution-error"> {lastRun.error.type}</span> : null}
          </span>
        ) : (
          <span className="muted">Never run</span>
        )}
      </td>
      <td>
        <div className="row-actions">
        {busy ? <Spinner inline label="Working…" /> : null}
        <button type="button" className="button button-small" aria-label={`Rename ${flow.id}`} onClick={onRename}>
          Rename
        </button>
        <button type="button" className="button button-small" aria-label={`Duplicate ${flow.id}`} onClick={onDuplicate} disabled={busy}>
          Duplicate
        </button>
        <button type="button" className="button button-small button-danger" aria-label={`Delete ${flow.id}`} onClick={onDelete}>
          Delete
        </button>
        </div>
      </td>
    </tr>
  );
}
