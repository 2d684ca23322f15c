/**
 * @module One line of the flow list.
 */
import { useTranslation } from '../i18n/i18n.js';
import type { ChangedFile } from '../api/changes.js';
import type { ExecutionSummary, FlowSummary } from '../api/types.js';
import { Spinner } from '../ui/Spinner.js';
import { dateTimeText, timeAgoText } from '../i18n/format.js';
import { ExecutionSparkline } from './ExecutionSparkline.js';
import { StatusPill } from './StatusPill.js';

export interface FlowRowProps {
  flow: FlowSummary;
  lastRun?: ExecutionSummary;
  /** Set when the flow's file differs from the last commit. */
  change?: ChangedFile;
  /** Set when the flow has a draft: beside its file, or instead of one. */
  draft?: 'unpublished' | 'draft-only';
  /** Executions per minute over the last hour, oldest first. */
  perMinute?: number[];
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

export function FlowRow({ flow, lastRun, change, draft, perMinute, busy, onRename, onDuplicate, onDelete }: FlowRowProps) {
  const { t, i18n } = useTranslation();
  const name = flow.name ?? flow.id;
  return (
    <tr data-flow={flow.id}>
      <td>
        <a className="flow-link" href={`#/flows/${encodeURIComponent(flow.id)}`}>
          {name}
        </a>
        {change ? (
          <span className="flow-change" title={t('flows.changes', { count: change.changes })}>
            {change.status === 'added' ? t('flows.newSinceCommit') : t('flows.changedSinceCommit')}
          </span>
        ) : null}
        <div className="flow-file">{flow.file}</div>
      </td>
      <td className="mono">{triggerText(flow)}</td>
      <td>
        {draft === 'draft-only' ? (
          <span className="status-pill status-new" title={t('flowDrafts.draftOnlyTitle')}>{t('flowDrafts.draftOnly')}</span>
        ) : (
          <StatusPill status={flow.status} />
        )}
        {draft === 'unpublished' ? <span className="draft-note" title={t('flowDrafts.hasDraftTitle')}>{t('flowDrafts.hasDraft')}</span> : null}
        {flow.issueCount > 0 ? <span className="issue-note">{t('flows.problems', { count: flow.issueCount })}</span> : null}
      </td>
      <td>
        {lastRun ? (
          <span title={dateTimeText(lastRun.startedAt, i18n.language)}>
            <span className={`status-pill status-${lastRun.status}`} data-status={lastRun.status}>
              {t(`executionStatus.${lastRun.status}`)}
            </span>{' '}
            {timeAgoText(t, lastRun.startedAt, i18n.language)}
            {lastRun.error ? <span className="execution-error"> {lastRun.error.type}</span> : null}
          </span>
        ) : (
          <span className="muted">{t('flows.neverRun')}</span>
        )}
      </td>
      <td>
        <ExecutionSparkline perMinute={perMinute} />
      </td>
      <td>
        <div className="row-actions">
        {busy ? <Spinner inline label={t('common.working')} /> : null}
        {draft === 'draft-only' ? null : (
          <>
            <button type="button" className="button button-small" aria-label={t('flows.renameLabel', { id: flow.id })} onClick={onRename}>
              {t('flows.rename')}
            </button>
            <button type="button" className="button button-small" aria-label={t('flows.duplicateLabel', { id: flow.id })} onClick={onDuplicate} disabled={busy}>
              {t('flows.duplicate')}
            </button>
          </>
        )}
        <button type="button" className="button button-small button-danger" aria-label={t('flows.deleteLabel', { id: flow.id })} onClick={onDelete}>
          {t('flows.delete')}
        </button>
        </div>
      </td>
    </tr>
  );
}
