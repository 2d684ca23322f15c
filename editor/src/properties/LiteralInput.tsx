/**
 * @module The input of a literal config value, by field kind: select, checkbox, number, text, list, JSON.
 */
import type { JsonSchema } from '../../../engine/core/json-schema.js';
import { ConnectionPicker } from './ConnectionPicker.js';
import { formatDefault, type FieldKind } from './field-kind.js';
import { JsonInput } from './JsonInput.js';
import { useTranslation } from '../i18n/i18n.js';

export interface LiteralInputProps {
  id: string;
  kind: FieldKind;
  schema: JsonSchema;
  title: string;
  value: unknown;
  required: boolean;
  /** `undefined` removes the field from the config (its default applies). */
  onChange: (value: unknown) => void;
  describedBy?: string;
}

function placeholderOf(schema: JsonSchema): string | undefined {
  if (schema.default !== undefined) return `default: ${formatDefault(schema.default)}`;
  const example = schema.examples?.[0];
  return example === undefined ? undefined : `e.g. ${formatDefault(example)}`;
}

function toList(text: string): string[] | undefined {
  const items = text.split(',').map((item) => item.trim()).filter(Boolean);
  return items.length > 0 ? items : undefined;
}

export function LiteralInput({ id, kind, schema, title, value, required, onChange, describedBy }: LiteralInputProps) {
  const { t } = useTranslation();
  const common = { id, 'aria-describedby': describedBy, 'aria-required': required || undefined };
  switch (kind) {
    case 'connection':
      return (
        <ConnectionPicker
          id={id}
          connectorType={String(schema['x-connection'])}
          value={value}
          onChange={onChange}
          describedBy={describedBy}
          required={required}
        />
      );
    case 'enum': {
      const options = schema.enum ?? [];
      const index = options.findIndex((option) => option === value);
      const empty = schema.default !== undefined ? `Default (${formatDefault(schema.default)})` : '— choose —';
      return (
        <select {...common} value={index === -1 ? '' : String(index)} onChange={(event) => onChange(event.target.value === '' ? undefined : options[Number(event.target.value)])}>
          <option value="">{empty}</option>
          {options.map((option, optionIndex) => (
            <option key={optionIndex} value={String(optionIndex)}>
              {String(option)}
            </option>
          ))}
        </select>
      );
    }
    case 'boolean': {
      const fallback = schema.default === true;
      const checked = typeof value === 'boolean' ? value : fallback;
      return (
        <label className="checkbox">
          <input {...common} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked === fallback && !required ? undefined : event.target.checked)} />
          <span>{checked ? t('fields.yes') : t('fields.no')}</span>
        </label>
      );
    }
    case 'number':
      return (
        <input
          {...common}
          type="number"
          value={typeof value === 'number' ? value : ''}
          placeholder={placeholderOf(schema)}
          min={schema.minimum}
          max={schema.maximum}
          step={schema.type === 'integer' ? 1 : 'any'}
          onChange={(event) => onChange(event.target.value === '' ? undefined : Number(event.target.value))}
        />
      );
    case 'textarea':
      return (
        <textarea {...common} rows={4} value={typeof value === 'string' ? value : ''} placeholder={placeholderOf(schema)} onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)} />
      );
    case 'string-list':
      return (
        <input
          {...common}
          type="text"
          value={Array.isArray(value) ? value.join(', ') : ''}
          placeholder={placeholderOf(schema) ?? t('fields.commaSeparated')}
          onChange={(event) => onChange(toList(event.target.value))}
        />
      );
    case 'multi-enum': {
      const selected = Array.isArray(value) ? value : [];
      return (
        <div className="check-group" role="group" aria-label={title} aria-describedby={describedBy}>
          {(schema.items?.enum ?? []).map((option) => (
            <label key={String(option)} className="checkbox">
              <input
                type="checkbox"
                checked={selected.includes(option)}
                onChange={(event) => {
                  const next = event.target.checked ? [...selected, option] : selected.filter((item) => item !== option);
                  const ordered = (schema.items?.enum ?? []).filter((item) => next.includes(item));
                  onChange(ordered.length > 0 ? ordered : undefined);
                }}
              />
              <span>{String(option)}</span>
            </label>
          ))}
        </div>
      );
    }
    case 'json':
      return <JsonInput id={id} value={value} onChange={onChange} describedBy={describedBy} placeholder={placeholderOf(schema)} />;
    default:
      return (
        <input {...common} type="text" value={typeof value === 'string' ? value : ''} placeholder={placeholderOf(schema)} onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)} />
      );
  }
}
