/**
 * @module A rule's targets: each with its id and type, and its config in a form built from the type's schema
 * (`GET /api/target-types`): nested objects and lists such as message-push receivers get forms of their
 * own, connections are picked by name, flows from the flows; each issue shows at the field it points at.
 */
import { useId, useMemo } from 'react';
import type { RuleTarget } from '../../../engine/bus/files/format.js';
import type { TargetTypeManifest } from '../api/rules.js';
import type { ConnectionSummary, FlowSummary, ValidationIssue } from '../api/types.js';
import { useTranslation } from '../i18n/i18n.js';
import { localizeTargetTypes } from '../i18n/target-texts.js';
import { uniqueId } from '../model/ids.js';
import { FormContext } from '../properties/form-context.js';
import { IssueList } from '../properties/IssueList.js';
import { issuesBelow } from '../properties/NestedFields.js';
import { SchemaForm } from '../properties/SchemaForm.js';

export interface TargetsEditorProps {
  targets: RuleTarget[];
  types: TargetTypeManifest[];
  flows: FlowSummary[];
  connections: ConnectionSummary[];
  issues: Map<number, ValidationIssue[]>;
  onChange: (targets: RuleTarget[]) => void;
}

/** The flow target's one field, picked from the flows of the folder rather than typed. */
function FlowPicker({ value, flows, issues, onChange }: {
  value: unknown;
  flows: FlowSummary[];
  issues: ValidationIssue[];
  onChange: (flow: string) => void;
}) {
  const id = useId();
  const { t } = useTranslation();
  const current = typeof value === 'string' ? value : '';
  return (
    <div className={`field${issues.length > 0 ? ' field-invalid' : ''}`} data-field="flow">
      <label htmlFor={id}>{t('targets.flow')}</label>
      <select id={id} value={current} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('targets.chooseFlow')}</option>
        {flows.map((flow) => (
          <option key={flow.id} value={flow.id}>
            {t(flow.trigger?.type === 'event' ? 'targets.flowOption' : 'targets.notEventFlow', { name: flow.name ?? flow.id, id: flow.id })}
          </option>
        ))}
        {current && !flows.some((flow) => flow.id === current) ? <option value={current}>{t('targets.notFound', { id: current })}</option> : null}
      </select>
      {issues.map((issue, index) => (
        <p key={index} className="field-error" data-issue-code={issue.code}>
          {issue.message}
        </p>
      ))}
    </div>
  );
}

function TargetConfig({ index, target, type, flows, issues, onConfig }: {
  index: number;
  target: RuleTarget;
  type: TargetTypeManifest | undefined;
  flows: FlowSummary[];
  issues: ValidationIssue[];
  onConfig: (config: Record<string, unknown> | undefined) => void;
}) {
  const { t } = useTranslation();
  const pointer = `/targets/${index}/config`;
  const below = issuesBelow(issues, pointer);
  const config = target.config ?? {};
  const setField = (field: string, value: unknown) => {
    const next = { ...config };
    if (value === undefined || value === '') delete next[field];
    else next[field] = value;
    onConfig(Object.keys(next).length > 0 ? next : undefined);
  };
  if (!type) return <p className="muted">{t('targets.unknownType', { type: target.type })}</p>;
  if (target.type === 'flow') {
    return <FlowPicker value={config.flow} flows={flows} issues={below.get('flow') ?? []} onChange={(flow) => setField('flow', flow)} />;
  }
  return (
    <>
      <IssueList issues={below.get('') ?? []} />
      <SchemaForm
        schema={type.config}
        value={config}
        pointer={pointer}
        issues={below}
        onFieldChange={setField}
        emptyText={t('targets.noSettings')}
      />
    </>
  );
}

export function TargetsEditor({ targets, types: englishTypes, flows, connections, issues, onChange }: TargetsEditorProps) {
  const ids = useId();
  const { t, i18n } = useTranslation();
  const types = useMemo(() => localizeTargetTypes(englishTypes, i18n.language), [englishTypes, i18n.language]);
  const replace = (index: number, target: RuleTarget) => onChange(targets.map((item, at) => (at === index ? target : item)));
  const add = () => {
    const id = uniqueId('target', new Set(targets.map((target) => target.id)));
    onChange([...targets, { id, type: 'flow' }]);
  };
  return (
    <FormContext.Provider value={{ connections, nested: true, literal: true }}>
      <div className="targets">
        {targets.length === 0 ? <p className="muted">{t('targets.none')}</p> : null}
        {targets.map((target, index) => {
          const type = types.find((option) => option.type === target.type);
          const own = issues.get(index) ?? [];
          const outside = own.filter((issue) => !issue.pointer.startsWith(`/targets/${index}/config`));
          return (
            <fieldset key={index} className="target-card" aria-label={t('targets.label', { id: target.id })}>
              <div className="target-head">
                <div className="field">
                  <label htmlFor={`${ids}-${index}-id`}>{t('targets.id')}</label>
                  <input id={`${ids}-${index}-id`} type="text" className="mono" value={target.id} onChange={(event) => replace(index, { ...target, id: event.target.value })} />
                </div>
                <div className="field">
                  <label htmlFor={`${ids}-${index}-type`}>{t('targets.type')}</label>
                  <select id={`${ids}-${index}-type`} value={target.type} onChange={(event) => replace(index, { id: target.id, type: event.target.value })}>
                    {types.map((option) => (
                      <option key={option.type} value={option.type}>
                        {option.title}
                      </option>
                    ))}
                    {type ? null : <option value={target.type}>{target.type}</option>}
                  </select>
                </div>
                <button type="button" className="button button-small button-danger" aria-label={t('targets.removeLabel', { id: target.id })} onClick={() => onChange(targets.filter((_, at) => at !== index))}>
                  {t('targets.remove')}
                </button>
              </div>
              {type ? <p className="field-help">{type.description.split(/(?<=\.)\s/)[0]}</p> : null}
              <TargetConfig
                index={index}
                target={target}
                type={type}
                flows={flows}
                issues={own}
                onConfig={(config) => {
                  const next: RuleTarget = { ...target, config };
                  if (config === undefined) delete next.config;
                  replace(index, next);
                }}
              />
              <IssueList issues={outside} />
            </fieldset>
          );
        })}
        <button type="button" className="button button-small" onClick={add}>
          {t('targets.add')}
        </button>
      </div>
    </FormContext.Provider>
  );
}
