/**
 * @module Which host names the server answers to: loopback names, the configured `host` and `allowedHosts`.
 */

/** A host as a request names it: the name (IPv6 without brackets, lower case) and the authority as sent. */
export interface RequestHost {
  /** `localhost`, `127.0.0.1`, `::1`, `flowbus.internal`. */
  hostname: string;
  /** `hostname[:port]` with IPv6 in brackets and the port of the scheme left out: what `URL.host` gives. */
  authority: string;
}

/** A Host header value: a name or an IP address (IPv6 in brackets), and an optional port. Nothing else. */
const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(:\d{1,5})?$/i;

function fromUrl(url: URL): RequestHost {
  const { hostname, host } = url;
  const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  return { hostname: bare.toLowerCase(), authority: host.toLowerCase() };
}

/**
 * Parses a `Host` header. Undefined when it is not a plain `name[:port]` (a user part, a path or a second
 * value is never taken apart: such a Host is refused as a whole).
 */
export function parseHostHeader(value: string | undefined): RequestHost | undefined {
  if (value === undefined || !HOST_HEADER.test(value)) return undefined;
  try {
    return fromUrl(new URL(`http://${value}`));
  } catch {
    return undefined;
  }
}

/** Parses an `Origin` header (`scheme://host[:port]`); undefined for `null` and anything else. */
export function parseOrigin(value: string): RequestHost | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.origin === 'null' || url.username || url.password) return undefined;
  return fromUrl(url);
}

const IPV4_LOOPBACK = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Whether a name always means this machine: `localhost`, 127.0.0.0/8 or `::1`. */
export function isLoopbackName(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '::1') return true;
  const match = IPV4_LOOPBACK.exec(hostname);
  return match !== null && match.slice(1).every((part) => Number(part) <= 255);
}

/** One entry of `allowedHosts`, normalized: lower case, IPv6 without brackets; a leading dot kept. */
export function normalizeHostEntry(entry: string): string {
  const trimmed = entry.trim().toLowerCase();
  return trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1) : trimmed;
}

/** Whether `hostname` is named by one normalized entry: the name itself, or under `.domain`. */
function matchesEntry(hostname: string, entry: string): boolean {
  if (!entry.startsWith('.')) return hostname === entry;
  return hostname === entry.slice(1) || hostname.endsWith(entry);
}

/** The names a server answers to. */
export interface HostPolicy {
  /** Loopback, the configured host or an `allowedHosts` entry. */
  allows(hostname: string): boolean;
  /**
   * Named by an `allowedHosts` entry, and not a loopback name: pages on such a host may post from any port.
   * Loopback names never are, even when listed: other programs' pages on this machine live there.
   */
  isExplicitlyAllowed(hostname: string): boolean;
}

/**
 * The policy of a server listening on `host` with `allowedHosts` (entries as the config holds them).
 *
 * @example
 * const allowedHosts = ['flowbus.internal', '.corp.example'];
 * const policy = createHostPolicy({ host: '127.0.0.1', allowedHosts });
 * policy.allows('localhost'); // true
 * policy.allows('ci.corp.example'); // true
 * policy.allows('evil.example'); // false
 */
export function createHostPolicy(options: { host: string; allowedHosts: readonly string[] }): HostPolicy {
  const entries = options.allowedHosts.map(normalizeHostEntry).filter((entry) => entry !== '');
  const configured = normalizeHostEntry(options.host);
  const isExplicitlyAllowed = (hostname: string) =>
    !isLoopbackName(hostname) && entries.some((entry) => matchesEntry(hostname, entry));
  return {
    allows: (hostname) =>
      isLoopbackName(hostname) || hostname === configured || isExplicitlyAllowed(hostname),
    isExplicitlyAllowed,
  };
}
