/**
 * @module Validation issues that belong to a node (or the flow) but to no single field.
 */
import type { ValidationIssue } from '../api/types.js';

export function IssueList({ issues, title = 'Problems' }: { issues: ValidationIssue[]; title?: string }) {
  if (issues.length === 0) return null;
  return (
    <div className="issue-list" role="group" aria-label={title}>
      {issues.map((issue, index) => (
        <p key={index} className="issue" data-issue-code={issue.code}>
          <span className="issue-icon" aria-hidden="true">
            !
          </span>
          <span>
            {issue.message}
            {issue.pointer ? <code className="issue-pointer">{issue.pointer}</code> : null}
          </span>
        </p>
      ))}
    </div>
  );
}
