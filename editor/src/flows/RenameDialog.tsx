/**
 * @module Renaming a flow: its display name, and its id (which renames the file).
 */
import { useId, useState } from 'react';
import type { FlowSummary } from '../api/types.js';
import { idProblem, idProblemText } from '../model/ids.js';
import { useTranslation } from '../i18n/i18n.js';
import { Dialog } from '../ui/Dialog.js';
import { renameFlow } from './flow-files.js';

export interface RenameDialogProps {
  flow: FlowSummary;
  taken: ReadonlySet<string>;
  onDone: (renamed: boolean) => void;
}

export function RenameDialog({ flow, taken, onDone }: RenameDialogProps) {
  const { t } = useTranslation();
  const ids = useId();
  const [name, setName] = useState(flow.name ?? flow.id);
  const [id, setId] = useState(flow.id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const others = new Set([...taken].filter((other) => other !== flow.id));
  const problem = idProblem(id, others);
  const submit = async () => {
    if (problem || name.trim() === '') return;
    setBusy(true);
    setError(undefined);
    try {
      await renameFlow(flow, name.trim(), id);
      onDone(true);
    } catch (thrown) {
      setError((thrown as Error).message);
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={t('flowDialogs.renameTitle', { name: flow.name ?? flow.id })}
      onClose={() => onDone(false)}
      footer={
        <>
          <button type="button" className="button" onClick={() => onDone(false)}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button-primary" disabled={busy || !!problem || name.trim() === ''} onClick={() => void submit()}>
            {busy ? t('flowDialogs.renaming') : t('flowDialogs.rename')}
          </button>
        </>
      }
    >
      <form
        className="schema-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div className="field">
          <label htmlFor={`${ids}-name`}>{t('flowDialogs.name')}</label>
          <input id={`${ids}-name`} type="text" value={name} autoFocus onChange={(event) => setName(event.target.value)} />
        </div>
        <div className={`field${problem ? ' field-invalid' : ''}`}>
          <label htmlFor={`${ids}-id`}>{t('flowDialogs.id')}</label>
          <input id={`${ids}-id`} type="text" className="mono" value={id} aria-describedby={`${ids}-id-help`} onChange={(event) => setId(event.target.value)} />
          <p className={problem ? 'field-error' : 'field-help'} id={`${ids}-id-help`}>
            {problem ? idProblemText(problem, t, 'flow') : (id === flow.id ? t('flowDialogs.idRenamesFile') : t('flowDialogs.renamesTo', { id }))}
          </p>
        </div>
        <button type="submit" hidden />
      </form>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
}
