/**
 * @module The rules of the event's bus that did not match it; on request, why not, from the bus's own
 * pattern test (the field, as a JSON pointer, and the reason).
 */
import { useState } from 'react';
import { useTranslation } from '../../i18n/i18n.js';
import { getRule, testPattern, type PatternTestResult, type RuleSummary } from '../../api/rules.js';
import { MatchFailures } from '../../rules/MatchFailures.js';

function WhyNot({ rule, event }: { rule: RuleSummary; event: unknown }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<PatternTestResult>();
  const [error, setError] = useState<string>();
  const [asking, setAsking] = useState(false);
  const ask = async () => {
    setAsking(true);
    setError(undefined);
    try {
      const detail = await getRule(rule.id);
      const pattern = (detail.rule as { pattern?: unknown } | undefined)?.pattern ?? {};
      setResult(await testPattern(pattern, event));
    } catch (thrown) {
      setError((thrown as Error).message);
    } finally {
      setAsking(false);
    }
  };
  return (
    <li data-rule={rule.id}>
      <a className="flow-link" href={`#/rules/${encodeURIComponent(rule.id)}`}>
        {rule.name ?? rule.id}
      </a>{' '}
      {result ? null : (
        <button type="button" className="button button-small" aria-label={t('event.whyNotLabel', { rule: rule.id })} disabled={asking} onClick={() => void ask()}>
          {asking ? t('event.explaining') : t('event.whyNot')}
        </button>
      )}
      {error ? <p className="field-error">{error}</p> : null}
      {result?.match ? <p className="muted">{t('event.matchesNow')}</p> : null}
      {result && !result.match ? (
        <MatchFailures className="why-not" label={t('event.whyNotLabel', { rule: rule.id })} failures={result.failures} />
      ) : null}
    </li>
  );
}

export function UnmatchedRules({ rules, event }: { rules: RuleSummary[]; event: unknown }) {
  const { t } = useTranslation();
  return (
    <section className="panel-section" aria-label={t('event.unmatched')}>
      <h2>{t('event.unmatched')}</h2>
      {rules.length === 0 ? (
        <p className="muted">{t('event.unmatchedNone')}</p>
      ) : (
        <ul className="unmatched-rules">
          {rules.map((rule) => (
            <WhyNot key={rule.id} rule={rule} event={event} />
          ))}
        </ul>
      )}
    </section>
  );
}
