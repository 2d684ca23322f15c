/**
 * @module The editor's top bar: where you are, the flow's state (saved, published, problems), and its
 * commands (undo, redo, save, publish, test run).
 */
import type { ReactNode } from 'react';
import type { FlowSummary } from '../api/types.js';
import { StatusPill } from '../flows/StatusPill.js';

export interface EditorToolbarProps {
  flowId: string;
  name: string;
  summary?: FlowSummary;
  isNew: boolean;
  dirty: boolean;
  saving: boolean;
  /** The problem count, a button that opens the problems list. */
  problemCount: ReactNode;
  canUndo: boolean;
  canRedo: boolean;
  publishing: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onSave: () => void;
  onPublish: (published: boolean) => void;
  onTestRun: () => void;
}

export function EditorToolbar(props: EditorToolbarProps) {
  const { flowId, name, summary, isNew, dirty, saving } = props;
  const published = summary && summary.status !== 'unpublished';
  return (
    <header className="toolbar">
      {/* Leaving with unsaved changes is asked by the editor's leave guard, for this link as for every way out. */}
      <a className="toolbar-back" href="#/" aria-label="Back to flows">
        ← Flows
      </a>
      <div className="toolbar-title">
        <h1 title={name}>{name || flowId}</h1>
        <span className="toolbar-id">{summary?.file ?? `${flowId}.flow.json`}</span>
        {isNew ? <span className="status-pill status-new">Not saved yet</span> : summary ? <StatusPill status={summary.status} /> : null}
        {dirty && !isNew ? <span className="dirty-note">Unsaved changes</span> : null}
      </div>
      <div className="toolbar-group" role="group" aria-label="History">
        <button type="button" className="button" onClick={props.onUndo} disabled={!props.canUndo} title="Ctrl+Z">
          Undo
        </button>
        <button type="button" className="button" onClick={props.onRedo} disabled={!props.canRedo} title="Ctrl+Shift+Z">
          Redo
        </button>
      </div>
      {props.problemCount}
      <div className="toolbar-group">
        <button type="button" className="button" onClick={props.onTestRun} title="Ctrl+Enter">
          Test run
        </button>
        <button
          type="button"
          className="button"
          disabled={isNew || props.publishing}
          title={isNew ? 'Save the flow first' : undefined}
          onClick={() => props.onPublish(!published)}
        >
          {published ? 'Unpublish' : 'Publish'}
        </button>
        <button type="button" className="button button-primary" onClick={props.onSave} disabled={saving} title="Ctrl+S">
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </header>
  );
}
