/**
 * @module The property panel of a branch: a Try's Catch handler, a Choice's When, with its config form.
 */
import type { BranchNode } from '../../../engine/flow/document.js';
import type { EditActions } from '../editor/use-edit-actions.js';
import type { NodeIssues } from '../model/issues.js';
import { getAt, splitIndex, type NodePath } from '../model/paths.js';
import type { ScopePart } from '../model/scopes.js';
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
  const place = splitIndex(path);
  const siblings = place ? getAt(draft, place.list) : undefined;
  const count = Array.isArray(siblings) ? siblings.length : 0;
  const minimum = part.minItems ?? 0;
  const otherIds = new Set([...takenIds].filter((id) => id !== branch.id));
  return (
    <div className="properties" role="region" aria-label={`${part.branchTitle} ${branch.id} properties`}>
      <NodeHeader title={part.branchTitle} subtitle={`${part.title} of ${ownerId}`} description={`One of the ${part.title.toLowerCase()} of ${ownerId}, tried in order.`} />
      <StepActions
        noun="branch"
        canMoveUp={(place?.index ?? 0) > 0}
        canMoveDown={(place?.index ?? 0) < count - 1}
        canDelete={count > minimum}
        deleteReason={`${ownerId} needs at least ${minimum} ${part.branchTitle}`}
        onMove={(delta) => actions.move(path, delta)}
        onDuplicate={() => actions.duplicate(path)}
        onDelete={() => actions.remove(path)}
      />
      <IssueList issues={issues?.node ?? []} />
      <section className="panel-section" aria-label="General">
        <IdField label="Branch id" value={String(branch.id ?? '')} taken={otherIds} onChange={(id) => actions.setKey(path, 'id', id)} />
        <TextField label="Display name" value={typeof branch.name === 'string' ? branch.name : undefined} onChange={(value) => actions.setKey(path, 'name', value)} />
      </section>
      <section className="panel-section" aria-label="Settings">
        <h3>Settings</h3>
        {part.branchConfig ? (
          <SchemaForm schema={part.branchConfig} value={branch.config} issues={issues?.fields} onFieldChange={(field, value) => actions.setField(path, field, value)} />
        ) : (
          <p className="muted">This branch has no settings.</p>
        )}
      </section>
    </div>
  );
}
