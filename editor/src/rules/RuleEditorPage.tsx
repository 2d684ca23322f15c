/**
 * @module A rule: its name, bus, switch, pattern (built from conditions, with the template events it matches)
 * and targets (forms from each type's schema), validated as you edit and saved as the canonical rule file; a
 * refused save shows the server's issues at their fields. Beside it, the pattern tester.
 */
import { useEffect, useState } from 'react';
import type { RuleTarget } from '../../../engine/bus/files/format.js';
import { listConnections } from '../api/connections.js';
import { listFlows } from '../api/flows.js';
import { useTranslation } from '../i18n/i18n.js';
import { getRule, listBuses, listTargetTypes, saveRule, validateRule, type TargetTypeManifest } from '../api/rules.js';
import type { ConnectionSummary, FlowSummary, ValidationIssue } from '../api/types.js';
import { IssueList } from '../properties/IssueList.js';
import { TextField } from '../properties/TextField.js';
import { BusAndSwitchFields, FileEditorPage, FileEditorWaiting } from '../ui/FileEditorPage.js';
import { useFileDraft } from '../ui/use-file-draft.js';
import { PatternBuilder } from './PatternBuilder.js';
import { PatternTester } from './PatternTester.js';
import { splitRuleIssues, type RuleDraft } from './rule-draft.js';
import { TargetsEditor } from './TargetsEditor.js';

export interface RuleEditorPageProps {
  ruleId: string;
  /** Set for a rule created in the editor and not saved yet. */
  newDraft?: RuleDraft;
}

export function RuleEditorPage({ ruleId, newDraft }: RuleEditorPageProps) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(!newDraft);
  const [context, setContext] = useState<{
    flows: FlowSummary[];
    connections: ConnectionSummary[];
    buses: Array<{ id: string; name: string }>;
    types: TargetTypeManifest[];
  }>();
  // What the queue brokers said of the saved rule when the server loaded it (an exchange they do not have).
  const [brokerIssues, setBrokerIssues] = useState<ValidationIssue[]>([]);
  const { draft, setDraft, change, save, saving, error, setError, notice, issues } = useFileDraft<RuleDraft>({
    id: ruleId,
    newDraft,
    validate: validateRule,
    persist: async (document) => {
      await saveRule(ruleId, document);
      setSaved(true);
      setBrokerIssues([]);
    },
    savedText: t('ruleEditor.saved'),
    notSavedText: (count) => t('ruleEditor.notSaved', { count }),
  });
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
  if (!draft || !context) return <FileEditorWaiting error={error} label={t('ruleEditor.opening', { id: ruleId })} />;
  const split = splitRuleIssues(issues);
  return (
    <FileEditorPage
      back={{ href: '#/rules', label: t('ruleEditor.back') }}
      title={draft.name || ruleId}
      fileName={`${ruleId}.rule.json`}
      status={saved ? null : <span className="status-pill status-new">{t('ruleEditor.notSavedYet')}</span>}
      problemCount={issues.length}
      saving={saving}
      saveLabel={t('ruleEditor.save')}
      savingLabel={t('ruleEditor.saving')}
      onSave={() => void save()}
      error={error}
      notice={notice}
    >
      {brokerIssues.length > 0 ? <IssueList issues={brokerIssues} title={t('ruleEditor.problemsWhileRunning')} showFile /> : null}
      <div className="rule-columns">
        <div className="rule-form">
          <IssueList issues={split.other} />
          <section className="panel-section" aria-label={t('ruleEditor.section')}>
            <TextField label={t('ruleEditor.name')} required value={draft.name} onChange={(name) => change({ ...draft, name: name ?? '' })} />
            <TextField label={t('ruleEditor.description')} multiline value={draft.description} onChange={(description) => change({ ...draft, description })} />
            <BusAndSwitchFields
              bus={draft.bus}
              enabled={draft.enabled}
              buses={context.buses}
              busLabel={t('ruleEditor.bus')}
              enabledLabel={t('ruleEditor.enabled')}
              onChange={(field) => change({ ...draft, ...field })}
            />
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
    </FileEditorPage>
  );
}
