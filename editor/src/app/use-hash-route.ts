/**
 * @module The page shown, from the URL's hash; a page with unsaved work may refuse to be left (browser Back
 * and Forward, a typed URL, any in-app link), and the URL then goes back to that page.
 */
import { useEffect, useRef, useState } from 'react';

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

/** Answers whether the page shown may be left for `next`; asked only when the page would change. */
export type LeaveGuard = (next: Route) => boolean;

// One window, one page shown: the page with unsaved work sets the guard while it has some.
let leaveGuard: LeaveGuard | undefined;

/** Installs `guard` until the returned function is called. */
export function guardLeaving(guard: LeaveGuard): () => void {
  leaveGuard = guard;
  return () => {
    if (leaveGuard === guard) leaveGuard = undefined;
  };
}

function samePage(a: Route, b: Route): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The position of the current history entry, kept in its state so that Back and Forward tell where they went. */
function entryIndex(): number | undefined {
  const index = (window.history.state as { flowbusIndex?: unknown } | null)?.flowbusIndex;
  return typeof index === 'number' ? index : undefined;
}

function markEntry(index: number): void {
  window.history.replaceState({ ...(window.history.state as object | null), flowbusIndex: index }, '');
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  const shown = useRef({ route, href: window.location.href, index: entryIndex() ?? 0 });
  useEffect(() => {
    markEntry(shown.current.index);
    const onChange = () => {
      const next = parseRoute(window.location.hash);
      const index = entryIndex();
      const stay = shown.current;
      if (!samePage(next, stay.route) && leaveGuard && !leaveGuard(next)) {
        // Back to the entry of the page the user stays on: from where Back or Forward went, or from the new
        // entry a link or a typed URL made (which stays ahead, as Forward).
        if (index !== undefined && index !== stay.index) window.history.go(stay.index - index);
        else window.history.back();
        return;
      }
      const position = index ?? shown.current.index + 1;
      if (index === undefined) markEntry(position);
      shown.current = { route: next, href: window.location.href, index: position };
      setRoute(next);
    };
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
