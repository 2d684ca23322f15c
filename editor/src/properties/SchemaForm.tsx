/**
 * @module A property form generated from a config schema: one field per property, in `x-order`.
 */
import type { JsonSchema } from '../../../engine/core/json-schema.js';
import type { ValidationIssue } from '../api/types.js';
import { useTranslation } from '../i18n/i18n.js';
import { orderedFields } from './field-kind.js';
import { SchemaField } from './SchemaField.js';

export interface SchemaFormProps {
  schema: JsonSchema;
  /** The config object as the document holds it (absent when the step has none). */
  value: Record<string, unknown> | undefined;
  /** Sets one field; `undefined` removes it. */
  onFieldChange: (field: string, value: unknown) => void;
  /** Issues by field name. */
  issues?: Map<string, ValidationIssue[]>;
  /**
   * The JSON pointer of this object in the document its issues point into; with it (and a nested form
   * context) object fields get forms of their own, whose issues show at their fields.
   */
  pointer?: string;
  /** Shown when the schema declares no field and the value holds none. */
  emptyText?: string;
}

const fieldPointer = (pointer: string | undefined, name: string) =>
  pointer === undefined ? undefined : `${pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;

/**
 * @example
 * <SchemaForm schema={manifest.config} value={step.config} onFieldChange={(field, value) => ...} />
 */
export function SchemaForm(props: SchemaFormProps) {
  const { t } = useTranslation();
  const { schema, value, onFieldChange, issues, pointer, emptyText = t('fields.noSettings') } = props;
  const fields = orderedFields(schema);
  const required = new Set(schema.required ?? []);
  const config = value ?? {};
  // Fields the schema does not declare are kept and shown, so that they can be seen and removed.
  const extra = Object.keys(config).filter((key) => !schema.properties?.[key]);
  if (fields.length === 0 && extra.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <div className="schema-form">
      {fields.map(([name, field]) => (
        <SchemaField
          key={name}
          name={name}
          schema={field}
          required={required.has(name)}
          value={config[name]}
          onChange={(next) => onFieldChange(name, next)}
          issues={issues?.get(name)}
          pointer={fieldPointer(pointer, name)}
        />
      ))}
      {extra.map((name) => (
        <SchemaField
          key={name}
          name={name}
          schema={{ description: t('fields.notASetting') }}
          required={false}
          value={config[name]}
          onChange={(next) => onFieldChange(name, next)}
          issues={issues?.get(name)}
        />
      ))}
    </div>
  );
}
