/**
 * @module The property panel of a trigger or step: what it is, its id, name and switches, the config form
 * generated from its type's schema, what it did in the run shown, and the step's actions.
 */
import type { StepNode } from '../../../engine/flow/document.js';
import type { StoredExecution } from '../api/types.js';
import type { EditActions } from '../editor/use-edit-actions.js';
import type { NodeRun } from '../editor/editor-context.js';
import type { StepCatalog } from '../model/catalog.js';
import type { NodeIssues } from '../model/issues.js';
import { getAt, splitIndex, toPointer, type NodePath } from '../model/paths.js';
import { RunStrip, StepRunData } from '../runs/StepRunDetails.js';
import { useTranslation } from '../i18n/i18n.js';
import { IdField } from './IdField.js';
import { IssueList } from './IssueList.js';
import { NodeHeader } from './NodeHeader.js';
import { SchemaForm } from './SchemaForm.js';
import { StepActions } from './StepActions.js';
import { TextField } from './TextField.js';

export interface StepPropertiesProps {
  step: StepNode;
  path: NodePath;
  trigger: boolean;
  draft: unknown;
  catalog: StepCatalog;
  takenIds: ReadonlySet<string>;
  issues?: NodeIssues;
  actions: EditActions;
  run?: { record: StoredExecution; node: NodeRun | undefined };
  onChangeTrigger: () => void;
}

export function StepProperties({ step, path, trigger, draft, catalog, takenIds, issues, actions, run, onChangeTrigger }: StepPropertiesProps) {
  const { t } = useTranslation();
  const manifest = catalog.get(step.type);
  const title = manifest?.title ?? step.type;
  const place = splitIndex(path);
  const siblings = place ? getAt(draft, place.list) : undefined;
  const count = Array.isArray(siblings) ? siblings.length : 0;
  const otherIds = new Set([...takenIds].filter((id) => id !== step.id));
  return (
    <div className="properties" aria-label={t(trigger ? 'stepPanel.triggerLabel' : 'stepPanel.stepLabel', { id: step.id })} role="region">
      <NodeHeader title={title} subtitle={trigger ? t('stepPanel.trigger') : step.id} manifest={manifest} />
      {!manifest ? (
        <IssueList title={t('stepPanel.unknownType')} issues={[{ pointer: '', code: 'unknown-step-type', message: t('stepPanel.noStepType', { type: step.type }) }]} />
      ) : null}
      {trigger ? (
        <div className="step-actions">
          <button type="button" className="button button-small" onClick={onChangeTrigger}>
            {t('stepPanel.changeTrigger')}
          </button>
        </div>
      ) : (
        <StepActions
          noun="step"
          canMoveUp={(place?.index ?? 0) > 0}
          canMoveDown={(place?.index ?? 0) < count - 1}
          canDelete
          onMove={(delta) => actions.move(path, delta)}
          onDuplicate={() => actions.duplicate(path)}
          onDelete={() => actions.remove(path)}
        />
      )}
      <IssueList issues={issues?.node ?? []} />
      {run ? <RunStrip run={run.node} /> : null}
      <section className="panel-section" aria-label={t('stepPanel.general')}>
        <IdField label={trigger ? t('stepPanel.triggerId') : t('stepPanel.stepId')} value={String(step.id ?? '')} taken={otherIds} onChange={(id) => actions.setKey(path, 'id', id)} />
        <TextField label={t('stepPanel.displayName')} value={typeof step.name === 'string' ? step.name : undefined} placeholder={title} onChange={(value) => actions.setKey(path, 'name', value)} />
        {!trigger ? (
          <label className="checkbox">
            <input type="checkbox" checked={step.disabled === true} onChange={(event) => actions.setKey(path, 'disabled', event.target.checked ? true : undefined)} />
            <span>{t('stepPanel.disabled')}</span>
          </label>
        ) : null}
      </section>
      <section className="panel-section" aria-label={t('stepPanel.settings')}>
        <h3>{t('stepPanel.settings')}</h3>
        {manifest ? (
          <SchemaForm
            schema={manifest.config}
            value={step.config}
            issues={issues?.fields}
            pointer={`${toPointer(path)}/config`}
            onFieldChange={(field, value) => actions.setField(path, field, value)}
          />
        ) : (
          <p className="muted">{t('stepPanel.unknownSettings')}</p>
        )}
      </section>
      {run ? <StepRunData record={run.record} stepId={step.id} run={run.node} /> : null}
    </div>
  );
}
