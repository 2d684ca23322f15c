/**
 * @module The editor app: loads the step registry's manifest once, then shows the page of the hash: the flow
 * list, a flow, rules, sources or a page of the bus console.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from '../i18n/i18n.js';
import { ApiError } from '../api/client.js';
import { listStepTypes } from '../api/steps.js';
import type { StepManifest } from '../api/types.js';
import { DeadLettersPage } from '../console/dead-letters/DeadLettersPage.js';
import { EventPage } from '../console/events/EventPage.js';
import { EventsPage } from '../console/events/EventsPage.js';
import { MetricsPage } from '../console/metrics/MetricsPage.js';
import { localizeSteps } from '../i18n/step-texts.js';
import { FlowEditorPage } from '../editor/FlowEditorPage.js';
import { FlowListPage } from '../flows/FlowListPage.js';
import { blankRule, type RuleDraft } from '../rules/rule-draft.js';
import { RuleEditorPage } from '../rules/RuleEditorPage.js';
import { RulesPage } from '../rules/RulesPage.js';
import { createCatalog } from '../model/catalog.js';
import { blankSource, type SourceDraft } from '../sources/source-draft.js';
import { SourceEditorPage } from '../sources/SourceEditorPage.js';
import { SourcesPage } from '../sources/SourcesPage.js';
import type { DraftFlow } from '../model/draft.js';
import { Banner } from '../ui/Banner.js';
import { Spinner } from '../ui/Spinner.js';
import { TokenPrompt } from './TokenPrompt.js';
import { flowHref, useHashRoute } from './use-hash-route.js';

export function App() {
  const route = useHashRoute();
  const { t, i18n } = useTranslation();
  const [steps, setSteps] = useState<StepManifest[]>();
  // Step titles and descriptions follow the UI language.
  const catalog = useMemo(() => steps && createCatalog(localizeSteps(steps, i18n.language)), [steps, i18n.language]);
  const [error, setError] = useState<ApiError | Error>();
  const [created, setCreated] = useState<{ id: string; draft: DraftFlow }>();
  const [createdRule, setCreatedRule] = useState<{ id: string; draft: RuleDraft }>();
  const [createdSource, setCreatedSource] = useState<{ id: string; draft: SourceDraft }>();
  const load = useCallback(() => {
    setError(undefined);
    listStepTypes().then(setSteps, setError);
  }, []);
  useEffect(load, [load]);
  // A new flow, rule or source lives in the editor until it is saved; leaving it drops the draft.
  const routeKey =
    route.page === 'flow'
      ? `flow:${route.flowId}`
      : route.page === 'rule'
        ? `rule:${route.ruleId}`
        : route.page === 'source'
          ? `source:${route.sourceId}`
          : route.page;
  useEffect(() => {
    setCreated((current) => (current && routeKey !== `flow:${current.id}` ? undefined : current));
    setCreatedRule((current) => (current && routeKey !== `rule:${current.id}` ? undefined : current));
    setCreatedSource((current) => (current && routeKey !== `source:${current.id}` ? undefined : current));
  }, [routeKey]);
  if (error instanceof ApiError && error.status === 401) return <TokenPrompt onDone={load} />;
  if (error) {
    return (
      <div className="page-status">
        <Banner tone="error" actions={<button type="button" className="button button-small" onClick={load}>{t('common.tryAgain')}</button>}>
          {t('app.cannotLoadSteps', { message: error.message })}
        </Banner>
      </div>
    );
  }
  if (!catalog) {
    return (
      <div className="page-status">
        <Spinner label={t('app.loading')} />
      </div>
    );
  }
  if (route.page === 'events') return <EventsPage />;
  if (route.page === 'event') return <EventPage key={route.eventId} eventId={route.eventId} />;
  if (route.page === 'dead-letters') return <DeadLettersPage />;
  if (route.page === 'metrics') return <MetricsPage />;
  if (route.page === 'rules') {
    return (
      <RulesPage
        onCreate={(id, name) => {
          setCreatedRule({ id, draft: blankRule(name) });
          window.location.hash = `#/rules/${encodeURIComponent(id)}`;
        }}
      />
    );
  }
  if (route.page === 'rule') {
    const newDraft = createdRule?.id === route.ruleId ? createdRule.draft : undefined;
    return <RuleEditorPage key={route.ruleId} ruleId={route.ruleId} newDraft={newDraft} />;
  }
  if (route.page === 'sources') {
    return (
      <SourcesPage
        onCreate={(id, name) => {
          setCreatedSource({ id, draft: blankSource(name) });
          window.location.hash = `#/sources/${encodeURIComponent(id)}`;
        }}
      />
    );
  }
  if (route.page === 'source') {
    const newDraft = createdSource?.id === route.sourceId ? createdSource.draft : undefined;
    return <SourceEditorPage key={route.sourceId} sourceId={route.sourceId} newDraft={newDraft} />;
  }
  if (route.page === 'flow') {
    const newDraft = created?.id === route.flowId ? created.draft : undefined;
    return <FlowEditorPage key={route.flowId} flowId={route.flowId} catalog={catalog} newDraft={newDraft} />;
  }
  return (
    <FlowListPage
      onCreate={(id, draft) => {
        setCreated({ id, draft });
        window.location.hash = flowHref(id);
      }}
    />
  );
}
