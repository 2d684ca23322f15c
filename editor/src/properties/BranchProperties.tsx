/**
 * @module The property panel of a branch: a Try's Catch handler, a Choice's When, with its config form.
 */
import type { BranchNode } from '../../../engine/flow/document.js';
import type { EditActions } from '../editor/use-edit-actions.js';
import type { NodeIssues } from '../model/issues.js';
import { getAt, splitIndex, type NodePath } from '../model/paths.js';
import type { ScopePart } from '../model/scopes.js';
import { useTranslation } from '../i18n/i18n.js';
import { IdField } from './IdField.js';
import { IssueList } from './IssueList.js';
import { NodeHeader } from './NodeHeader.js';
import { SchemaForm } from './SchemaForm.js';
import { StepActions } from './StepActions.js';
import { TextField } from './TextField.js';

export interface BranchPropertiesProps {
  branch: BranchNode;
  path: NodePath;
  part: ScopePart & { kind: 'branches' };
  ownerId: string;
  draft: unknown;
  takenIds: ReadonlySet<string>;
  issues?: NodeIssues;
  actions: EditActions;
}

export function BranchProperties({ branch, path, part, ownerId, draft, takenIds, issues, actions }: BranchPropertiesProps) {
  const { t } = useTranslation();
  const place = splitIndex(path);
  const siblings = place ? getAt(draft, place.list) : undefined;
  const count = Array.isArray(siblings) ? siblings.length : 0;
  const minimum = part.minItems ?? 0;
  const otherIds = new Set([...takenIds].filter((id) => id !== branch.id));
  return (
    <div className="properties" role="region" aria-label={t('branchPanel.label', { branch: part.branchTitle, id: branch.id })}>
      <NodeHeader title={part.branchTitle} subtitle={t('branchPanel.subtitle', { part: part.title, owner: ownerId })} description={t('branchPanel.description', { part: part.title.toLowerCase(), owner: ownerId })} />
      <StepActions
        noun="branch"
        canMoveUp={(place?.index ?? 0) > 0}
        canMoveDown={(place?.index ?? 0) < count - 1}
        canDelete={count > minimum}
        deleteReason={t('branchPanel.needsAtLeast', { owner: ownerId, count: minimum, branch: part.branchTitle })}
        onMove={(delta) => actions.move(path, delta)}
        onDuplicate={() => actions.duplicate(path)}
        onDelete={() => actions.remove(path)}
      />
      <IssueList issues={issues?.node ?? []} />
      <section className="panel-section" aria-label={t('stepPanel.general')}>
        <IdField label={t('branchPanel.id')} value={String(branch.id ?? '')} taken={otherIds} onChange={(id) => actions.setKey(path, 'id', id)} />
        <TextField label={t('stepPanel.displayName')} value={typeof branch.name === 'string' ? branch.name : undefined} onChange={(value) => actions.setKey(path, 'name', value)} />
      </section>
      <section className="panel-section" aria-label={t('stepPanel.settings')}>
        <h3>{t('stepPanel.settings')}</h3>
        {part.branchConfig ? (
          <SchemaForm schema={part.branchConfig} value={branch.config} issues={issues?.fields} onFieldChange={(field, value) => actions.setField(path, field, value)} />
        ) : (
          <p className="muted">{t('branchPanel.none')}</p>
        )}
      </section>
    </div>
  );
}
