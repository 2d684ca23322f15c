/**
 * @module Creating a flow: its name, its id (the file name), and whether it starts blank or from an example.
 */
import { useId, useState } from 'react';
import type { FlowSummary } from '../api/types.js';
import { idProblem, idProblemText, slugify } from '../model/ids.js';
import type { DraftFlow } from '../model/draft.js';
import { useTranslation } from '../i18n/i18n.js';
import { Dialog } from '../ui/Dialog.js';
import { newFlowDraft } from './flow-files.js';

export interface NewFlowDialogProps {
  /** The flows a new one may copy. */
  flows: FlowSummary[];
  /** Ids in use, by flows and by drafts; the flows' ids when absent. */
  taken?: ReadonlySet<string>;
  onCreate: (id: string, draft: DraftFlow) => void;
  onClose: () => void;
}

export function NewFlowDialog({ flows, taken: takenIds, onCreate, onClose }: NewFlowDialogProps) {
  const { t } = useTranslation();
  const ids = useId();
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const [idEdited, setIdEdited] = useState(false);
  const [from, setFrom] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const taken = new Set(takenIds ?? flows.map((flow) => flow.id));
  const problem = id === '' ? undefined : idProblem(id, taken);
  const create = async () => {
    if (name.trim() === '' || id === '' || problem) return;
    setBusy(true);
    try {
      onCreate(id, await newFlowDraft(name.trim(), from || undefined));
    } catch (thrown) {
      setError((thrown as Error).message);
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={t('flowDialogs.newTitle')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button-primary" disabled={busy || name.trim() === '' || id === '' || !!problem} onClick={() => void create()}>
            {busy ? t('flowDialogs.creating') : t('flowDialogs.create')}
          </button>
        </>
      }
    >
      <form
        className="schema-form"
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <div className="field">
          <label htmlFor={`${ids}-name`}>{t('flowDialogs.name')}</label>
          <input
            id={`${ids}-name`}
            type="text"
            value={name}
            autoFocus
            placeholder={t('flowDialogs.namePlaceholder')}
            onChange={(event) => {
              setName(event.target.value);
              if (!idEdited) setId(event.target.value.trim() === '' ? '' : slugify(event.target.value));
            }}
          />
        </div>
        <div className={`field${problem ? ' field-invalid' : ''}`}>
          <label htmlFor={`${ids}-id`}>{t('flowDialogs.id')}</label>
          <input
            id={`${ids}-id`}
            type="text"
            className="mono"
            value={id}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${ids}-id-help`}
            onChange={(event) => {
              setId(event.target.value);
              setIdEdited(true);
            }}
          />
          <p className={problem ? 'field-error' : 'field-help'} id={`${ids}-id-help`}>
            {problem ? idProblemText(problem, t, 'flow') : t('flowDialogs.fileName', { id: id || '<id>' })}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-from`}>{t('flowDialogs.startFrom')}</label>
          <select id={`${ids}-from`} value={from} onChange={(event) => setFrom(event.target.value)}>
            <option value="">{t('flowDialogs.blank')}</option>
            {flows.map((flow) => (
              <option key={flow.id} value={flow.id}>
                {t('flowDialogs.copyOf', { name: flow.name ?? flow.id })}
              </option>
            ))}
          </select>
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
