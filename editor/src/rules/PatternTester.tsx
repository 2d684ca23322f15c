/**
 * @module "Test against an event": a template (or edited JSON) tested against the pattern by the bus's own
 * matcher, showing for each field that did not match why not.
 */
import { useEffect, useId, useState } from 'react';
import { ApiError } from '../api/client.js';
import { listEventTemplates } from '../api/event-templates.js';
import { testPattern, type PatternTestResult } from '../api/rules.js';
import type { EventTemplate } from '../api/types.js';
import { useSentEvent } from '../console/events/use-sent-event.js';
import { templateEvent } from '../runs/run-input.js';
import { useTranslation } from '../i18n/i18n.js';
import { Spinner } from '../ui/Spinner.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { MatchFailures } from './MatchFailures.js';

export function PatternTester({ pattern }: { pattern: unknown }) {
  const ids = useId();
  const { t } = useTranslation();
  const [templates, setTemplates] = useState<EventTemplate[]>();
  const [text, setText] = useState('');
  const [result, setResult] = useState<PatternTestResult>();
  const [error, setError] = useState<string>();
  const [testing, setTesting] = useState(false);
  // An event sent from the console's event page comes first; a template fills in otherwise.
  const sentEvent = useSentEvent();
  useEffect(() => {
    if (sentEvent) setText(JSON.stringify(sentEvent, null, 2));
  }, [sentEvent]);
  useEffect(() => {
    listEventTemplates().then(
      (list) => {
        setTemplates(list);
        if (list[0]) setText((current) => current || JSON.stringify(templateEvent(list[0]!.event), null, 2));
      },
      (thrown: Error) => setError(thrown.message),
    );
  }, []);
  useEffect(() => setResult(undefined), [pattern]);
  const test = async () => {
    setError(undefined);
    setResult(undefined);
    let event: unknown;
    try {
      event = JSON.parse(text);
    } catch (thrown) {
      setError(t('patternTester.notJson', { message: (thrown as Error).message }));
      return;
    }
    setTesting(true);
    try {
      setResult(await testPattern(pattern, event));
    } catch (thrown) {
      setError(thrown instanceof ApiError ? thrown.message : String(thrown));
    } finally {
      setTesting(false);
    }
  };
  return (
    <section className="panel-section pattern-tester" aria-label={t('patternTester.label')}>
      <h3>{t('patternTester.title')}</h3>
      <div className="field">
        <label htmlFor={`${ids}-template`}>{t('patternTester.template')}</label>
        {templates === undefined && !error ? (
          <Spinner inline label={t('patternTester.loadingTemplates')} />
        ) : (
          <select
            id={`${ids}-template`}
            onChange={(event) => {
              const template = templates?.find((candidate) => candidate.id === event.target.value);
              if (template) setText(JSON.stringify(templateEvent(template.event), null, 2));
            }}
          >
            {(templates ?? []).map((template) => (
              <option key={template.id} value={template.id}>
                {template.title}
              </option>
            ))}
          </select>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${ids}-event`}>{t('patternTester.event')}</label>
        <textarea id={`${ids}-event`} className="code-input" rows={12} spellCheck={false} value={text} onChange={(event) => setText(event.target.value)} />
      </div>
      <div className="run-actions">
        <button type="button" className="button button-primary" onClick={() => void test()} disabled={testing}>
          {t('patternTester.test')}
        </button>
        {testing ? <Spinner inline label={t('patternTester.testing')} /> : null}
      </div>
      <ErrorAlert>{error}</ErrorAlert>
      {result ? (
        <div className={`pattern-result ${result.match ? 'run-succeeded' : 'run-failed'}`} role="status" aria-label={t('patternTester.resultLabel')}>
          <strong>{result.match ? t('patternTester.matches') : t('patternTester.noMatch')}</strong>
          {result.failures.length > 0 ? <MatchFailures failures={result.failures} /> : null}
        </div>
      ) : null}
    </section>
  );
}
