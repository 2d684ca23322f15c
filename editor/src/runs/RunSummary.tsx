/**
 * @module The result of a run: overall status and each step in the order it ran, with its status,
 * duration and error; a step's row selects it on the canvas; an HTTP flow's test run adds the reply it would
 * have sent.
 */
import type { DryRunReply, StoredExecution } from '../api/types.js';
import { useTranslation } from '../i18n/i18n.js';
import { ReplyView } from './ReplyView.js';
import { formatDuration, STATUS_LABELS } from './trace.js';

const EXECUTION_LABELS: Record<string, string> = {
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
  'timed-out': 'Timed out',
};

export function RunSummary({ record, onSelectStep }: { record: StoredExecution; onSelectStep: (stepId: string) => void }) {
  const { t } = useTranslation();
  return (
    <section className="panel-section run-result" aria-label={t('runResult.label')}>
      <h3>
        {t('runResult.title')}{' '}
        <span className={`status-pill status-${record.status}`} data-status={record.status}>
          {t(`runStatus.${record.status}`, { defaultValue: EXECUTION_LABELS[record.status] ?? record.status })}
        </span>
      </h3>
      <p className="muted">
        {new Date(record.startedAt).toLocaleString()} · {formatDuration(record.durationMs)} · {record.trigger}
        {record.trigger === 'dry-run' ? ` ${t('runResult.testRun')}` : ''}
      </p>
      {record.error ? (
        <div className="run-error" role="group" aria-label={t('runResult.error')}>
          <code>{record.error.type}</code>
          <p>
            {record.error.step ? t('runResult.errorAtStep', { message: record.error.message, step: record.error.step }) : record.error.message}
          </p>
          {record.error.step ? <ErrorStepLink stepId={record.error.step} onSelectStep={onSelectStep} /> : null}
        </div>
      ) : null}
      {'reply' in record && record.reply ? <ReplyView reply={record.reply as DryRunReply} onSelectStep={onSelectStep} /> : null}
      <ol className="trace-list">
        {record.steps.map((trace, index) => (
          <li key={index}>
            <button type="button" className={`trace-row run-${trace.status}`} onClick={() => onSelectStep(trace.stepId)} aria-label={t('runResult.traceOf', { step: trace.stepId, status: t(`runStatus.${trace.status}`) })}>
              <span className="trace-id">{trace.stepId}</span>
              <span className="trace-status">{trace.error ? trace.error.type : t(`runStatus.${trace.status}`)}</span>
              <span className="trace-time">{formatDuration(trace.durationMs)}</span>
            </button>
          </li>
        ))}
      </ol>
      {record.steps.length === 0 ? <p className="muted">{t('runResult.noStep')}</p> : null}
      {record.logs.length > 0 ? (
        <>
          <h4>{t('runResult.log')}</h4>
          <ul className="log-list">
            {record.logs.map((entry, index) => (
              <li key={index}>
                <span className={`log-level log-${entry.level}`}>{entry.level}</span> <span className="log-category">{entry.category}</span>{' '}
                <span>{entry.content}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** Names the step an error came from, and shows it on the canvas. */
function ErrorStepLink({ stepId, onSelectStep }: { stepId: string; onSelectStep: (stepId: string) => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="link-button" onClick={() => onSelectStep(stepId)}>
      {t('reply.ofStep', { id: stepId })}
    </button>
  );
}
