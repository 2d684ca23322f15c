/**
 * @module Creates a connection config of a connector's type: its fields come from the connection type's
 * schema, secret fields are password inputs and never shown again.
 */
import { useEffect, useId, useState } from 'react';
import { createConnection, listConnectionTypes } from '../api/connections.js';
import type { ConnectionTypeDefinition } from '../api/types.js';
import { useTranslation } from '../i18n/i18n.js';
import { Dialog } from '../ui/Dialog.js';
import { Spinner } from '../ui/Spinner.js';
import { fieldTitle, orderedFields } from './field-kind.js';

export interface ConnectionDialogProps {
  type: string;
  onDone: (name: string | undefined) => void;
}

export function ConnectionDialog({ type, onDone }: ConnectionDialogProps) {
  const ids = useId();
  const { t } = useTranslation();
  const [definition, setDefinition] = useState<ConnectionTypeDefinition | null>();
  const [name, setName] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    listConnectionTypes().then(
      (types) => setDefinition(types.find((candidate) => candidate.type === type) ?? null),
      (thrown: Error) => setError(thrown.message),
    );
  }, [type]);
  const fields = definition ? orderedFields(definition.schema) : [];
  const required = new Set(definition?.schema.required ?? []);
  const submit = async () => {
    setSaving(true);
    setError(undefined);
    try {
      const entries = Object.entries(values).filter(([, value]) => value !== '');
      await createConnection({ name, type, values: Object.fromEntries(entries) });
      onDone(name);
    } catch (thrown) {
      setError((thrown as Error).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog
      title={t('connections.newTitle', { type: definition?.title ?? type })}
      onClose={() => onDone(undefined)}
      footer={
        <>
          <button type="button" className="button" onClick={() => onDone(undefined)}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button-primary" disabled={saving || !definition || name === ''} onClick={() => void submit()}>
            {saving ? t('connections.creating') : t('connections.create')}
          </button>
        </>
      }
    >
      {definition === undefined && !error ? <Spinner label={t('connections.loadingType')} /> : null}
      {definition === null ? <p className="field-error">{t('connections.noType', { type })}</p> : null}
      {definition ? <p className="muted">{definition.description}</p> : null}
      {definition ? (
        <form
          className="schema-form"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <div className="field">
            <label htmlFor={`${ids}-name`}>{t('connections.name')}</label>
            <input id={`${ids}-name`} type="text" className="mono" value={name} autoFocus onChange={(event) => setName(event.target.value.trim())} />
            <p className="field-help">{t('connections.nameHelp')}</p>
          </div>
          {fields.map(([field, schema]) => (
            <div className="field" key={field}>
              <label htmlFor={`${ids}-${field}`}>
                {fieldTitle(field, schema)}
                {required.has(field) ? ' *' : ''}
              </label>
              <input
                id={`${ids}-${field}`}
                type={schema['x-secret'] ? 'password' : 'text'}
                autoComplete="off"
                value={values[field] ?? ''}
                onChange={(event) => setValues({ ...values, [field]: event.target.value })}
              />
              {schema.description ? <p className="field-help">{schema.description}</p> : null}
            </div>
          ))}
          <button type="submit" hidden />
        </form>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
}
