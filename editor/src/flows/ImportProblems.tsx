/**
 * @module What the check of an imported file found: why it is no flow, or the server's problems with their
 * pointers, introduced by `problemsKey` (plural forms `_one` / `_other`).
 */
import { useTranslation } from '../i18n/i18n.js';
import { Spinner } from '../ui/Spinner.js';
import type { ImportCheck } from './use-import-check.js';

export function ImportProblems({ check, fileName, problemsKey }: { check: ImportCheck; fileName: string; problemsKey: string }) {
  const { t } = useTranslation();
  const { read, issues, error } = check;
  if ('problem' in read) {
    const text = read.problem === 'not-json' ? t('flowImport.notJson', { file: fileName, message: read.detail }) : t('flowImport.notFlow', { file: fileName });
    return <p className="error-text" role="alert">{text}</p>;
  }
  if (error) return <p className="error-text" role="alert">{t('flowImport.failed', { message: error })}</p>;
  if (!issues) return <Spinner label={t('flowImport.checking')} />;
  if (issues.length === 0) return <p className="import-valid">{t('flowImport.valid')}</p>;
  return (
    <div className="import-problems">
      <p>{t(problemsKey, { count: issues.length })}</p>
      <ul className="issue-list import-issues" aria-label={t(problemsKey, { count: issues.length })}>
        {issues.map((issue, index) => (
          <li key={index} className="issue" data-issue-code={issue.code}>
            {issue.stepId ? <code className="issue-step">{issue.stepId}</code> : null}
            <code className="issue-pointer">{issue.pointer || '/'}</code> {issue.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
