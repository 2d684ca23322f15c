/**
 * @module The header's problem count as a button, and the list it opens: every problem and warning of the
 * draft; clicking one selects its step (or branch) on the canvas and focuses the field it is about.
 */
import { useTranslation } from '../i18n/i18n.js';
import { isWarning, type IssueIndex, type ListedIssue } from '../model/issues.js';
import { Spinner } from '../ui/Spinner.js';

export function ProblemCount({ issues, validating, open, onToggle }: { issues: IssueIndex; validating: boolean; open: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const parts = [issues.count === 0 ? t('problems.none') : t('problems.count', { count: issues.count })];
  if (issues.warnings > 0) parts.push(t('problems.warnings', { count: issues.warnings }));
  const tone = issues.count > 0 ? ' has-problems' : issues.warnings > 0 ? ' has-warnings' : '';
  return (
    <button type="button" className={`problem-count${tone}`} aria-expanded={open} aria-controls="problems-list" onClick={onToggle}>
      {validating ? <Spinner inline label={t('toolbar.checking')} /> : null}
      <span role="status" aria-live="polite">
        {parts.join(' · ')}
      </span>
    </button>
  );
}

export interface ProblemsListProps {
  issues: IssueIndex;
  /** The id of the step or branch a node pointer points at, for the list's lines. */
  nodeId: (node: string) => string | undefined;
  onPick: (entry: ListedIssue) => void;
  onClose: () => void;
}

export function ProblemsList({ issues, nodeId, onPick, onClose }: ProblemsListProps) {
  const { t } = useTranslation();
  return (
    <section id="problems-list" className="problems-list" role="region" aria-label={t('problems.listTitle')}>
      <header className="problems-list-head">
        <h2>{t('problems.listTitle')}</h2>
        <button type="button" className="button button-small" onClick={onClose}>
          {t('problems.close')}
        </button>
      </header>
      <p className="muted">{t('problems.listIntro')}</p>
      {issues.list.length === 0 ? <p className="muted">{t('problems.empty')}</p> : null}
      <ol>
        {issues.list.map((entry, index) => {
          const warning = isWarning(entry.issue);
          const id = entry.node ? (nodeId(entry.node) ?? entry.issue.stepId) : undefined;
          const where = [id ? t('problems.inStep', { id }) : t('problems.flowLevel'), entry.field?.join('.')].filter(Boolean).join(' · ');
          return (
            <li key={index}>
              <button type="button" className={`problem-item${warning ? ' problem-warning' : ''}`} data-issue-code={entry.issue.code} onClick={() => onPick(entry)}>
                <span className="problem-severity">{warning ? t('problems.warning') : t('problems.error')}</span>
                <span className="problem-where">{where}</span>
                <span className="problem-message">{entry.issue.message}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
