/**
 * @module One condition of the pattern builder: a field (suggested from the event templates), an operator,
 * its values typed (comma-separated) or picked from those the templates hold at that field.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from '../i18n/i18n.js';
import { OPERATORS, type Operator, type PatternRow } from './pattern-rows.js';

function parseValues(text: string, numeric: boolean): Array<string | number> {
  const items = text.split(',').map((item) => item.trim()).filter(Boolean);
  return items.map((item) => (numeric && item !== '' && Number.isFinite(Number(item)) ? Number(item) : item));
}

export function ConditionRow({ row, index, suggestions, fieldsList, onChange, onRemove }: {
  row: PatternRow;
  index: number;
  suggestions: Map<string, Array<string | number>>;
  fieldsList: string;
  onChange: (row: PatternRow) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const { t } = useTranslation();
  const seen = suggestions.get(row.path.trim()) ?? [];
  const numeric = seen.length > 0 && seen.every((value) => typeof value === 'number');
  const [text, setText] = useState(row.values.join(', '));
  // A value picked from the suggestions changes the list: show it, but never rewrite what is being typed
  // ("a," is the list ["a"] on its way to a second value).
  useEffect(() => {
    const same = (typed: string) => parseValues(typed, numeric).join('\n') === row.values.join('\n');
    setText((typed) => (same(typed) ? typed : row.values.join(', ')));
  }, [row.values, numeric]);
  const label = t('pattern.condition', { index: index + 1 });
  return (
    <fieldset className="pattern-row" aria-label={label}>
      <div className="pattern-row-fields">
        <div className="field">
          <label htmlFor={`${id}-field`}>{t('pattern.field')}</label>
          <input
            id={`${id}-field`}
            type="text"
            className="mono"
            list={fieldsList}
            value={row.path}
            placeholder={t('pattern.fieldPlaceholder')}
            onChange={(event) => onChange({ ...row, path: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-operator`}>{t('pattern.operator')}</label>
          <select
            id={`${id}-operator`}
            value={row.operator}
            onChange={(event) => {
              const operator = event.target.value as Operator;
              onChange({ ...row, operator, values: operator === 'exists' ? ['true'] : row.values });
            }}
          >
            {OPERATORS.map((operator) => (
              <option key={operator} value={operator}>
                {t(`pattern.operators.${operator}`)}
              </option>
            ))}
          </select>
        </div>
        {row.operator === 'exists' ? (
          <div className="field">
            <label htmlFor={`${id}-exists`}>{t('pattern.present')}</label>
            <select
              id={`${id}-exists`}
              value={String(row.values[0] ?? 'true')}
              onChange={(event) => onChange({ ...row, values: [event.target.value] })}
            >
              <option value="true">{t('pattern.yes')}</option>
              <option value="false">{t('pattern.no')}</option>
            </select>
          </div>
        ) : (
          <div className="field">
            <label htmlFor={`${id}-values`}>{t('pattern.values')}</label>
            <input
              id={`${id}-values`}
              type="text"
              className="mono"
              value={text}
              placeholder={row.operator === 'equals' || row.operator === 'anything-but' ? t('pattern.valuesPlaceholder') : undefined}
              onChange={(event) => {
                setText(event.target.value);
                onChange({ ...row, values: parseValues(event.target.value, numeric) });
              }}
            />
          </div>
        )}
        <button
          type="button"
          className="button button-small button-danger"
          aria-label={t('pattern.removeLabel', { index: index + 1 })}
          onClick={onRemove}
        >
          {t('pattern.remove')}
        </button>
      </div>
      {row.operator !== 'exists' && seen.length > 0 ? (
        <div className="pattern-suggestions" role="group" aria-label={t('pattern.suggestionsLabel', { path: row.path })}>
          <span className="muted">{t('pattern.inTemplates')}</span>
          {seen.slice(0, 12).map((value) => (
            <button
              key={String(value)}
              type="button"
              className="chip"
              aria-pressed={row.values.includes(value)}
              onClick={() => {
                const has = row.values.includes(value);
                const several = row.operator === 'equals' || row.operator === 'anything-but';
                const added = several ? [...row.values, value] : [value];
                const values = has ? row.values.filter((item) => item !== value) : added;
                onChange({ ...row, values });
              }}
            >
              {String(value)}
            </button>
          ))}
        </div>
      ) : null}
    </fieldset>
  );
}

