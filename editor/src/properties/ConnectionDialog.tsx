/**
 * @module Creates a connection config of a connector's type: its fields come from the connection type's
 * schema, secret fields are password inputs and never shown again.
 */
import { useEffect, useId, useState } from 'react';
import { createConnection, listConnectionTypes } from '../api/connections.js';
import type { ConnectionTypeDefinition } from '../api/types.js';
import { useTranslation } from '../i18n/i18n.js';
import { ActionDialog, useDialogAction } from '../ui/Dialog.js';
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
  useEffect(() => {
    listConnectionTypes().then(
      (types) => setDefinition(types.find((candidate) => candidate.type === type) ?? null),
      (thrown: Error) => setError(thrown.message),
    );
  }, [type]);
  const fields = definition ? orderedFields(definition.schema) : [];
  const required = new Set(definition?.schema.required ?? []);
  const { busy: saving, error: saveError, run: submit } = useDialogAction(async () => {
    const entries = Object.entries(values).filter(([, value]) => value !== '');
    await createConnection({ name, type, values: Object.fromEntries(entries) });
    onDone(name);
  });
  const failure = error ?? saveError;
  return (
    <ActionDialog
      title={t('connections.newTitle', { type: definition?.title ?? type })}
      onClose={() => onDone(undefined)}
      error={failure}
      action={{
        label: t('connections.create'),
        busyLabel: t('connections.creating'),
        busy: saving,
        disabled: !definition || name === '',
        run: () => void submit(),
      }}
      intro={
        <>
          {definition === undefined && !failure ? <Spinner label={t('connections.loadingType')} /> : null}
          {definition === null ? <p className="field-error">{t('connections.noType', { type })}</p> : null}
          {definition ? <p className="muted">{definition.description}</p> : null}
        </>
      }
    >
      {definition ? (
        <>
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
        </>
      ) : null}
    </ActionDialog>
  );
}
