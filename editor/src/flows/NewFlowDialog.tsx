/**
 * @module Creating a flow: its name, its id (the file name), and whether it starts blank or from an example.
 */
import { useId, useState } from 'react';
import type { FlowSummary } from '../api/types.js';
import { idProblem, slugify } from '../model/ids.js';
import type { DraftFlow } from '../model/draft.js';
import { Dialog } from '../ui/Dialog.js';
import { newFlowDraft } from './flow-files.js';

export interface NewFlowDialogProps {
  flows: FlowSummary[];
  onCreate: (id: string, draft: DraftFlow) => void;
  onClose: () => void;
}

export function NewFlowDialog({ flows, onCreate, onClose }: NewFlowDialogProps) {
  const ids = useId();
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const [idEdited, setIdEdited] = useState(false);
  const [from, setFrom] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const taken = new Set(flows.map((flow) => flow.id));
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
      title="New flow"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button-primary" disabled={busy || name.trim() === '' || id === '' || !!problem} onClick={() => void create()}>
            {busy ? 'Creating…' : 'Create'}
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
          <label htmlFor={`${ids}-name`}>Flow name</label>
          <input
            id={`${ids}-name`}
            type="text"
            value={name}
            autoFocus
            placeholder="e.g. Cloud alarm to the WeCom group"
            onChange={(event) => {
              setName(event.target.value);
              if (!idEdited) setId(event.target.value.trim() === '' ? '' : slugify(event.target.value));
            }}
          />
        </div>
        <div className={`field${problem ? ' field-invalid' : ''}`}>
          <label htmlFor={`${ids}-id`}>Flow id</label>
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
            {problem ?? `The file name: flows/${id || '<id>'}.flow.json`}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-from`}>Start from</label>
          <select id={`${ids}-from`} value={from} onChange={(event) => setFrom(event.target.value)}>
            <option value="">A blank flow</option>
            {flows.map((flow) => (
              <option key={flow.id} value={flow.id}>
                {`A copy of ${flow.name ?? flow.id}`}
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
