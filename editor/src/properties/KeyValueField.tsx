/**
 * @module A `key-value` field (an HTTP reply's headers, a request's query) as rows: a name, and a value that
 * is a literal or, behind its own f(x) switch, an expression; each issue shown on the row it points at.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n/i18n.js';
import { fieldTitle } from './field-kind.js';
import { FieldGroup, issuesBelow, type ObjectFieldProps } from './NestedFields.js';
import { SchemaField } from './SchemaField.js';

interface Row {
  name: string;
  value: unknown;
}

export type KeyValueFieldProps = ObjectFieldProps;

function rowsOf(value: unknown): Row[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value).map(([name, item]) => ({ name, value: item }));
}

/** The object the rows stand for; rows without a name are not in it yet. */
function objectOf(rows: readonly Row[]): Record<string, unknown> | undefined {
  const named = rows.filter((row) => row.name !== '');
  return named.length > 0 ? Object.fromEntries(named.map((row) => [row.name, row.value])) : undefined;
}

const escapeSegment = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

export function KeyValueField({ name, schema, value, onChange, pointer, issues }: KeyValueFieldProps) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[]>(() => rowsOf(value));
  useEffect(() => {
    // A change from outside (undo, another field's edit) replaces the rows; the rows' own edits do not.
    if (JSON.stringify(objectOf(rows)) !== JSON.stringify(value)) setRows(rowsOf(value));
  }, [value]);
  const title = fieldTitle(name, schema);
  const valueSchema = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {};
  const below = issuesBelow(issues, pointer);
  const update = (next: Row[]) => {
    setRows(next);
    onChange(objectOf(next));
  };
  return (
    <FieldGroup name={name} kind="key-value" title={title} description={schema.description} issues={below.get('') ?? []}>
      {rows.length === 0 ? <p className="muted">{t('keyValue.empty')}</p> : null}
      {rows.map((row, index) => {
        const number = index + 1;
        const rowIssues = row.name === '' ? [] : (below.get(row.name) ?? []);
        return (
          <div key={index} className="key-value-row">
            <input
              type="text"
              className="key-value-name"
              aria-label={t('keyValue.name', { title, index: number })}
              value={row.name}
              placeholder={valueSchema.title ? undefined : t('fields.name')}
              onChange={(event) => update(rows.map((other, at) => (at === index ? { ...other, name: event.target.value } : other)))}
            />
            <SchemaField
              name={row.name || `${number}`}
              schema={{ ...valueSchema, title: row.name || `${title} ${number}` }}
              required={false}
              value={row.value}
              issues={rowIssues}
              pointer={`${pointer}/${escapeSegment(row.name)}`}
              onChange={(next) => update(rows.map((other, at) => (at === index ? { ...other, value: next ?? '' } : other)))}
            />
            <button type="button" className="button button-small button-danger" aria-label={t('keyValue.remove', { title, index: number })} onClick={() => update(rows.filter((_, at) => at !== index))}>
              ×
            </button>
          </div>
        );
      })}
      <button type="button" className="button button-small" onClick={() => setRows([...rows, { name: '', value: '' }])}>
        {t('keyValue.add')}
      </button>
    </FieldGroup>
  );
}
