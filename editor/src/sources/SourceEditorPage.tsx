/**
 * @module A source: its name, type, bus and switch, and its config in a form built from the type's schema
 * (connections picked by name), validated as you edit and saved as the canonical source file; the server's
 * issues show on their fields, and the state the server runs it in above them.
 */
import { useEffect, useId, useState } from 'react';
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
import { withField } from '../model/with-field.js';
import { BusAndSwitchFields, FileEditorPage, FileEditorWaiting } from '../ui/FileEditorPage.js';
import { useFileDraft } from '../ui/use-file-draft.js';
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

/** The page of one source (`#/sources/<id>`): edit, validate as you type, save. */
export function SourceEditorPage({ sourceId, newDraft }: SourceEditorPageProps) {
  const ids = useId();
  const { t } = useTranslation();
  const [view, setView] = useState<SourceView>();
  const [context, setContext] = useState<PageContext>();
  const { draft, setDraft, change, save, saving, error, setError, notice, issues, refused } = useFileDraft<SourceDraft>({
    id: sourceId,
    newDraft,
    validate: validateSource,
    persist: async (document) => {
      const { source: _document, ...saved } = await saveSource(sourceId, document);
      setView(saved);
    },
    savedText: t('sourceEditor.saved'),
    notSavedText: (count) => t('sourceEditor.notSaved', { count }),
  });
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
  if (!draft || !context) return <FileEditorWaiting error={error} label={t('sourceEditor.opening', { id: sourceId })} />;
  const split = splitSourceIssues(issues);
  const type = context.types.find((entry) => entry.type === draft.type);
  const config = draft.config ?? {};
  return (
    <FileEditorPage
      back={{ href: '#/sources', label: t('sourceEditor.back') }}
      title={draft.name || sourceId}
      fileName={`${sourceId}.source.json`}
      status={
        view ? (
          <span className="status-pill" data-state={view.state}>{t('sourceEditor.state', { state: t(`sources.states.${view.state}`) })}</span>
        ) : (
          <span className="status-pill status-new">{t('sourceEditor.notSavedYet')}</span>
        )
      }
      problemCount={issues.length}
      saving={saving}
      saveLabel={t('sourceEditor.save')}
      savingLabel={t('sourceEditor.saving')}
      onSave={() => void save()}
      error={error}
      notice={notice}
    >
      {view && view.issues.length > 0 && !refused ? (
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
          <BusAndSwitchFields
            bus={draft.bus}
            enabled={draft.enabled}
            buses={context.buses}
            busLabel={t('sourceEditor.bus')}
            enabledLabel={t('sourceEditor.enabled')}
            onChange={(field) => change({ ...draft, ...field })}
          />
        </section>
        <section className="panel-section" aria-label={t('sourceEditor.config')}>
          <h3>{t('sourceEditor.settings')}</h3>
          {type ? (
            <FormContext.Provider value={{ connections: context.connections }}>
              <SchemaForm
                schema={literalOnly(type.config)}
                value={config}
                issues={split.fields}
                onFieldChange={(field, value) => change({ ...draft, config: withField(config, field, value) })}
              />
            </FormContext.Provider>
          ) : (
            <p className="muted">{t('sourceEditor.chooseTypeFirst')}</p>
          )}
        </section>
      </div>
    </FileEditorPage>
  );
}
