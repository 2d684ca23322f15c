/**
 * @module One event's page: its attributes, its delivery trace (rules matched, what each target did, the
 * execution started), why other rules of its bus did not match, the event itself; re-send it, or take it
 * to the pattern tester of a rule. An event older than the traces kept is shown from the log store.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from '../../i18n/i18n.js';
import { ApiError } from '../../api/client.js';
import { getEventTrace, resendEvent, searchLogStore, type EventTrace } from '../../api/console.js';
import { listRules, type RuleSummary } from '../../api/rules.js';
import { AppNav } from '../../app/AppNav.js';
import { hashQuery } from '../../app/use-hash-route.js';
import { dateTimeText } from '../../i18n/format.js';
import { Banner } from '../../ui/Banner.js';
import { JsonView } from '../../ui/JsonView.js';
import { Spinner } from '../../ui/Spinner.js';
import { eventHref } from './event-query.js';
import { TargetTraces } from './TargetTraces.js';
import { UnmatchedRules } from './UnmatchedRules.js';

/** The trace, or for an event only the log store still holds, a trace-shaped stand-in without targets. */
async function loadEvent(id: string, bus: string | undefined): Promise<{ trace: EventTrace; traced: boolean }> {
  try {
    return { trace: await getEventTrace(id, bus), traced: true };
  } catch (thrown) {
    if (!(thrown instanceof ApiError) || thrown.status !== 404) throw thrown;
    const [entry] = (await searchLogStore({ id, bus, limit: 1 })).items;
    if (!entry) throw thrown;
    const { eventId, time: acceptedAt, source, type, subject, rules: matchedRules, event } = entry;
    const trace = { eventId, bus: entry.bus, acceptedAt, source, type, subject, event, matchedRules, replayed: false, targets: [] };
    return { trace, traced: false };
  }
}

function PatternTesterLink({ trace, rules }: { trace: EventTrace; rules: RuleSummary[] }) {
  const { t } = useTranslation();
  const id = useId();
  const [rule, setRule] = useState(trace.matchedRules[0] ?? rules[0]?.id ?? '');
  if (rules.length === 0) return null;
  const params = new URLSearchParams({ event: trace.eventId, bus: trace.bus });
  return (
    <span className="tester-link">
      <label htmlFor={id}>{t('event.testerRule')}</label>
      <select id={id} value={rule} onChange={(event) => setRule(event.target.value)}>
        {rules.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name ?? candidate.id}
          </option>
        ))}
      </select>
      <a className="button" href={`#/rules/${encodeURIComponent(rule)}?${params}`}>
        {t('event.patternTester')}
      </a>
    </span>
  );
}

export function EventPage({ eventId }: { eventId: string }) {
  const { t, i18n } = useTranslation();
  const bus = hashQuery().get('bus') ?? undefined;
  const [loaded, setLoaded] = useState<{ trace: EventTrace; traced: boolean }>();
  const [rules, setRules] = useState<RuleSummary[]>([]);
  const [error, setError] = useState<string>();
  const [resending, setResending] = useState(false);
  const [resent, setResent] = useState<{ id: string; bus: string }>();
  useEffect(() => {
    setLoaded(undefined);
    setError(undefined);
    setResent(undefined);
    loadEvent(eventId, bus).then(setLoaded, (thrown: Error) =>
      setError(thrown instanceof ApiError && thrown.status === 404 ? t('event.notFound', { id: eventId }) : thrown.message),
    );
    listRules().then(setRules, () => {});
  }, [eventId, bus, t]);
  const resend = async (trace: EventTrace) => {
    setResending(true);
    setError(undefined);
    try {
      setResent(await resendEvent(trace.eventId, trace.bus));
    } catch (thrown) {
      setError((thrown as Error).message);
    } finally {
      setResending(false);
    }
  };
  const back = (
    <a className="toolbar-back" href="#/events">
      {t('event.back')}
    </a>
  );
  if (!loaded) {
    return <div className="page-status">{back}{error ? <Banner tone="error">{error}</Banner> : <Spinner label={t('event.loading', { id: eventId })} />}</div>;
  }
  const { trace, traced } = loaded;
  const busRules = rules.filter((rule) => rule.bus === trace.bus);
  const unmatched = busRules.filter((rule) => rule.valid && rule.enabled && !trace.matchedRules.includes(rule.id));
  const facts: Array<[string, string]> = [
    [t('events.bus'), trace.bus],
    [t('events.source'), trace.source],
    [t('events.type'), trace.type],
    [t('events.subject'), trace.subject ?? '—'],
    [t('event.accepted'), dateTimeText(trace.acceptedAt, i18n.language)],
  ];
  return (
    <div className="list-page console-page event-page">
      <AppNav current="events" />
      <header className="page-header">
        <div>
          {back}
          <h1>{t('event.title', { id: trace.eventId })}</h1>
          <dl className="event-facts">
            {facts.map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd className="mono">{value}</dd>
              </div>
            ))}
          </dl>
          {trace.replayed ? <p className="muted">{t('event.replayed')}</p> : null}
        </div>
        <div className="row-actions">
          {traced && trace.event ? (
            <button type="button" className="button" disabled={resending} onClick={() => void resend(trace)}>
              {resending ? t('event.resending') : t('event.resend')}
            </button>
          ) : null}
          {trace.event ? <PatternTesterLink trace={trace} rules={busRules} /> : null}
        </div>
      </header>
      {error ? <Banner tone="error">{error}</Banner> : null}
      {resent ? (
        <Banner tone="success" onDismiss={() => setResent(undefined)}>
          {t('event.resent')} <a href={eventHref(resent.id, resent.bus)}>{resent.id}</a>
        </Banner>
      ) : null}
      {!traced ? <Banner tone="info">{t('event.fromLogStore')}</Banner> : null}
      <section className="panel-section" aria-label={t('event.delivery')}>
        <h2>{t('event.delivery')}</h2>
        <p>{trace.matchedRules.length === 0 ? t('event.matchedNone') : t('event.matched', { count: trace.matchedRules.length })}</p>
        {trace.targets.length > 0 ? <TargetTraces targets={trace.targets} /> : null}
      </section>
      {trace.event ? <UnmatchedRules rules={unmatched} event={trace.event} /> : null}
      <section className="panel-section" aria-label={t('event.body')}>
        <h2>{t('event.body')}</h2>
        {trace.event ? <JsonView value={trace.event} label={t('event.body')} maxHeight={420} /> : <p className="muted">{t('event.bodyDropped')}</p>}
      </section>
    </div>
  );
}
