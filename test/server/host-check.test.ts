/**
 * @module DNS rebinding (issue 10, finding 4): without a token the API, ingest and the editor answer only to
 * loopback names, the configured host and `allowedHosts`; health stays open to probes and HTTP triggers
 * (public webhooks) answer any Host. With a token the API answers any Host, the token being what protects it.
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FallbackHandler } from '../../engine/server/index.js';
import { httpFlow, setPayload, startTestServer, type TestServer } from './helpers.js';
import { jsonBody, rawRequest } from './raw-request.js';

const TOKEN = 'host-check-token-0123456789';
const RULE = { format: 'flowbus/rule@1', name: 'x', pattern: { type: ['x'] }, targets: [] };
/** Stands in for the editor's file handler. */
const editorFiles: FallbackHandler = (_request, response) => void response.end('<!doctype html>');

let server: TestServer;
let tokenServer: TestServer;
let port: string;

const markdown = httpFlow('/alarms/markdown', [setPayload('md', 'ok')], { methods: ['POST'] });
const flows = { 'alarm-markdown': markdown };

beforeAll(async () => {
  const allowedHosts = ['flowbus.internal', '.corp.example'];
  server = await startTestServer({ flows, server: { allowedHosts, fallback: editorFiles } });
  tokenServer = await startTestServer({ flows, server: { authToken: TOKEN, fallback: editorFiles } });
  port = new URL(server.url).port;
});

afterAll(async () => {
  await server?.close();
  await tokenServer?.close();
});

const exists = (path: string) => access(path).then(() => true, () => false);

describe('the Host check without a token', () => {
  it('refuses GET /api/connections for Host evil.example (the original probe) with 421', async () => {
    const answer = await rawRequest(server.url, 'GET', '/api/connections', { host: 'evil.example:8420' });
    expect(answer.status).toBe(421);
    expect(answer.json.error.type).toBe('API:HOST_NOT_ALLOWED');
    expect(answer.json.error.message).toContain('the host "evil.example" is not served');
    const howTo = 'add it to "allowedHosts" in flowbus.config.json or to FLOWBUS_ALLOWED_HOSTS';
    expect(answer.json.error.message).toContain(howTo);
    expect(answer.text).not.toContain('connections');
  });

  it('does not write the rule of PUT /api/rules/x from a rebinding page (the original probe)', async () => {
    const evil = `evil.example:${port}`;
    const { headers, body } = jsonBody(RULE);
    const page = { ...headers, host: evil, origin: `http://${evil}` };
    const answer = await rawRequest(server.url, 'PUT', '/api/rules/x', page, body);
    expect(answer.status).toBe(421);
    expect(await exists(join(server.flowsDir, 'x.rule.json'))).toBe(false);
    expect((await server.request('/api/rules/x')).status).toBe(404);
  });

  it.each([
    ['the API', 'GET', '/api/flows'],
    ['the metrics', 'GET', '/api/metrics'],
    ['the bus API', 'GET', '/api/dead-letters'],
    ['ingest', 'POST', '/events'],
    ['the editor', 'GET', '/'],
    ['an editor asset', 'GET', '/assets/index.js'],
  ])('refuses %s for a foreign Host', async (_name, method, path) => {
    const hosts = ['evil.example', `evil.example:${port}`, `127.0.0.1.evil.example:${port}`, `10.9.8.7:${port}`];
    for (const host of hosts) {
      const answer = await rawRequest(server.url, method, path, { host });
      expect({ host, status: answer.status, type: answer.json?.error?.type }).toEqual({
        host,
        status: 421,
        type: 'API:HOST_NOT_ALLOWED',
      });
    }
  });

  it.each([
    ['127.0.0.1 with the port', () => `127.0.0.1:${port}`],
    ['localhost', () => `localhost:${port}`],
    ['another address of 127.0.0.0/8', () => '127.1.2.3'],
    ['[::1]', () => `[::1]:${port}`],
    ['an allowedHosts entry', () => `flowbus.internal:${port}`],
    ['a subdomain of a ".corp.example" entry', () => 'ci.corp.example'],
  ])('serves %s', async (_name, host) => {
    expect((await rawRequest(server.url, 'GET', '/api/flows', { host: host() })).status).toBe(200);
    expect((await rawRequest(server.url, 'GET', '/', { host: host() })).text).toBe('<!doctype html>');
  });

  it('leaves health and readiness open to probes, and HTTP triggers open to webhooks of any Host', async () => {
    const host = 'evil.example:8420';
    expect((await rawRequest(server.url, 'GET', '/api/health', { host })).json).toMatchObject({ status: 'ok' });
    expect((await rawRequest(server.url, 'GET', '/api/ready', { host })).status).toBe(200);
    const headers = { host, ...jsonBody({}).headers };
    const triggered = await rawRequest(server.url, 'POST', '/alarms/markdown', headers, '{}');
    expect([triggered.status, triggered.text]).toEqual([200, 'ok']);
  });

  it('logs the first refusal of a host once', async () => {
    await rawRequest(server.url, 'GET', '/api/flows', { host: 'once.example' });
    await rawRequest(server.url, 'GET', '/api/flows', { host: 'once.example' });
    const lines = server.logs.filter((line) => line.includes('refused a request: host once.example'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('"level":"warn"');
  });
});

describe('the Host check with a token', () => {
  const auth = { authorization: `Bearer ${TOKEN}` };

  it('serves any Host, since a page reached under a name of its own has no token to send', async () => {
    const host = 'flowbus.lan:8420';
    expect((await rawRequest(tokenServer.url, 'GET', '/api/connections', { host, ...auth })).status).toBe(200);
    expect((await rawRequest(tokenServer.url, 'GET', '/api/connections', { host })).status).toBe(401);
    expect((await rawRequest(tokenServer.url, 'GET', '/', { host })).text).toBe('<!doctype html>');
  });

  it('still refuses a browser post to ingest (which takes no token) from a rebinding page', async () => {
    const event = jsonBody({ specversion: '1.0', id: 'r-1', source: 'test', type: 'x' });
    const headers = { ...event.headers, host: 'evil.example:8420' };
    const fromPage = { ...headers, origin: 'http://evil.example:8420' };
    const page = await rawRequest(tokenServer.url, 'POST', '/events', fromPage, event.body);
    expect(page.status).toBe(403);
    expect(page.json.error.message).toContain('event ingest takes no token');
    // A producer is a server: it sends no Origin, and may know the server by any name.
    expect((await rawRequest(tokenServer.url, 'POST', '/events', headers, event.body)).status).toBe(202);
  });
});
