import { describe, expect, it } from 'vitest';
import { createRequestGuard, routeKindOf, type RouteKind } from './request-guard.js';

const OWN = '127.0.0.1:8420';
// `localhost` listed on purpose: it must not let other local pages (another port) post.
const open = createRequestGuard({ host: '127.0.0.1', allowedHosts: ['flowbus.internal', 'localhost'] });
const withToken = createRequestGuard({ host: '0.0.0.0', allowedHosts: [], authToken: 'x'.repeat(20) });

type Headers = Record<string, string>;
const request = (method: string, path: string, headers: Headers) => ({ method, path, headers });

describe('routeKindOf', () => {
  it.each([
    ['GET', '/api/health', 'probe'],
    ['HEAD', '/api/ready', 'probe'],
    ['POST', '/api/health', 'api'],
    ['GET', '/api/health/x', 'api'],
    ['GET', '/api/flows', 'api'],
    ['POST', '/events', 'events'],
    ['POST', '/events/orders', 'events'],
    ['POST', '/eventsx', 'api'],
    ['POST', '/callbacks/crm', 'webhook'],
    ['GET', '/callbacks/crm', 'webhook'],
  ])('%s %s is %s', (method, path, kind) => {
    expect(routeKindOf(method, path)).toBe(kind);
  });
});

describe('the Host check without a token', () => {
  it.each([
    ['localhost:8420'],
    ['127.0.0.1:8420'],
    ['127.0.0.2'],
    ['[::1]:9000'],
    ['flowbus.internal:8420'],
    ['FLOWBUS.INTERNAL'],
  ])('serves Host %s', (host) => {
    for (const kind of ['api', 'events', 'editor'] as RouteKind[]) {
      expect(open(request('GET', '/api/flows', { host }), kind)).toBeUndefined();
    }
  });

  it.each([
    ['evil.example:8420'],
    ['127.0.0.1.evil.example'],
    ['localhost.evil.example:8420'],
    ['evil.example@127.0.0.1:8420'],
    ['10.0.0.5:8420'],
  ])('refuses Host %s on the API, ingest and the editor with 421 and how to allow it', (host) => {
    for (const kind of ['api', 'events', 'editor'] as RouteKind[]) {
      const refusal = open(request('GET', '/api/connections', { host }), kind);
      expect(refusal).toMatchObject({ status: 421, type: 'API:HOST_NOT_ALLOWED' });
      expect(refusal?.message).toMatch(/is not served: without an API token .* FLOWBUS_ALLOWED_HOSTS/);
    }
  });

  it('leaves health and readiness open to probes, as the token check does', () => {
    expect(open(request('GET', '/api/health', { host: '10.1.2.3:8420' }), 'probe')).toBeUndefined();
  });

  it('relaxes the Host check when a token is set, except for browser posts to ingest', () => {
    const host = 'flowbus.lan:8420';
    expect(withToken(request('GET', '/api/flows', { host }), 'api')).toBeUndefined();
    expect(withToken(request('GET', '/', { host }), 'editor')).toBeUndefined();
    const editor = { host, origin: `http://${host}` };
    expect(withToken(request('POST', '/api/flows/a/publish', editor), 'api')).toBeUndefined();
    expect(withToken(request('POST', '/events', { host }), 'events')).toBeUndefined();
    const page = withToken(request('POST', '/events', editor), 'events');
    expect(page).toMatchObject({ status: 403, type: 'API:FOREIGN_ORIGIN' });
    expect(page?.message).toContain('event ingest takes no token');
  });
});

describe('the Origin check', () => {
  const post = (headers: Headers, kind: RouteKind = 'api', method = 'POST') =>
    open(request(method, '/api/flows/alarm/unpublish', { host: OWN, ...headers }), kind);

  it.each([
    ['no Origin and no Sec-Fetch-Site (curl, the CLI)', {}],
    ['its own origin', { origin: `http://${OWN}`, 'sec-fetch-site': 'same-origin' }],
    ['an allowed host, any port', { origin: 'https://flowbus.internal:3000' }],
    ['an allowed host marked cross-site', { origin: 'http://flowbus.internal', 'sec-fetch-site': 'cross-site' }],
    ['a user typing the address', { 'sec-fetch-site': 'none' }],
    ['JSON', { origin: `http://${OWN}`, 'content-type': 'application/json' }],
  ])('passes a request with %s', (_name, headers) => {
    expect(post(headers)).toBeUndefined();
    expect(post(headers, 'events')).toBeUndefined();
  });

  it.each([
    ['a foreign site', { origin: 'http://evil.example' }, /from the web page at http:\/\/evil\.example: a request/],
    ['another port of the same host', { origin: 'http://127.0.0.1:5173' }, /at http:\/\/127\.0\.0\.1:5173/],
    ['localhost for 127.0.0.1', { origin: 'http://localhost:8420' }, /at http:\/\/localhost:8420/],
    ['Origin: null', { origin: 'null' }, /opaque origin \(Origin: null/],
    ['an unreadable Origin', { origin: 'http://a, http://b' }, /unreadable Origin/],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }, /a cross-site page/],
    ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }, /a same-site page/],
    ['its own origin marked cross-site', { origin: `http://${OWN}`, 'sec-fetch-site': 'cross-site' }, /at http/],
  ])('refuses %s with 403 on the API and ingest', (_name, headers, message) => {
    for (const kind of ['api', 'events'] as RouteKind[]) {
      const refusal = post(headers, kind);
      expect(refusal).toMatchObject({ status: 403, type: 'API:FOREIGN_ORIGIN' });
      expect(refusal?.message).toMatch(message);
      expect(refusal?.message).toContain('FLOWBUS_ALLOWED_HOSTS');
    }
  });

  it.each(['PUT', 'PATCH', 'DELETE'])('checks %s too, and never reads (GET, HEAD) or the editor', (method) => {
    const foreign = { origin: 'http://evil.example' };
    expect(post(foreign, 'api', method)?.status).toBe(403);
    expect(post(foreign, 'api', 'GET')).toBeUndefined();
    expect(post(foreign, 'api', 'HEAD')).toBeUndefined();
    expect(post(foreign, 'editor', method)).toBeUndefined();
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['a multipart form', 'multipart/form-data; boundary=x'],
    ['text/plain in capitals', 'Text/Plain; charset=utf-8'],
  ])('refuses %s body on the API with 415, not on ingest', (_name, type) => {
    const refusal = post({ 'content-type': type });
    expect(refusal).toMatchObject({ status: 415, type: 'API:UNSUPPORTED_MEDIA_TYPE' });
    expect(refusal?.message).toContain('send JSON (Content-Type: application/json) or no body');
    expect(post({ 'content-type': type }, 'events')).toBeUndefined();
  });
});
