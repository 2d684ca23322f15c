/**
 * @module The "Changes" view: the draft compared with the flow's last commit, step by step, with the old and
 * new value of every changed field; clicking a change selects its step on the canvas.
 */
import { useTranslation } from '../i18n/i18n.js';
import { Spinner } from '../ui/Spinner.js';
import { DiffEntryList } from './DiffEntryList.js';
import type { FlowChangesState } from './use-flow-changes.js';

export function ChangesPanel({ state, onSelectStep }: { state: FlowChangesState; onSelectStep: (stepId: string) => void }) {
  const { t } = useTranslation();
  const { result, error, pending } = state;
  if (error) return <p className="changes-note error-text">{t('gitChanges.cannotCompare', { message: error })}</p>;
  if (!result) return <Spinner label={t('gitChanges.comparingLong')} />;
  if (!result.git) return <p className="changes-note muted">{t('gitChanges.noGit')}</p>;
  return (
    <section className="changes-panel" role="region" aria-label={t('gitChanges.title')}>
      <h2 className="panel-title">
        {t('gitChanges.title')} {pending ? <Spinner inline label={t('gitChanges.comparing')} /> : null}
      </h2>
      {result.status === 'added' ? <p className="changes-note">{t('gitChanges.added')}</p> : null}
      {result.changes.length === 0 ? <p className="changes-note muted">{t('gitChanges.none')}</p> : null}
      <DiffEntryList entries={result.changes} onSelectStep={onSelectStep} />
    </section>
  );
}
