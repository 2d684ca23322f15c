/**
 * @module A rule's targets: each with its id and type; flows are picked from the flows, webhooks get an URL
 * and an http-auth connection, the log store needs nothing, other types are edited as JSON.
 */
import { useId } from 'react';
import type { RuleTarget } from '../../../engine/bus/files/format.js';
import type { ConnectionSummary, FlowSummary, ValidationIssue } from '../api/types.js';
import { uniqueId } from '../model/ids.js';
import { JsonInput } from '../properties/JsonInput.js';
import { IssueList } from '../properties/IssueList.js';
import { TARGET_TYPES } from './rule-draft.js';

export interface TargetsEditorProps {
  targets: RuleTarget[];
  flows: FlowSummary[];
  connections: ConnectionSummary[];
  issues: Map<number, ValidationIssue[]>;
  onChange: (targets: RuleTarget[]) => void;
}

function TargetConfig({ target, flows, connections, onConfig }: {
  target: RuleTarget;
  flows: FlowSummary[];
  connections: ConnectionSummary[];
  onConfig: (config: Record<string, unknown> | undefined) => void;
}) {
  const id = useId();
  const config = target.config ?? {};
  const set = (key: string, value: string) => {
    const next = { ...config, [key]: value };
    if (value === '') delete next[key];
    onConfig(Object.keys(next).length > 0 ? next : undefined);
  };
  if (target.type === 'log-store') return <p className="field-help">Every matching event is kept in the log store.</p>;
  if (target.type === 'flow') {
    const current = typeof config.flow === 'string' ? config.flow : '';
    return (
      <div className="field">
        <label htmlFor={`${id}-flow`}>Flow</label>
        <select id={`${id}-flow`} value={current} onChange={(event) => set('flow', event.target.value)}>
          <option value="">— choose a flow —</option>
          {flows.map((flow) => (
            <option key={flow.id} value={flow.id}>
              {`${flow.name ?? flow.id} (${flow.id})${flow.trigger?.type === 'event' ? '' : ' — not an event flow'}`}
            </option>
          ))}
          {current && !flows.some((flow) => flow.id === current) ? <option value={current}>{`${current} (not found)`}</option> : null}
        </select>
      </div>
    );
  }
  if (target.type === 'webhook') {
    return (
      <>
        <div className="field">
          <label htmlFor={`${id}-url`}>URL</label>
          <input id={`${id}-url`} type="text" value={typeof config.url === 'string' ? config.url : ''} placeholder="https://example.com/hook" onChange={(event) => set('url', event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-connection`}>Connection</label>
          <select id={`${id}-connection`} value={typeof config.connection === 'string' ? config.connection : ''} onChange={(event) => set('connection', event.target.value)}>
            <option value="">None (no credentials)</option>
            {connections.filter((connection) => connection.type === 'http-auth').map((connection) => (
              <option key={connection.name} value={connection.name}>
                {connection.name}
              </option>
            ))}
          </select>
        </div>
      </>
    );
  }
  return (
    <div className="field">
      <label htmlFor={`${id}-config`}>Config (JSON)</label>
      <JsonInput id={`${id}-config`} value={target.config} onChange={(value) => onConfig(value as Record<string, unknown> | undefined)} />
    </div>
  );
}

export function TargetsEditor({ targets, flows, connections, issues, onChange }: TargetsEditorProps) {
  const ids = useId();
  const replace = (index: number, target: RuleTarget) => onChange(targets.map((item, at) => (at === index ? target : item)));
  const add = () => {
    const id = uniqueId('target', new Set(targets.map((target) => target.id)));
    onChange([...targets, { id, type: 'flow' }]);
  };
  return (
    <div className="targets">
      {targets.length === 0 ? <p className="muted">No targets yet: matching events go nowhere.</p> : null}
      {targets.map((target, index) => (
        <fieldset key={index} className="target-card" aria-label={`Target ${target.id}`}>
          <div className="target-head">
            <div className="field">
              <label htmlFor={`${ids}-${index}-id`}>Target id</label>
              <input id={`${ids}-${index}-id`} type="text" className="mono" value={target.id} onChange={(event) => replace(index, { ...target, id: event.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`${ids}-${index}-type`}>Target type</label>
              <select id={`${ids}-${index}-type`} value={target.type} onChange={(event) => replace(index, { id: target.id, type: event.target.value })}>
                {TARGET_TYPES.map((option) => (
                  <option key={option.type} value={option.type}>
                    {option.title}
                  </option>
                ))}
                {TARGET_TYPES.some((option) => option.type === target.type) ? null : <option value={target.type}>{target.type}</option>}
              </select>
            </div>
            <button type="button" className="button button-small button-danger" aria-label={`Remove target ${target.id}`} onClick={() => onChange(targets.filter((_, at) => at !== index))}>
              Remove
            </button>
          </div>
          <p className="field-help">{TARGET_TYPES.find((option) => option.type === target.type)?.help}</p>
          <TargetConfig
            target={target}
            flows={flows}
            connections={connections}
            onConfig={(config) => {
              const next: RuleTarget = { ...target, config };
              if (config === undefined) delete next.config;
              replace(index, next);
            }}
          />
          <IssueList issues={issues.get(index) ?? []} />
        </fieldset>
      ))}
      <button type="button" className="button button-small" onClick={add}>
        + Add target
      </button>
    </div>
  );
}
