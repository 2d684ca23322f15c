/**
 * @module One condition of the pattern builder: a field (suggested from the event templates), an operator,
 * its values typed (comma-separated) or picked from those the templates hold at that field.
 */
import { useEffect, useId, useState } from 'react';
import { OPERATORS, type Operator, type PatternRow } from './pattern-rows.js';

const OPERATOR_LABELS: Record<Operator, string> = {
  equals: 'is one of',
  prefix: 'starts with',
  suffix: 'ends with',
  'anything-but': 'is none of',
  wildcard: 'matches wildcard',
  exists: 'exists',
};

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
  const seen = suggestions.get(row.path.trim()) ?? [];
  const numeric = seen.length > 0 && seen.every((value) => typeof value === 'number');
  const [text, setText] = useState(row.values.join(', '));
  // A value picked from the suggestions changes the list: show it, but never rewrite what is being typed
  // ("a," is the list ["a"] on its way to a second value).
  useEffect(() => {
    const same = (typed: string) => parseValues(typed, numeric).join('\n') === row.values.join('\n');
    setText((typed) => (same(typed) ? typed : row.values.join(', ')));
  }, [row.values, numeric]);
  const label = `Condition ${index + 1}`;
  return (
    <fieldset className="pattern-row" aria-label={label}>
      <div className="pattern-row-fields">
        <div className="field">
          <label htmlFor={`${id}-field`}>Field</label>
          <input
            id={`${id}-field`}
            type="text"
            className="mono"
            list={fieldsList}
            value={row.path}
            placeholder="e.g. source, type, data.region"
            onChange={(event) => onChange({ ...row, path: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-operator`}>Operator</label>
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
                {OPERATOR_LABELS[operator]}
              </option>
            ))}
          </select>
        </div>
        {row.operator === 'exists' ? (
          <div className="field">
            <label htmlFor={`${id}-exists`}>Present</label>
            <select
              id={`${id}-exists`}
              value={String(row.values[0] ?? 'true')}
              onChange={(event) => onChange({ ...row, values: [event.target.value] })}
            >
              <option value="true">yes</option>
              <option value="false">no</option>
            </select>
          </div>
        ) : (
          <div className="field">
            <label htmlFor={`${id}-values`}>Values</label>
            <input
              id={`${id}-values`}
              type="text"
              className="mono"
              value={text}
              placeholder={row.operator === 'equals' || row.operator === 'anything-but' ? 'comma-separated' : undefined}
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
          aria-label={`Remove condition ${index + 1}`}
          onClick={onRemove}
        >
          Remove
        </button>
      </div>
      {row.operator !== 'exists' && seen.length > 0 ? (
        <div className="pattern-suggestions" role="group" aria-label={`Values of ${row.path} in the templates`}>
          <span className="muted">In the templates:</span>
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

