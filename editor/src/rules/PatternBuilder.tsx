/**
 * @module The pattern builder: conditions as rows (a field suggested from the event templates, an operator,
 * values suggested from what the templates hold there), or the pattern as JSON; beside them, live, which
 * template events the pattern matches, tested by the bus's own matcher.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { listEventTemplates } from '../api/event-templates.js';
import { testPattern } from '../api/rules.js';
import type { EventTemplate, ValidationIssue } from '../api/types.js';
import { useTranslation } from '../i18n/i18n.js';
import { JsonInput } from '../properties/JsonInput.js';
import { templateEvent } from '../runs/run-input.js';
import { ConditionRow } from './ConditionRow.js';
import { fieldSuggestions, patternFromRows, rowsFromPattern, type PatternRow } from './pattern-rows.js';

export interface PatternBuilderProps {
  pattern: unknown;
  issues: ValidationIssue[];
  onChange: (pattern: Record<string, unknown>) => void;
}

/** Which templates the pattern matches, asked again (debounced) whenever it changes. */
function useTemplateMatches(pattern: unknown, templates: EventTemplate[] | undefined) {
  const [matches, setMatches] = useState<Map<string, boolean>>();
  useEffect(() => {
    setMatches(undefined);
    if (!templates || !pattern || typeof pattern !== 'object' || Object.keys(pattern).length === 0) return;
    let current = true;
    const timer = setTimeout(() => {
      const tests = templates.map((template) => testPattern(pattern, templateEvent(template.event, 0)));
      Promise.all(tests)
        .then((results) => {
          if (current) setMatches(new Map(templates.map((template, index) => [template.id, results[index]!.match])));
        })
        .catch(() => current && setMatches(undefined));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [pattern, templates]);
  return matches;
}

export function PatternBuilder({ pattern, issues, onChange }: PatternBuilderProps) {
  const ids = useId();
  const { t } = useTranslation();
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
  const empty = Object.keys((pattern as object) ?? {}).length === 0;
  return (
    <div className={`pattern-builder${issues.length > 0 ? ' field-invalid' : ''}`}>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={json}
          disabled={parsed === undefined}
          onChange={(event) => setAsJson(event.target.checked)}
        />
        <span>{parsed === undefined ? t('pattern.editedAsJson') : t('pattern.editAsJson')}</span>
      </label>
      {json ? (
        <div className="field">
          <label htmlFor={`${ids}-pattern`}>{t('pattern.json')}</label>
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
          {rows.length === 0 ? (
            <p className="muted">{t('pattern.noConditions')}</p>
          ) : null}
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
          <button
            type="button"
            className="button button-small"
            onClick={() => setRows([...rows, { path: '', operator: 'equals', values: [] }])}
          >
            {t('pattern.addCondition')}
          </button>
        </>
      )}
      <p className="field-help">{t('pattern.help')}</p>
      {issues.map((issue, index) => (
        <p key={index} className="field-error">
          {`${issue.pointer}: ${issue.message}`}
        </p>
      ))}
      <section className="template-matches" aria-label={t('pattern.matchedLabel')}>
        <h4>{t('pattern.matchedTitle')}</h4>
        {matches === undefined ? (
          <p className="muted">{empty ? t('pattern.addToSee') : t('pattern.testing')}</p>
        ) : (
          <ul>
            {(templates ?? []).map((template) => (
              <li key={template.id} data-match={matches.get(template.id) ? 'yes' : 'no'}>
                <span aria-hidden="true">{matches.get(template.id) ? '✓' : '✗'}</span> {template.title}
              </li>
            ))}
          </ul>
        )}
        {matches ? (
          <p role="status" aria-label={t('pattern.countLabel')}>
            {t('pattern.count', { matched: [...matches.values()].filter(Boolean).length, count: matches.size })}
          </p>
        ) : null}
      </section>
    </div>
  );
}
