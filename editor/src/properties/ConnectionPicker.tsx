/**
 * @module The picker of a connection config field: the configs of the connector's type, or a new one.
 */
import { useTranslation } from '../i18n/i18n.js';
import { useFormContext } from './form-context.js';

export interface ConnectionPickerProps {
  id: string;
  connectorType: string;
  value: unknown;
  onChange: (value: string | undefined) => void;
  describedBy?: string;
  required?: boolean;
}

export function ConnectionPicker({ id, connectorType, value, onChange, describedBy, required }: ConnectionPickerProps) {
  const { t } = useTranslation();
  const { connections, createConnection } = useFormContext();
  const current = typeof value === 'string' ? value : '';
  const matching = (connections ?? []).filter((connection) => connection.type === connectorType);
  const missing = current !== '' && connections !== undefined && !matching.some((connection) => connection.name === current);
  return (
    <div className="connection-picker">
      <select
        id={id}
        value={current}
        aria-describedby={describedBy}
        aria-required={required || undefined}
        onChange={(event) => onChange(event.target.value || undefined)}
      >
        <option value="">{connections === undefined ? t('connections.loading') : t('connections.choose')}</option>
        {matching.map((connection) => (
          <option key={connection.name} value={connection.name}>
            {connection.name}
            {connection.description ? ` — ${connection.description}` : ''}
          </option>
        ))}
        {missing ? <option value={current}>{t('connections.notFound', { name: current })}</option> : null}
      </select>
      {createConnection ? (
        <button
          type="button"
          className="button button-small"
          onClick={async () => {
            const name = await createConnection(connectorType);
            if (name) onChange(name);
          }}
        >
          {t('connections.new')}
        </button>
      ) : null}
      {connections !== undefined && matching.length === 0 ? (
        <p className="field-help">{t('connections.none', { type: connectorType })}</p>
      ) : null}
    </div>
  );
}
