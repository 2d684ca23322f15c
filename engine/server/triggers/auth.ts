/**
 * @module HTTP trigger authentication: Basic, bearer token and HMAC body signatures (constant-time compares).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The auth settings of a trigger, with the header name in lower case. */
export interface TriggerAuth {
  type: 'none' | 'basic' | 'bearer' | 'hmac';
  connection?: string;
  /** For `hmac`: the header holding the signature, lower case. */
  header: string;
}

/** The values of an `http-auth` connection. */
export interface HttpAuthCredentials {
  username?: unknown;
  password?: unknown;
  token?: unknown;
  secret?: unknown;
}

/**
 * Compares two strings in time that depends on neither their contents nor their lengths (both are hashed
 * first), so a caller learns nothing from how long a refusal took.
 */
export function safeEqual(given: string, expected: string): boolean {
  const left = createHash('sha256').update(given).digest();
  const right = createHash('sha256').update(expected).digest();
  return timingSafeEqual(left, right);
}

function authorization(request: IncomingMessage, scheme: string): string | undefined {
  const header = request.headers.authorization;
  if (!header || header.length <= scheme.length || header[scheme.length] !== ' ') return undefined;
  return header.slice(0, scheme.length).toLowerCase() === scheme.toLowerCase()
    ? header.slice(scheme.length + 1).trim()
    : undefined;
}

/** Checks Basic or bearer credentials from the Authorization header. Both fields are always compared. */
export function checkHeaderAuth(
  auth: TriggerAuth,
  request: IncomingMessage,
  credentials: HttpAuthCredentials,
): boolean {
  if (auth.type === 'bearer') {
    const token = authorization(request, 'Bearer');
    const expected = credentials.token;
    return typeof expected === 'string' && expected !== '' && safeEqual(token ?? '', expected);
  }
  if (auth.type === 'basic') {
    const encoded = authorization(request, 'Basic');
    const decoded = encoded ? Buffer.from(encoded, 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    const username = colon === -1 ? '' : decoded.slice(0, colon);
    const password = colon === -1 ? '' : decoded.slice(colon + 1);
    if (typeof credentials.username !== 'string' || typeof credentials.password !== 'string') return false;
    const userOk = safeEqual(username, credentials.username);
    const passwordOk = safeEqual(password, credentials.password);
    return colon !== -1 && userOk && passwordOk;
  }
  return true;
}

/**
 * Checks an HMAC-SHA256 signature of the raw body: the header holds the hex digest, optionally prefixed
 * `sha256=`, in either case.
 */
export function checkHmac(
  auth: TriggerAuth,
  request: IncomingMessage,
  body: Buffer,
  credentials: HttpAuthCredentials,
): boolean {
  const header = request.headers[auth.header];
  const value = Array.isArray(header) ? header[0] : header;
  const given = value?.trim().replace(/^sha256=/i, '').toLowerCase() ?? '';
  if (typeof credentials.secret !== 'string' || credentials.secret === '') return false;
  const expected = createHmac('sha256', credentials.secret).update(body).digest('hex');
  return safeEqual(given, expected);
}

/** The `WWW-Authenticate` challenge of a refused request, when the scheme has one. */
export function challenge(auth: TriggerAuth): string | undefined {
  if (auth.type === 'basic') return 'Basic realm="flowbus", charset="UTF-8"';
  if (auth.type === 'bearer') return 'Bearer realm="flowbus"';
  return undefined;
}
