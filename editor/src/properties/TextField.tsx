/**
 * @module A plain labelled text field (a step's display name, the flow's name and description).
 */
import { useId } from 'react';
import { useTranslation } from '../i18n/i18n.js';

export interface TextFieldProps {
  label: string;
  value: string | undefined;
  /** `undefined` when emptied. */
  onChange: (value: string | undefined) => void;
  placeholder?: string;
  multiline?: boolean;
  required?: boolean;
  help?: string;
}

export function TextField({ label, value, onChange, placeholder, multiline, required, help }: TextFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const props = {
    id,
    value: value ?? '',
    placeholder,
    'aria-required': required || undefined,
    'aria-describedby': help ? `${id}-help` : undefined,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value === '' ? undefined : event.target.value),
  };
  return (
    <div className="field">
      <div className="field-head">
        <label htmlFor={id}>{label}</label>
        {required ? (
          <span className="required-mark" title={t('fields.required')}>
            *
          </span>
        ) : null}
      </div>
      {multiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
      {help ? (
        <p className="field-help" id={`${id}-help`}>
          {help}
        </p>
      ) : null}
    </div>
  );
}
