/**
 * @module The pattern builder: conditions as rows (a field suggested from the event templates, an operator,
 * values suggested from what the templates hold there), or the pattern as JSON; beside them, live, which
 * template events the pattern matches, tested by the bus's own matcher.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { listEventTemplates } from '../api/event-templates.js';
import { testPattern } from '../api/rules.js';
import type { EventTemplate, ValidationIssue } from '../api/types.js';
import { JsonInput } from '../properties/JsonInput.js';
import { templateEvent } from '../runs/run-input.js';
import { fieldSuggestions, OPERATORS, patternFromRows, rowsFromPattern, type Operator, type PatternRow } from './pattern-rows.js';

export interface PatternBuilderProps {
  pattern: unknown;
  issues: ValidationIssue[];
  onChange: (pattern: Record<string, unknown>) => void;
}

const OPERATOR_LABELS: Record<Operator, string> = {
  equals: 'is one of',
  prefix: 'starts with',
  suffix: 'ends with',
  'anything-but': 'is none of',
  wildcard: 'matches wildcard',
  exists: 'exists',
};

/** Which templates the pattern matches, asked again (debounced) whenever it changes. */
function useTemplateMatches(pattern: unknown, templates: EventTemplate[] | undefined) {
  const [matches, setMatches] = useState<Map<string, boolean>>();
  useEffect(() => {
    setMatches(undefined);
    if (!templates || !pattern || typeof pattern !== 'object' || Object.keys(pattern).length === 0) return;
    let current = true;
    const timer = setTimeout(() => {
      Promise.all(templates.map((template) => testPattern(pattern, templateEvent(template.event, 0)).then((result) => result.match)))
        .then((results) => current && setMatches(new Map(templates.map((template, index) => [template.id, results[index]!]))))
        .catch(() => current && setMatches(undefined));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [pattern, templates]);
  return matches;
}

function parseValues(text: string, numeric: boolean): Array<string | number> {
  const items = text.split(',').map((item) => item.trim()).filter(Boolean);
  return items.map((item) => (numeric && item !== '' && Number.isFinite(Number(item)) ? Number(item) : item));
}

function ConditionRow({ row, index, suggestions, fieldsList, onChange, onRemove }: {
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
    setText((typed) => (parseValues(typed, numeric).join('\n') === row.values.join('\n') ? typed : row.values.join(', ')));
  }, [row.values, numeric]);
  const label = `Condition ${index + 1}`;
  return (
    <fieldset className="pattern-row" aria-label={label}>
      <div className="pattern-row-fields">
        <div className="field">
          <label htmlFor={`${id}-field`}>Field</label>
          <input id={`${id}-field`} type="text" className="mono" list={fieldsList} value={row.path} placeholder="e.g. source, type, data.region" onChange={(event) => onChange({ ...row, path: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-operator`}>Operator</label>
          <select id={`${id}-operator`} value={row.operator} onChange={(event) => onChange({ ...row, operator: event.target.value as Operator, values: event.target.value === 'exists' ? ['true'] : row.values })}>
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
            <select id={`${id}-exists`} value={String(row.values[0] ?? 'true')} onChange={(event) => onChange({ ...row, values: [event.target.value] })}>
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
        <button type="button" className="button button-small button-danger" aria-label={`Remove condition ${index + 1}`} onClick={onRemove}>
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
                const values = has ? row.values.filter((item) => item !== value) : several ? [...row.values, value] : [value];
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

export function PatternBuilder({ pattern, issues, onChange }: PatternBuilderProps) {
  const ids = useId();
  const [templates, setTemplates] = useState<EventTemplate[]>();
  const [asJson, setAsJson] = useState(false);
  const parsed = useMemo(() => rowsFromPattern(pattern ?? {}), [pattern]);
  const [rows, setRows] = useState<PatternRow[]>(parsed ?? []);
  useEffect(() => {
    listEventTemplates().then(setTemplates, () => setTemplates([]));
  }, []);
  const suggestions = useMemo(() => fieldSuggestions((templates ?? []).map((template) => template.event)), [templates]);
  const matches = useTemplateMatches(pattern, templates);
  const json = asJson || parsed === undefined;
  const update = (next: PatternRow[]) => {
    setRows(next);
    onChange(patternFromRows(next));
  };
  const fieldsList = `${ids}-fields`;
  return (
    <div className={`pattern-builder${issues.length > 0 ? ' field-invalid' : ''}`}>
      <label className="checkbox">
        <input type="checkbox" checked={json} disabled={parsed === undefined} onChange={(event) => setAsJson(event.target.checked)} />
        <span>{parsed === undefined ? 'Edited as JSON (uses operators the builder does not show)' : 'Edit as JSON'}</span>
      </label>
      {json ? (
        <div className="field">
          <label htmlFor={`${ids}-pattern`}>Pattern JSON</label>
          <JsonInput id={`${ids}-pattern`} rows={8} value={pattern} onChange={(value) => {
            const next = (value ?? {}) as Record<string, unknown>;
            setRows(rowsFromPattern(next) ?? []);
            onChange(next);
          }} />
        </div>
      ) : (
        <>
          <datalist id={fieldsList}>
            {[...suggestions.keys()].map((path) => (
              <option key={path} value={path} />
            ))}
          </datalist>
          {rows.length === 0 ? <p className="muted">No conditions yet: add one, e.g. source is one of cvm.cloud.tencent.</p> : null}
          {rows.map((row, index) => (
            <ConditionRow
              key={index}
              row={row}
              index={index}
              suggestions={suggestions}
              fieldsList={fieldsList}
              onChange={(next) => update(rows.map((item, at) => (at === index ? next : item)))}
              onRemove={() => update(rows.filter((_, at) => at !== index))}
            />
          ))}
          <button type="button" className="button button-small" onClick={() => setRows([...rows, { path: '', operator: 'equals', values: [] }])}>
            + Add condition
          </button>
        </>
      )}
      <p className="field-help">Every condition must hold; a list of values means any of them.</p>
      {issues.map((issue, index) => (
        <p key={index} className="field-error">
          {`${issue.pointer}: ${issue.message}`}
        </p>
      ))}
      <section className="template-matches" aria-label="Template events matched">
        <h4>Template events this pattern matches</h4>
        {matches === undefined ? (
          <p className="muted">{Object.keys((pattern as object) ?? {}).length === 0 ? 'Add a condition to see which templates match.' : 'Testing…'}</p>
        ) : (
          <ul>
            {(templates ?? []).map((template) => (
              <li key={template.id} data-match={matches.get(template.id) ? 'yes' : 'no'}>
                <span aria-hidden="true">{matches.get(template.id) ? '✓' : '✗'}</span> {template.title}
              </li>
            ))}
          </ul>
        )}
        {matches ? <p role="status" aria-label="Templates matched">{`${[...matches.values()].filter(Boolean).length} of ${matches.size} templates match`}</p> : null}
      </section>
    </div>
  );
}
