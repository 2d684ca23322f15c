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
  | { page: 'source'; sourceId: string };

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * `#/flows/<id>` a flow, `#/rules` the rules, `#/rules/<id>` a rule, `#/sources` the sources,
 * `#/sources/<id>` a source, anything else the flow list.
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
