/**
 * @module A source: its name, type, bus and switch, and its config in a form built from the type's schema
 * (connections picked by name), validated as you edit and saved as the canonical source file; the server's
 * issues show on their fields, and the state the server runs it in above them.
 */
import { useEffect, useId, useState } from 'react';
import { ApiError } from '../api/client.js';
import { listConnections } from '../api/connections.js';
import { listBuses } from '../api/rules.js';
import {
  getSource,
  listSourceTypes,
  saveSource,
  validateSource,
  type SourceTypeManifest,
  type SourceView,
} from '../api/sources.js';
import type { ConnectionSummary, ValidationIssue } from '../api/types.js';
import { FormContext } from '../properties/form-context.js';
import { IssueList } from '../properties/IssueList.js';
import { SchemaForm } from '../properties/SchemaForm.js';
import { TextField } from '../properties/TextField.js';
import { useTranslation } from '../i18n/i18n.js';
import { Banner } from '../ui/Banner.js';
import { Spinner } from '../ui/Spinner.js';
import { literalOnly, splitSourceIssues, type SourceDraft } from './source-draft.js';

export interface SourceEditorPageProps {
  sourceId: string;
  /** Set for a source created in the editor and not saved yet. */
  newDraft?: SourceDraft;
}

interface PageContext {
  types: SourceTypeManifest[];
  connections: ConnectionSummary[];
  buses: Array<{ id: string; name: string }>;
}

