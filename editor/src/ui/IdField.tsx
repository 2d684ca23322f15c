/**
 * @module The name and id fields of a dialog that creates or renames a file (a flow, a rule, a source):
 * the id, in monospace, with why it cannot be used or what file it makes; a new id follows the name
 * (slugified) until it is edited.
 */
import { useId, useState } from 'react';
import { slugify } from '../model/ids.js';

export interface IdFieldProps {
  label: string;
  value: string;
  /** Why the id cannot be used, said in the UI language; shown instead of `help`. */
  problem?: string;
  help: string;
  onChange: (id: string) => void;
}

/** The id input with its help or problem. */
export function IdField({ label, value, problem, help, onChange }: IdFieldProps) {
  const ids = useId();
  return (
    <div className={`field${problem ? ' field-invalid' : ''}`}>
      <label htmlFor={`${ids}-id`}>{label}</label>
      <input
        id={`${ids}-id`}
        type="text"
        className="mono"
        value={value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${ids}-help`}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={`${ids}-help`} className={problem ? 'field-error' : 'field-help'}>
        {problem ?? help}
      </p>
    </div>
  );
}

export interface NameFieldProps {
  label: string;
  value: string;
  placeholder?: string;
  onChange: (name: string) => void;
}

/** The name input; focus starts in it. */
export function NameField({ label, value, placeholder, onChange }: NameFieldProps) {
  const ids = useId();
  return (
    <div className="field">
      <label htmlFor={`${ids}-name`}>{label}</label>
      <input id={`${ids}-name`} type="text" value={value} autoFocus placeholder={placeholder} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

/** A new file's name and id, the id following the name until it is edited; `name` is as typed. */
export function useNameAndId() {
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const [idEdited, setIdEdited] = useState(false);
  return {
    name,
    id,
    changeName: (next: string) => {
      setName(next);
      if (!idEdited) setId(next.trim() === '' ? '' : slugify(next));
    },
    changeId: (next: string) => {
      setId(next);
      setIdEdited(true);
    },
  };
}
