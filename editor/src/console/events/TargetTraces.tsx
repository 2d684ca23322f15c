/**
 * @module What each target of an event did: its rule, status, attempts, the error or result, the dead
 * letter it left and the execution it started (linked to the run in the editor).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/i18n.js';
import type { TargetTrace } from '../../api/console.js';
import { getExecution } from '../../api/executions.js';
import type { StoredExecution } from '../../api/types.js';
import { ColumnHeads } from '../ColumnHeads.js';
import { AttemptList } from './AttemptList.js';
import { TargetStatusPill } from './DeliverySummary.js';

function ExecutionLink({ id }: { id: string }) {
  const { t } = useTranslation();
  const [execution, setExecution] = useState<StoredExecution | null>();
  useEffect(() => {
    const controller = new AbortController();
    getExecution(id, controller.signal).then(setExecution, (thrown: Error) => {
      if (thrown.name !== 'AbortError') setExecution(null);
    });
    return () => controller.abort();
  }, [id]);
  if (execution === undefined) return <span className="mono">{id}</span>;
  if (execution === null) return <span className="muted">{t('event.executionMissing', { id })}</span>;
  const href = `#/flows/${encodeURIComponent(execution.flowId)}?execution=${encodeURIComponent(id)}`;
  const status = t(`executionStatus.${execution.status}`);
  return (
    <a href={href} data-execution={id}>
      <span className="mono">{execution.flowId}</span>
      <span className="link-note">{t('event.execution', { status, ms: Math.round(execution.durationMs) })}</span>
    </a>
  );
}

function deadLetterHref(trace: TargetTrace): string {
  const params = new URLSearchParams({ rule: trace.rule, target: trace.target });
  return `#/dead-letters?${params}`;
}

export function TargetTraces({ targets }: { targets: TargetTrace[] }) {
  const { t } = useTranslation();
  return (
    <table className="flow-table" aria-label={t('event.delivery')}>
      <ColumnHeads
        labels={['columnRule', 'columnTarget', 'columnStatus', 'columnAttempts', 'columnResult', 'columnExecution'].map((key) => t(`event.${key}`))}
      />
      <tbody>
        {targets.map((target) => (
          <tr key={`${target.rule}/${target.target}`} data-target={`${target.rule}/${target.target}`}>
            <td>
              {target.rule.startsWith('$') ? (
                <span className="muted">{t('event.storedEvents')}</span>
              ) : (
                <a className="flow-link" href={`#/rules/${encodeURIComponent(target.rule)}`}>
                  {target.rule}
                </a>
              )}
            </td>
            <td>
              <span className="mono">{target.target}</span>
              <div className="flow-file">{target.type}</div>
            </td>
            <td>
              <TargetStatusPill status={target.status} />
            </td>
            <td>
              <AttemptList target={target} />
            </td>
            <td className="target-result">
              {target.error ? (
                <span className="execution-error">
                  <code>{target.error.type}</code> {target.error.message}
                </span>
              ) : (
                <span className="muted">{target.detail ?? '—'}</span>
              )}
              {target.deadLetterId ? (
                <div>
                  <a href={deadLetterHref(target)}>{t('event.deadLetter')}</a>
                </div>
              ) : null}
            </td>
            <td>{target.executionId ? <ExecutionLink id={target.executionId} /> : <span className="muted">—</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
