/**
 * @module The id of a step or branch: edited as text, written to the flow only while it is a valid, unused
 * slug, with the reason shown otherwise.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from '../i18n/i18n.js';
import { idProblem, idProblemText } from '../model/ids.js';

export interface IdFieldProps {
  label: string;
  value: string;
  /** Ids used elsewhere in the flow. */
  taken: ReadonlySet<string>;
  onChange: (id: string) => void;
}

export function IdField({ label, value, taken, onChange }: IdFieldProps) {
  const id = useId();
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const problem = text === value ? undefined : idProblem(text, taken);
  return (
    <div className={`field${problem ? ' field-invalid' : ''}`}>
      <div className="field-head">
        <label htmlFor={id}>{label}</label>
        <span className="required-mark" title={t('fields.required')}>
          *
        </span>
      </div>
      <input
        id={id}
        type="text"
        className="mono"
        value={text}
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-help`}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          if (next !== value && !idProblem(next, taken)) onChange(next);
        }}
        onBlur={() => setText(value)}
      />
      <p className={problem ? 'field-error' : 'field-help'} id={`${id}-help`}>
        {problem ? idProblemText(problem, t) : t('ids.help')}
      </p>
    </div>
  );
}
