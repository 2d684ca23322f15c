/**
 * @module The frame of a file's editor page (a rule, a source): the toolbar with the way back, the name,
 * file and state, the count of problems and save; the error and notice under it; the waiting page while
 * the file opens; and the bus and switch fields every bus file has.
 */
import type { ReactNode } from 'react';
import { useTranslation } from '../i18n/i18n.js';
import { Banner } from './Banner.js';
import { SelectField } from './SelectField.js';
import { Spinner } from './Spinner.js';

export interface FileEditorPageProps {
  back: { href: string; label: string };
  title: string;
  fileName: string;
  /** The file's state beside its name (not saved yet, running). */
  status?: ReactNode;
  problemCount: number;
  saving: boolean;
  saveLabel: string;
  savingLabel: string;
  onSave: () => void;
  error?: string;
  notice?: string;
  children: ReactNode;
}

export function FileEditorPage(props: FileEditorPageProps) {
  const { back, title, fileName, status, problemCount, saving, saveLabel, savingLabel, onSave, error, notice, children } = props;
  const { t } = useTranslation();
  return (
    <div className="rule-page">
      <header className="toolbar">
        <a className="toolbar-back" href={back.href}>
          {back.label}
        </a>
        <div className="toolbar-title">
          <h1>{title}</h1>
          <span className="toolbar-id">{fileName}</span>
          {status}
        </div>
        <span className={`problem-count${problemCount > 0 ? ' has-problems' : ''}`} role="status">
          {problemCount === 0 ? t('problems.none') : t('problems.count', { count: problemCount })}
        </span>
        <button type="button" className="button button-primary" onClick={onSave} disabled={saving}>
          {saving ? savingLabel : saveLabel}
        </button>
      </header>
      {error ? <Banner tone="error">{error}</Banner> : null}
      {notice ? <Banner tone="success">{notice}</Banner> : null}
      {children}
    </div>
  );
}

/** The page while its file opens: a spinner, or why it could not be opened. */
export function FileEditorWaiting({ error, label }: { error?: string; label: string }) {
  return <div className="page-status">{error ? <Banner tone="error">{error}</Banner> : <Spinner label={label} />}</div>;
}

export interface BusAndSwitchFieldsProps {
  bus?: string;
  enabled?: boolean;
  buses: ReadonlyArray<{ id: string; name: string }>;
  busLabel: string;
  enabledLabel: string;
  onChange: (change: { bus: string } | { enabled: boolean }) => void;
}

/** The file's bus (the default bus when not set) and its switch (on when not set). */
export function BusAndSwitchFields({ bus, enabled, buses, busLabel, enabledLabel, onChange }: BusAndSwitchFieldsProps) {
  return (
    <>
      <SelectField
        label={busLabel}
        value={bus ?? 'default'}
        options={buses.map((entry) => ({ value: entry.id, label: entry.name }))}
        onChange={(value) => onChange({ bus: value })}
      />
      <label className="checkbox">
        <input type="checkbox" checked={enabled !== false} onChange={(event) => onChange({ enabled: event.target.checked })} />
        <span>{enabledLabel}</span>
      </label>
    </>
  );
}
