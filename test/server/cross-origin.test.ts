/**
 * @module Cross-site request forgery (issue 10, finding 5): a state-changing request to the API or ingest
 * from another page (foreign `Origin`, `Origin: null`, `Sec-Fetch-Site: cross-site`/`same-site`, a form
 * body) is refused and changes nothing; the server's own origin, `allowedHosts` and clients that send no
 * Origin (curl, the CLI) pass; HTTP triggers are public webhooks and are not affected.
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../bus/helpers.js';
import { eventually, httpFlow, setPayload, startTestServer, type TestServer } from './helpers.js';
import { jsonBody, rawRequest } from './raw-request.js';

const rule = (type: string, url: string) => ({
  format: 'flowbus/rule@1',
  name: `to ${url}`,
  pattern: { type: [type] },
  targets: [{ id: 'hook', type: 'webhook', config: { url }, retry: { maxAttempts: 1 } }],
});

let receiver: Receiver;
let server: TestServer;
let own: string;
let deadLetterId: string;

const flows = {
  'alarm-markdown': httpFlow('/alarms/markdown', [setPayload('md', 'ok')], { methods: ['POST'] }),
  'draft': httpFlow('/draft', [setPayload('md', 'draft')]),
};

beforeAll(async () => {
  receiver = await startReceiver();
  let down = true;
  receiver.status = (request) => (request.url.pathname === '/down' && down ? 503 : 200);
  server = await startTestServer({ flows, server: { allowedHosts: ['flowbus.internal'] } });
  own = server.url;
  // Set up with header-less requests, as curl sends them: they pass.
  expect((await server.request('/api/flows/draft/unpublish', { method: 'POST' })).status).toBe(200);
  const rules = { alarms: ['cvm:ErrorEvent:InstanceReboot', '/alarm'], dead: ['test.dead', '/down'] };
  for (const [id, [type, path]] of Object.entries(rules)) {
    const { headers, body } = jsonBody(rule(type!, `${receiver.origin}${path}`));
    expect((await rawRequest(own, 'PUT', `/api/rules/${id}`, headers, body)).status).toBe(201);
  }
  const event = jsonBody({ specversion: '1.0', id: 'dead-1', source: 'test', type: 'test.dead' });
  expect((await rawRequest(own, 'POST', '/events', event.headers, event.body)).status).toBe(202);
  const letters = await eventually(async () => (await server.request('/api/dead-letters')).json.items[0], 15_000);
  deadLetterId = letters.id;
  down = false;
});

afterAll(async () => {
  await server?.close();
  await receiver?.close();
});

const exists = (path: string) => access(path).then(() => true, () => false);
const flowStatus = async (id: string) => (await server.request(`/api/flows/${id}`)).json.status;
const executions = async () =>
  (await server.request('/api/executions?flow=alarm-markdown')).json.executions.length;
const forged = { specversion: '1.0', id: 'forged-1', source: 'x', type: 'cvm:ErrorEvent:InstanceReboot' };

/** Every state-changing call of the findings, with JSON bodies where the route takes one. */
const ACTIONS: [string, string, string, unknown?][] = [
  ['unpublish', 'POST', '/api/flows/alarm-markdown/unpublish'],
  ['publish', 'POST', '/api/flows/draft/publish'],
  ['template send', 'POST', '/api/event-templates/cvm-instance-reboot/send'],
  ['dry-run', 'POST', '/api/flows/alarm-markdown/dry-run', {}],
  ['re-drive', 'POST', '/api/dead-letters/:dead/redrive'],
  ['rule save', 'PUT', '/api/rules/x', rule('x', 'http://127.0.0.1:9/x')],
  ['rule delete', 'DELETE', '/api/rules/alarms'],
  ['flow delete', 'DELETE', '/api/flows/draft'],
  ['connection create', 'POST', '/api/connections', { name: 'c', type: 'http-auth', values: {} }],
  ['ingest', 'POST', '/events', forged],
];

function send(action: (typeof ACTIONS)[number], headers: Record<string, string>) {
  const [, method, template, body] = action;
  const path = template.replace(':dead', deadLetterId);
  const json = body === undefined ? { headers: {}, body: undefined } : jsonBody(body);
  return rawRequest(own, method, path, { ...json.headers, ...headers }, json.body);
}

