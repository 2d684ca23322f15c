/**
 * @module What a step did in the run shown: a strip with status, duration and error at the top of its
 * panel, and the messages in and out (and what a stubbed step would have sent) further down.
 */
import type { StoredExecution } from '../api/types.js';
import type { NodeRun } from '../editor/editor-context.js';
import { JsonView } from '../ui/JsonView.js';
import { formatDuration, stepInput } from './trace.js';
import { Trans } from 'react-i18next';
import { i18n } from '../i18n/i18n.js';
import { useTranslation } from '../i18n/i18n.js';

export function RunStrip({ run }: { run: NodeRun | undefined }) {
  const { t } = useTranslation();
  if (run === undefined) return null;
  if (run === 'not-run') {
    return (
      <p className="run-strip run-not-run" data-status="not-run">
        {t('stepRun.notRun')}
      </p>
    );
  }
  return (
    <div className={`run-strip run-${run.status}`} data-status={run.status} role="group" aria-label={t('stepRun.resultLabel')}>
      <p>
        <Trans i18n={i18n} i18nKey="stepRun.result" values={{ status: t(`runStatus.${run.status}`), duration: formatDuration(run.durationMs) }} components={{ strong: <strong /> }} />
        {run.runs > 1 ? t('stepRun.runs', { count: run.runs }) : ''}
      </p>
      {run.error ? (
        <p className="run-strip-error">
          <code>{run.error.type}</code> {run.error.message}
        </p>
      ) : null}
    </div>
  );
}

export function StepRunData({ record, stepId, run }: { record: StoredExecution; stepId: string; run: NodeRun | undefined }) {
  const { t } = useTranslation();
  if (run === undefined || run === 'not-run' || !run.last) return null;
  const trace = run.last;
  const input = stepInput(record, stepId);
  return (
    <section className="panel-section run-details" aria-label={t('stepRun.title')}>
      <h3>{t('stepRun.title')}</h3>
      {input ? (
        <>
          <h4>{t('stepRun.input')}</h4>
          <JsonView value={input} label={t('stepRun.inputLabel')} />
        </>
      ) : null}
      {trace.config ? (
        <>
          <h4>{t('stepRun.sent')}</h4>
          <JsonView value={trace.config} label={t('stepRun.sentLabel')} />
        </>
      ) : null}
      {trace.output !== undefined ? (
        <>
          <h4>{t('stepRun.output')}</h4>
          <JsonView value={trace.output} label={t('stepRun.outputLabel')} />
        </>
      ) : null}
    </section>
  );
}
