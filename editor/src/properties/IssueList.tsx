/**
 * @module Validation issues that belong to a node (or the flow) but to no single field.
 */
import type { ValidationIssue } from '../api/types.js';
import { useTranslation } from '../i18n/i18n.js';

export function IssueList({ issues, title, showFile = false }: {
  issues: ValidationIssue[];
  title?: string;
  /** Names each issue's file (its last part), where a list mixes the issues of several files. */
  showFile?: boolean;
}) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <div className="issue-list" role="group" aria-label={title ?? t('fields.problems')}>
      {issues.map((issue, index) => (
        <p key={index} className={issue.severity === 'warning' ? 'issue issue-warning' : 'issue'} data-issue-code={issue.code}>
          <span className="issue-icon" aria-hidden="true">
            !
          </span>
          <span>
            {issue.message}
            {issue.pointer ? <code className="issue-pointer">{issue.pointer}</code> : null}
            {showFile && issue.file ? <code className="issue-file">{issue.file.split(/[\\/]/).pop()}</code> : null}
          </span>
        </p>
      ))}
    </div>
  );
}
