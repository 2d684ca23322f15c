/**
 * @module A rule: its name, bus, switch, pattern (built from conditions, with the template events it matches)
 * and targets (forms from each type's schema), validated as you edit and saved as the canonical rule file; a
 * refused save shows the server's issues at their fields. Beside it, the pattern tester.
 */
import { useEffect, useId, useState } from 'react';
import type { RuleTarget } from '../../../engine/bus/files/format.js';
import { ApiError } from '../api/client.js';
import { listConnections } from '../api/connections.js';
import { listFlows } from '../api/flows.js';
import { useTranslation } from '../i18n/i18n.js';
import { getRule, listBuses, listTargetTypes, saveRule, validateRule, type TargetTypeManifest } from '../api/rules.js';
import type { ConnectionSummary, FlowSummary, ValidationIssue } from '../api/types.js';
import { IssueList } from '../properties/IssueList.js';
import { TextField } from '../properties/TextField.js';
import { Banner } from '../ui/Banner.js';
import { Spinner } from '../ui/Spinner.js';
import { PatternBuilder } from './PatternBuilder.js';
import { PatternTester } from './PatternTester.js';
import { splitRuleIssues, type RuleDraft } from './rule-draft.js';
import { TargetsEditor } from './TargetsEditor.js';

export interface RuleEditorPageProps {
  ruleId: string;
  /** Set for a rule created in the editor and not saved yet. */
  newDraft?: RuleDraft;
}

function useRuleIssues(ruleId: string, draft: RuleDraft | undefined): ValidationIssue[] {
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  useEffect(() => {
    if (!draft) return;
    const controller = new AbortController();
    const timer = setTimeout(() => validateRule(ruleId, draft, controller.signal).then(setIssues, () => {}), 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [ruleId, draft]);
  return issues;
}

export function RuleEditorPage({ ruleId, newDraft }: RuleEditorPageProps) {
  const ids = useId();
  const { t } = useTranslation();
  const [draft, setDraft] = useState<RuleDraft | undefined>(newDraft);
  const [saved, setSaved] = useState(!newDraft);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [context, setContext] = useState<{
    flows: FlowSummary[];
    connections: ConnectionSummary[];
    buses: Array<{ id: string; name: string }>;
    types: TargetTypeManifest[];
  }>();
  const [serverIssues, setServerIssues] = useState<ValidationIssue[]>();
  // What the queue brokers said of the saved rule when the server loaded it (an exchange they do not have).
  const [brokerIssues, setBrokerIssues] = useState<ValidationIssue[]>([]);
  const liveIssues = useRuleIssues(ruleId, draft);
  const issues = serverIssues ?? liveIssues;
  useEffect(() => {
    if (!newDraft) {
      getRule(ruleId).then(
        (detail) => {
          setDraft(detail.rule as RuleDraft);
          setBrokerIssues(detail.issues.filter((issue) => issue.code.startsWith('broker-')));
        },
        (thrown: Error) => setError(thrown.message),
      );
    }
    const fallbackBuses = [{ id: 'default', name: t('ruleEditor.defaultBus') }];
    Promise.all([listFlows(), listConnections().catch(() => []), listBuses().catch(() => fallbackBuses), listTargetTypes()]).then(
      ([flows, connections, buses, types]) => setContext({ flows, connections, buses, types }),
      (thrown: Error) => setError(thrown.message),
    );
  }, [ruleId, newDraft]);
  const change = (next: RuleDraft) => {
    setDraft(next);
    setNotice(undefined);
    setServerIssues(undefined);
  };
  const save = async () => {
    if (!draft) return;
    setSaving(true);
    setError(undefined);
    try {
      await saveRule(ruleId, draft);
      setSaved(true);
      setBrokerIssues([]);
      setNotice(t('ruleEditor.saved'));
    } catch (thrown) {
      const refused = thrown instanceof ApiError ? thrown.issues : [];
      setServerIssues(refused.length > 0 ? refused : undefined);
      setError(refused.length > 0 ? t('ruleEditor.notSaved', { count: refused.length }) : (thrown as Error).message);
    } finally {
      setSaving(false);
    }
  };
  if (!draft || !context) {
    return <div className="page-status">{error ? <Banner tone="error">{error}</Banner> : <Spinner label={t('ruleEditor.opening', { id: ruleId })} />}</div>;
  }
  const split = splitRuleIssues(issues);
  return (
    <div className="rule-page">
      <header className="toolbar">
        <a className="toolbar-back" href="#/rules">
          {t('ruleEditor.back')}
        </a>
        <div className="toolbar-title">
          <h1>{draft.name || ruleId}</h1>
          <span className="toolbar-id">{`${ruleId}.rule.json`}</span>
          {saved ? null : <span className="status-pill status-new">{t('ruleEditor.notSavedYet')}</span>}
        </div>
        <span className={`problem-count${issues.length > 0 ? ' has-problems' : ''}`} role="status">
          {issues.length === 0 ? t('problems.none') : t('problems.count', { count: issues.length })}
        </span>
        <button type="button" className="button button-primary" onClick={() => void save()} disabled={saving}>
          {saving ? t('ruleEditor.saving') : t('ruleEditor.save')}
        </button>
      </header>
      {error ? <Banner tone="error">{error}</Banner> : null}
      {notice ? <Banner tone="success">{notice}</Banner> : null}
      {brokerIssues.length > 0 ? <IssueList issues={brokerIssues} title={t('ruleEditor.problemsWhileRunning')} showFile /> : null}
      <div className="rule-columns">
        <div className="rule-form">
          <IssueList issues={split.other} />
          <section className="panel-section" aria-label={t('ruleEditor.section')}>
            <TextField label={t('ruleEditor.name')} required value={draft.name} onChange={(name) => change({ ...draft, name: name ?? '' })} />
            <TextField label={t('ruleEditor.description')} multiline value={draft.description} onChange={(description) => change({ ...draft, description })} />
            <div className="field">
              <label htmlFor={`${ids}-bus`}>{t('ruleEditor.bus')}</label>
              <select id={`${ids}-bus`} value={draft.bus ?? 'default'} onChange={(event) => change({ ...draft, bus: event.target.value })}>
                {context.buses.map((bus) => (
                  <option key={bus.id} value={bus.id}>
                    {bus.name}
                  </option>
                ))}
              </select>
            </div>
            <label className="checkbox">
              <input type="checkbox" checked={draft.enabled !== false} onChange={(event) => change({ ...draft, enabled: event.target.checked })} />
              <span>{t('ruleEditor.enabled')}</span>
            </label>
          </section>
          <section className="panel-section" aria-label={t('ruleEditor.pattern')}>
            <h3>{t('ruleEditor.patternTitle')}</h3>
            <PatternBuilder pattern={draft.pattern} issues={split.pattern} onChange={(pattern) => change({ ...draft, pattern })} />
          </section>
          <section className="panel-section" aria-label={t('ruleEditor.targets')}>
            <h3>{t('ruleEditor.targets')}</h3>
            <TargetsEditor
              targets={draft.targets ?? []}
              types={context.types}
              flows={context.flows}
              connections={context.connections}
              issues={split.targets}
              onChange={(targets: RuleTarget[]) => change({ ...draft, targets })}
            />
          </section>
        </div>
        <aside className="rule-side">
          <PatternTester pattern={draft.pattern} />
        </aside>
      </div>
    </div>
  );
}
