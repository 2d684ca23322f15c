/**
 * @module A labelled select of a form: its options, and first, when given, the option for "any" (the empty
 * value), as a search filter has it.
 */
import { useId } from 'react';

export interface SelectFieldProps {
  label: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  /** The text of the empty value's option, first in the list; no such option when not given. */
  anyLabel?: string;
  onChange: (value: string) => void;
}

export function SelectField({ label, value, options, anyLabel, onChange }: SelectFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {anyLabel === undefined ? null : <option value="">{anyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
