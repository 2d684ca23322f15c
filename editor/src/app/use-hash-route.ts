/**
 * @module The page shown, from the URL's hash.
 */
import { useEffect, useState } from 'react';

export type Route =
  | { page: 'flows' }
  | { page: 'flow'; flowId: string }
  | { page: 'rules' }
  | { page: 'rule'; ruleId: string }
  | { page: 'sources' }
  | { page: 'source'; sourceId: string }
  | { page: 'events' }
  | { page: 'event'; eventId: string }
  | { page: 'dead-letters' }
  | { page: 'metrics' };

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The console's pages: `#/events`, `#/events/<id>`, `#/dead-letters` and `#/metrics`, each with a query. */
function consoleRoute(hash: string): Route | undefined {
  const event = /^#\/events\/([^/?#]+)/.exec(hash);
  const eventId = event ? decode(event[1]!) : undefined;
  if (eventId) return { page: 'event', eventId };
  if (/^#\/events\/?(\?|$)/.test(hash)) return { page: 'events' };
  if (/^#\/dead-letters\/?(\?|$)/.test(hash)) return { page: 'dead-letters' };
  if (/^#\/metrics\/?(\?|$)/.test(hash)) return { page: 'metrics' };
  return undefined;
}

/** The query after `?` in the hash: `#/events?source=x` gives `source=x`. */
export function hashQuery(hash: string = window.location.hash): URLSearchParams {
  const index = hash.indexOf('?');
  return new URLSearchParams(index === -1 ? '' : hash.slice(index + 1));
}

/**
 * `#/flows/<id>` a flow, `#/rules` the rules, `#/rules/<id>` a rule, `#/sources` the sources,
 * `#/sources/<id>` a source, the console's pages (see `consoleRoute`), anything else the flow list.
 */
export function parseRoute(hash: string): Route {
  const flow = /^#\/flows\/([^/?#]+)/.exec(hash);
  const flowId = flow ? decode(flow[1]!) : undefined;
  if (flowId) return { page: 'flow', flowId };
  const rule = /^#\/rules\/([^/?#]+)/.exec(hash);
  const ruleId = rule ? decode(rule[1]!) : undefined;
  if (ruleId) return { page: 'rule', ruleId };
  const source = /^#\/sources\/([^/?#]+)/.exec(hash);
  const sourceId = source ? decode(source[1]!) : undefined;
  if (sourceId) return { page: 'source', sourceId };
  if (/^#\/sources\/?$/.test(hash)) return { page: 'sources' };
  const consolePage = consoleRoute(hash);
  if (consolePage) return consolePage;
  return /^#\/rules\/?$/.test(hash) ? { page: 'rules' } : { page: 'flows' };
}

export function flowHref(flowId: string): string {
  return `#/flows/${encodeURIComponent(flowId)}`;
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** The hash's query, kept current as the hash changes. */
export function useHashQuery(): URLSearchParams {
  const [query, setQuery] = useState(() => hashQuery());
  useEffect(() => {
    const onChange = () => setQuery(hashQuery());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return query;
}