function useSourceIssues(sourceId: string, draft: SourceDraft | undefined): ValidationIssue[] {
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  useEffect(() => {
    if (!draft) return;
    const controller = new AbortController();
    const timer = setTimeout(() => validateSource(sourceId, draft, controller.signal).then(setIssues, () => {}), 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [sourceId, draft]);
  return issues;
}

/** The page of one source (`#/sources/<id>`): edit, validate as you type, save. */
export function SourceEditorPage({ sourceId, newDraft }: SourceEditorPageProps) {
  const ids = useId();
  const { t } = useTranslation();
  const [draft, setDraft] = useState<SourceDraft | undefined>(newDraft);
  const [view, setView] = useState<SourceView>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [serverIssues, setServerIssues] = useState<ValidationIssue[]>();
  const [context, setContext] = useState<PageContext>();
  const liveIssues = useSourceIssues(sourceId, draft);
  useEffect(() => {
    if (!newDraft) {
      getSource(sourceId).then(
        ({ source, ...rest }) => {
          setView(rest);
          setDraft(source && typeof source === 'object' ? (source as SourceDraft) : {});
        },
        (thrown: Error) => setError(thrown.message),
      );
    }
    const fallbackBuses = [{ id: 'default', name: t('ruleEditor.defaultBus') }];
    Promise.all([listSourceTypes(), listConnections().catch(() => []), listBuses().catch(() => fallbackBuses)]).then(
      ([types, connections, buses]) => setContext({ types, connections, buses }),
      (thrown: Error) => setError(thrown.message),
    );
  }, [sourceId, newDraft]);
  // A source just (re)started is `connecting` until its broker answers: look again until it settles.
  useEffect(() => {
    if (view?.state !== 'connecting') return;
    const look = () => getSource(sourceId).then(({ source: _document, ...rest }) => setView(rest), () => {});
    const timer = setTimeout(look, 1000);
    return () => clearTimeout(timer);
  }, [sourceId, view]);
  const change = (next: SourceDraft) => {
    setDraft(next);
    setNotice(undefined);
    setServerIssues(undefined);
  };
  const save = async () => {
    if (!draft) return;
    setSaving(true);
    setError(undefined);
    try {
      const { source: _document, ...saved } = await saveSource(sourceId, draft);
      setView(saved);
      setNotice(t('sourceEditor.saved'));
    } catch (thrown) {
      const issues = thrown instanceof ApiError ? thrown.issues : [];
      setServerIssues(issues.length > 0 ? issues : undefined);
      setError(issues.length > 0 ? t('sourceEditor.notSaved', { count: issues.length }) : (thrown as Error).message);
    } finally {
      setSaving(false);
    }
  };
  if (!draft || !context) {
    const waiting = <Spinner label={t('sourceEditor.opening', { id: sourceId })} />;
    return <div className="page-status">{error ? <Banner tone="error">{error}</Banner> : waiting}</div>;
  }
  const issues = serverIssues ?? liveIssues;
  const split = splitSourceIssues(issues);
  const type = context.types.find((entry) => entry.type === draft.type);
  const config = draft.config ?? {};
  return (
    <div className="rule-page">
      <header className="toolbar">
        <a className="toolbar-back" href="#/sources">
          {t('sourceEditor.back')}
        </a>
        <div className="toolbar-title">
          <h1>{draft.name || sourceId}</h1>
          <span className="toolbar-id">{`${sourceId}.source.json`}</span>
          {view ? (
            <span className="status-pill" data-state={view.state}>{t('sourceEditor.state', { state: t(`sources.states.${view.state}`) })}</span>
          ) : (
            <span className="status-pill status-new">{t('sourceEditor.notSavedYet')}</span>
          )}
        </div>
        <span className={`problem-count${issues.length > 0 ? ' has-problems' : ''}`} role="status">
          {issues.length === 0 ? t('problems.none') : t('problems.count', { count: issues.length })}
        </span>
        <button type="button" className="button button-primary" onClick={() => void save()} disabled={saving}>
          {saving ? t('sourceEditor.saving') : t('sourceEditor.save')}
        </button>
      </header>
      {error ? <Banner tone="error">{error}</Banner> : null}
      {notice ? <Banner tone="success">{notice}</Banner> : null}
      {view && view.issues.length > 0 && !serverIssues ? (
        <IssueList issues={view.issues} title={t('sourceEditor.problemsWhileRunning')} showFile />
      ) : null}
      <div className="rule-form">
        <IssueList issues={split.other} />
        <section className="panel-section" aria-label={t('sourceEditor.section')}>
          <TextField
            label={t('sourceEditor.name')}
            required
            value={draft.name}
            onChange={(name) => change({ ...draft, name: name ?? '' })}
          />
          <TextField
            label={t('sourceEditor.description')}
            multiline
            value={draft.description}
            onChange={(description) => change({ ...draft, description })}
          />
          <div className="field">
            <label htmlFor={`${ids}-type`}>{t('sourceEditor.type')}</label>
            <select
              id={`${ids}-type`}
              value={draft.type ?? ''}
              onChange={(event) => change({ ...draft, type: event.target.value, config: {} })}
            >
              {type ? null : (
                <option value={draft.type ?? ''}>{draft.type ? t('sourceEditor.unknownType', { type: draft.type }) : t('sourceEditor.chooseType')}</option>
              )}
              {context.types.map((entry) => (
                <option key={entry.type} value={entry.type}>
                  {entry.title}
                </option>
              ))}
            </select>
            {type ? <p className="field-help">{type.description.split(/(?<=\.)\s/)[0]}</p> : null}
          </div>
          <div className="field">
            <label htmlFor={`${ids}-bus`}>{t('sourceEditor.bus')}</label>
            <select
              id={`${ids}-bus`}
              value={draft.bus ?? 'default'}
              onChange={(event) => change({ ...draft, bus: event.target.value })}
            >
              {context.buses.map((bus) => (
                <option key={bus.id} value={bus.id}>
                  {bus.name}
                </option>
              ))}
            </select>
          </div>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.enabled !== false}
              onChange={(event) => change({ ...draft, enabled: event.target.checked })}
            />
            <span>{t('sourceEditor.enabled')}</span>
          </label>
        </section>
        <section className="panel-section" aria-label={t('sourceEditor.config')}>
          <h3>{t('sourceEditor.settings')}</h3>
          {type ? (
            <FormContext.Provider value={{ connections: context.connections }}>
              <SchemaForm
                schema={literalOnly(type.config)}
                value={config}
                issues={split.fields}
                onFieldChange={(field, value) => {
                  const next = { ...config };
                  if (value === undefined) delete next[field];
                  else next[field] = value;
                  change({ ...draft, config: next });
                }}
              />
            </FormContext.Provider>
          ) : (
            <p className="muted">{t('sourceEditor.chooseTypeFirst')}</p>
          )}
        </section>
      </div>
    </div>
  );
}
