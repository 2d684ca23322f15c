/**
 * @module The Events page: search recent events (with what each target did) or the log store by bus,
 * source, type, subject, rule, status and time; the search lives in the hash, so it can be linked to.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/i18n.js';
import { searchEvents, searchLogStore, type EventTrace, type LogEntry, type Page } from '../../api/console.js';
import { listBuses, listRules } from '../../api/rules.js';
import { PageTop } from '../../app/AppNav.js';
import { useHashQuery } from '../../app/use-hash-route.js';
import { Banner } from '../../ui/Banner.js';
import { Spinner } from '../../ui/Spinner.js';
import { apiSearch, eventQueryHref, PAGE_SIZE, readEventQuery } from './event-query.js';
import { EventFilters } from './EventFilters.js';
import { LogStoreTable, TraceTable } from './EventTables.js';

type Results = { where: 'recent'; page: Page<EventTrace> } | { where: 'log-store'; page: Page<LogEntry> };

export function EventsPage() {
  const { t } = useTranslation();
  const params = useHashQuery();
  const query = readEventQuery(params);
  const key = params.toString();
  const [results, setResults] = useState<Results>();
  const [error, setError] = useState<string>();
  const [buses, setBuses] = useState<Array<{ id: string; name: string }>>([]);
  const [rules, setRules] = useState<string[]>([]);
  // Searching again with the same filters leaves the hash as it is: this counter asks for fresh results.
  const [searches, setSearches] = useState(0);
  useEffect(() => {
    listBuses().then(setBuses, () => {});
    listRules().then((list) => setRules(list.map((rule) => rule.id)), () => {});
  }, []);
  useEffect(() => {
    const controller = new AbortController();
    setResults(undefined);
    setError(undefined);
    const search = apiSearch(query);
    const found: Promise<Results> =
      query.where === 'recent'
        ? searchEvents(search, controller.signal).then((page) => ({ where: 'recent', page }))
        : searchLogStore(search, controller.signal).then((page) => ({ where: 'log-store', page }));
    found.then(setResults, (thrown: Error) => {
      if (thrown.name !== 'AbortError') setError(thrown.message);
    });
    return () => controller.abort();
    // The query is read from `key`, the hash's query text.
  }, [key, searches]);
  const show = (next: typeof query) => {
    const href = eventQueryHref(next);
    if (href === (window.location.hash || '#/events')) setSearches((count) => count + 1);
    else window.location.hash = href;
  };
  const go = (offset: number) => show({ ...query, offset });
  const page = results?.page;
  return (
    <div className="list-page console-page">
      <PageTop section="events" title={t('events.title')} intro={t('events.intro')} />
      <EventFilters key={key} query={query} buses={buses} rules={rules} onSearch={show} />
      {error ? <Banner tone="error">{error}</Banner> : null}
      {!results && !error ? <Spinner label={t('events.searching')} /> : null}
      {page ? (
        <p className="muted" role="status">
          {t('events.found', { count: page.total })}
          {page.total > PAGE_SIZE ? ` · ${t('events.shown', { from: query.offset + 1, to: query.offset + page.items.length })}` : null}
        </p>
      ) : null}
      {page && page.items.length === 0 ? <div className="empty-state">{t('events.none')}</div> : null}
      {results?.where === 'recent' && results.page.items.length > 0 ? <TraceTable traces={results.page.items} /> : null}
      {results?.where === 'log-store' && results.page.items.length > 0 ? <LogStoreTable entries={results.page.items} /> : null}
      {page && page.total > PAGE_SIZE ? (
        <div className="pager">
          <button type="button" className="button button-small" disabled={query.offset === 0} onClick={() => go(Math.max(0, query.offset - PAGE_SIZE))}>
            {t('events.newer')}
          </button>
          <button type="button" className="button button-small" disabled={query.offset + PAGE_SIZE >= page.total} onClick={() => go(query.offset + PAGE_SIZE)}>
            {t('events.older')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
