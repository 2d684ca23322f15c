/**
 * @module The browser-facing checks in front of the API, ingest and the editor: the Host a request names
 * (DNS rebinding) and the page it comes from (`Origin`, `Sec-Fetch-Site`; cross-site request forgery).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { createHostPolicy, parseHostHeader, parseOrigin, type RequestHost } from './host-policy.js';

/**
 * What a path is, for these checks. `api`: the management API, behind the token. `probe`: health and
 * readiness, open like they are for the token. `events`: bus ingest, which takes no token. `editor`: the
 * editor's files. `webhook`: URL callback sources (`/callbacks/...`), public webhooks like HTTP triggers: each
 * source verifies its own token or signature, and senders use their own names and body types.
 */
export type RouteKind = 'api' | 'probe' | 'events' | 'editor' | 'webhook';

/** A refused request: the status and the error to answer, and a short key for the log. */
export interface Refusal {
  status: 403 | 415 | 421;
  type: 'API:HOST_NOT_ALLOWED' | 'API:FOREIGN_ORIGIN' | 'API:UNSUPPORTED_MEDIA_TYPE';
  message: string;
  /** What was refused, without the path: `host evil.example`, `origin http://evil.example`. */
  key: string;
}

/** What the checks read of a request. */
export interface GuardedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

export interface RequestGuardOptions {
  /** The address the server listens on; a Host naming it is served. */
  host: string;
  /** Further host names to serve and to accept requests from (`.example.com`: the domain and below). */
  allowedHosts: readonly string[];
  /** When set the API needs it, so a page that reached the server by a name of its own gets nothing. */
  authToken?: string;
}

/** Checks one request; undefined when it may go on. */
export type RequestGuard = (request: GuardedRequest, kind: RouteKind) => Refusal | undefined;

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Body types an HTML form on any site can send without asking the server first (CORS "simple" types). */
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

const HOW_TO_ALLOW =
  'add it to "allowedHosts" in flowbus.config.json or to FLOWBUS_ALLOWED_HOSTS (comma-separated)';

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The kind of a path that express serves (`/api/...`, `/events...` and `/callbacks/...`). */
export function routeKindOf(method: string, path: string): RouteKind {
  if (path === '/events' || path.startsWith('/events/')) return 'events';
  if (path.startsWith('/callbacks/')) return 'webhook';
  const probe = path === '/api/health' || path === '/api/ready';
  return probe && (method === 'GET' || method === 'HEAD') ? 'probe' : 'api';
}

/**
 * Creates the checks. Without a token every route but the probes answers only to allowed Host names (421
 * otherwise). Whatever the token, a request that changes something (any method but GET, HEAD and OPTIONS) on
 * the API or ingest is refused (403) when the browser says it comes from another page: an `Origin` that is
 * neither this server's own origin nor on an `allowedHosts` entry, `Origin: null`, or `Sec-Fetch-Site`
 * `cross-site`/`same-site`. Ingest takes no token, so a browser may post to it only from an allowed host.
 * The API refuses form body types (415). Requests without those headers (curl, the CLI) are not affected.
 *
 * @example
 * const guard = createRequestGuard({ host: '127.0.0.1', allowedHosts: [] });
 * guard({ method: 'GET', path: '/api/flows', headers: { host: 'evil.example:8420' } }, 'api')?.status; // 421
 */
export function createRequestGuard(options: RequestGuardOptions): RequestGuard {
  const policy = createHostPolicy(options);
  const served = `localhost, 127.0.0.0/8, [::1] and the configured host (${options.host})`;

  function checkHost(value: string | undefined): Refusal | undefined {
    if (value === undefined) return undefined; // HTTP/1.0 without a Host: no browser sends that.
    const host = parseHostHeader(value);
    if (host && policy.allows(host.hostname)) return undefined;
    const shown = host ? `the host "${host.hostname}"` : `the Host header "${value.slice(0, 80)}"`;
    const message =
      `${shown} is not served: without an API token this server answers only to ${served}, so that a web ` +
      `page cannot reach it under a name of its own (DNS rebinding). To allow a host, ${HOW_TO_ALLOW}, ` +
      'or set an API token (authToken, FLOWBUS_AUTH_TOKEN)';
    const key = `host ${host?.hostname ?? value.slice(0, 80)}`;
    return { status: 421, type: 'API:HOST_NOT_ALLOWED', message, key };
  }

  function foreign(request: GuardedRequest, from: string, own: string): Refusal {
    const origin = single(request.headers.origin);
    const site = single(request.headers['sec-fetch-site']);
    const key = origin === undefined ? `sec-fetch-site ${site}` : `origin ${origin.slice(0, 80)}`;
    const message =
      `refused ${request.method} ${request.path} from ${from}: a request that changes something must come ` +
      `from the editor on this server (${own}) or from a client that sends no Origin (curl, the CLI). ` +
      `To accept requests from pages on another host, ${HOW_TO_ALLOW}`;
    return { status: 403, type: 'API:FOREIGN_ORIGIN', message, key };
  }

  function checkOrigin(
    request: GuardedRequest,
    kind: RouteKind,
    host: RequestHost | undefined,
  ): Refusal | undefined {
    const origin = single(request.headers.origin);
    const site = single(request.headers['sec-fetch-site'])?.toLowerCase();
    const own = host ? `http://${host.authority}` : 'its own origin';
    const crossSite = site === 'cross-site' || site === 'same-site';
    if (origin === undefined) {
      return crossSite ? foreign(request, `a ${site} page (Sec-Fetch-Site: ${site})`, own) : undefined;
    }
    const from = origin.includes(',') ? undefined : parseOrigin(origin);
    if (!from) {
      const what =
        origin === 'null'
          ? 'a page with an opaque origin (Origin: null: a sandboxed frame, a file or data URL)'
          : `an unreadable Origin "${origin.slice(0, 80)}"`;
      return foreign(request, what, own);
    }
    if (policy.isExplicitlyAllowed(from.hostname)) return undefined;
    const page = `the web page at ${origin.slice(0, 80)}`;
    if (!host || from.authority !== host.authority || crossSite) return foreign(request, page, own);
    if (kind === 'events' && !policy.allows(from.hostname)) {
      const message =
        `refused ${request.method} ${request.path} from ${page}: event ingest takes no token, so a browser ` +
        `may post events only from a page on ${served} or an allowed host. ` +
        `To allow this host, ${HOW_TO_ALLOW}`;
      return { status: 403, type: 'API:FOREIGN_ORIGIN', message, key: `ingest origin ${origin.slice(0, 80)}` };
    }
    return undefined;
  }

  function checkBodyType(request: GuardedRequest): Refusal | undefined {
    const type = single(request.headers['content-type'])?.split(';')[0]?.trim().toLowerCase();
    if (type === undefined || !FORM_TYPES.has(type)) return undefined;
    const message =
      `refused ${request.method} ${request.path}: a ${type} body is what an HTML form on any web site can ` +
      'send; send JSON (Content-Type: application/json) or no body';
    return { status: 415, type: 'API:UNSUPPORTED_MEDIA_TYPE', message, key: `body ${type}` };
  }

  return (request, kind) => {
    if (kind === 'webhook') return undefined;
    const hostHeader = single(request.headers.host);
    if (!options.authToken && kind !== 'probe') {
      const refused = checkHost(hostHeader);
      if (refused) return refused;
    }
    if (READ_METHODS.has(request.method) || kind === 'probe' || kind === 'editor') return undefined;
    const refused = checkOrigin(request, kind, parseHostHeader(hostHeader));
    if (refused || kind !== 'api') return refused;
    return checkBodyType(request);
  };
}
