/**
 * @module The editor's top bar: where you are, the flow's state (draft or published, serving, problems), and
 * its commands (undo, redo, test run, the draft's changes, discard, publish and unpublish).
 */
import type { ReactNode } from 'react';
import type { FlowSummary } from '../api/types.js';
import { StatusPill } from '../flows/StatusPill.js';
import { useTranslation } from '../i18n/i18n.js';
import type { DraftLabel } from './draft-state.js';
import type { FlowFileState } from './use-flow-file.js';

export interface EditorToolbarProps {
  flowId: string;
  name: string;
  summary?: FlowSummary;
  /** The draft against the published file. */
  label: DraftLabel;
  autosave: FlowFileState['autosave'];
  autosaveError?: string;
  /** The problem count, a button that opens the problems list. */
  problemCount: ReactNode;
  canUndo: boolean;
  canRedo: boolean;
  publishing: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onTestRun: () => void;
  onShowChanges: () => void;
  onDiscard: () => void;
  onPublish: () => void;
  onUnpublish: () => void;
}

/** The draft's label, and how its last write went. */
function DraftNote({ label, autosave, autosaveError }: Pick<EditorToolbarProps, 'label' | 'autosave' | 'autosaveError'>) {
  const { t } = useTranslation();
  const key = label === 'draft-only' ? 'draftOnly' : label;
  return (
    <>
      <span className={label === 'published' ? 'published-note' : 'dirty-note'} title={t(`draft.${key}Title`)}>
        {t(`draft.${key}`)}
      </span>
      {autosave === 'saving' ? <span className="draft-save-note">{t('draft.saving')}</span> : null}
      {autosave === 'saved' && label !== 'published' ? <span className="draft-save-note draft-saved">{t('draft.saved')}</span> : null}
      {autosave === 'failed' ? (
        <span className="draft-save-note error-text" role="alert">
          {t('draft.notSaved', { message: autosaveError ?? '' })}
        </span>
      ) : null}
    </>
  );
}

export function EditorToolbar(props: EditorToolbarProps) {
  const { t } = useTranslation();
  const { flowId, name, summary, label } = props;
  const served = summary !== undefined && summary.status !== 'unpublished';
  const canPublish = label !== 'published' || !served;
  return (
    <header className="toolbar">
      {/* Leaving with unsaved changes is asked by the editor's leave guard, for this link as for every way out. */}
      <a className="toolbar-back" href="#/" aria-label={t('toolbar.backLabel')}>
        {t('toolbar.back')}
      </a>
      <div className="toolbar-title">
        <h1 title={name}>{name || flowId}</h1>
        <span className="toolbar-id">{summary?.file ?? `${flowId}.flow.json`}</span>
        {summary ? <StatusPill status={summary.status} /> : null}
        <DraftNote label={label} autosave={props.autosave} autosaveError={props.autosaveError} />
      </div>
      <div className="toolbar-group" role="group" aria-label={t('toolbar.history')}>
        <button type="button" className="button" onClick={props.onUndo} disabled={!props.canUndo} title="Ctrl+Z">
          {t('toolbar.undo')}
        </button>
        <button type="button" className="button" onClick={props.onRedo} disabled={!props.canRedo} title="Ctrl+Shift+Z">
          {t('toolbar.redo')}
        </button>
      </div>
      {props.problemCount}
      <div className="toolbar-group">
        <button type="button" className="button" onClick={props.onTestRun} title="Ctrl+Enter">
          {t('toolbar.testRun')}
        </button>
        <button type="button" className="button" onClick={props.onShowChanges} title={t('draft.showChangesTitle')}>
          {t('draft.showChanges')}
        </button>
        <button type="button" className="button" onClick={props.onDiscard} disabled={label === 'published' || props.publishing}>
          {t('draft.discard')}
        </button>
        {served ? (
          <button type="button" className="button" onClick={props.onUnpublish} disabled={props.publishing}>
            {t('draft.unpublish')}
          </button>
        ) : null}
        <button
          type="button"
          className="button button-primary"
          onClick={props.onPublish}
          disabled={!canPublish || props.publishing}
          title={t('draft.publishTitle')}
        >
          {props.publishing ? t('draft.publishing') : t('draft.publish')}
        </button>
      </div>
    </header>
  );
}