describe('state-changing requests from other pages', () => {
  const port = () => new URL(own).port;
  it.each([
    ['a foreign site (the original probe)', () => ({ origin: 'http://evil.example' })],
    ['another loopback port', () => ({ origin: 'http://127.0.0.1:1' })],
    ['localhost, a different origin than 127.0.0.1', () => ({ origin: `http://localhost:${port()}` })],
    ['a sandboxed frame (Origin: null)', () => ({ origin: 'null' })],
    ['a browser saying cross-site, without Origin', () => ({ 'sec-fetch-site': 'cross-site' })],
    ['a browser saying same-site, without Origin', () => ({ 'sec-fetch-site': 'same-site' })],
  ])('refuses every call from %s with 403 and a message', async (_name, headers) => {
    for (const action of ACTIONS) {
      const answer = await send(action, headers());
      expect({ action: action[0], status: answer.status, type: answer.json?.error?.type }).toEqual({
        action: action[0],
        status: 403,
        type: 'API:FOREIGN_ORIGIN',
      });
      expect(answer.json.error.message).toMatch(/^refused (POST|PUT|DELETE) \/\S+ from .*FLOWBUS_ALLOWED_HOSTS/);
    }
  });

  it('refuses a form post (text/plain, urlencoded) to the API with 415, even without an Origin', async () => {
    const path = '/api/flows/alarm-markdown/unpublish';
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=b']) {
      const answer = await rawRequest(own, 'POST', path, { 'content-type': type }, '{"a":"="}');
      expect([answer.status, answer.json.error.type]).toEqual([415, 'API:UNSUPPORTED_MEDIA_TYPE']);
    }
  });

  it('changed nothing: on disk, in publish state, in history, in the bus', async () => {
    expect(await flowStatus('alarm-markdown')).toBe('published');
    expect(await flowStatus('draft')).toBe('unpublished');
    expect(await executions()).toBe(0);
    expect(await exists(join(server.flowsDir, 'x.rule.json'))).toBe(false);
    expect(await exists(join(server.flowsDir, 'alarms.rule.json'))).toBe(true);
    expect(await exists(join(server.flowsDir, 'draft.flow.json'))).toBe(true);
    expect((await server.request('/api/connections')).json.connections).toEqual([]);
    const letters = (await server.request('/api/dead-letters')).json.items;
    expect(letters).toEqual([expect.objectContaining({ id: deadLetterId, redrives: 0 })]);
    expect(receiver.requests.filter((request) => request.url.pathname !== '/down')).toEqual([]);
    expect(receiver.requests.filter((request) => request.url.pathname === '/down')).toHaveLength(1);
  });

  it('does not touch HTTP triggers, which are public webhooks', async () => {
    const headers = { origin: 'http://evil.example', 'content-type': 'text/plain' };
    const answer = await rawRequest(own, 'POST', '/alarms/markdown', headers, 'x');
    expect([answer.status, answer.text]).toEqual([200, 'ok']);
  });
});

describe('state-changing requests that pass', () => {
  it.each([
    ['the editor on this server (same origin)', () => ({ origin: own, 'sec-fetch-site': 'same-origin' })],
    ['a page on an allowedHosts entry', () => ({ origin: 'https://flowbus.internal' })],
    ['a client that sends no Origin (curl, the CLI)', () => ({})],
  ])('pass from %s', async (_name, headers) => {
    const unpublished = await send(ACTIONS[0]!, headers());
    expect([unpublished.status, unpublished.json.status]).toEqual([200, 'unpublished']);
    const published = await rawRequest(own, 'POST', '/api/flows/alarm-markdown/publish', headers());
    expect([published.status, published.json.status]).toEqual([200, 'published']);
    const before = await executions();
    expect((await send(ACTIONS[3]!, headers())).json.status).toBe('succeeded');
    expect(await executions()).toBe(before + 1);
  });

  it('sends a template, re-drives the dead letter and saves a rule from the same origin', async () => {
    const headers = { origin: own, 'sec-fetch-site': 'same-origin' };
    expect((await send(ACTIONS[2]!, headers)).status).toBe(202);
    const alarm = () => receiver.requests.some((request) => request.url.pathname === '/alarm');
    await eventually(async () => alarm(), 15_000);
    const redriven = await send(ACTIONS[4]!, headers);
    expect([redriven.status, redriven.json.status]).toEqual([200, 'delivered']);
    expect((await send(ACTIONS[5]!, headers)).status).toBe(201);
    expect(await exists(join(server.flowsDir, 'x.rule.json'))).toBe(true);
    expect((await send(ACTIONS[9]!, headers)).status).toBe(202);
  });
});
