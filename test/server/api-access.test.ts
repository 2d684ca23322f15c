import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpFlow, json, setPayload, startTestServer, step, type TestServer } from './helpers.js';

const TOKEN = 'api-token-0123456789abcdef';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    server: { authToken: TOKEN },
    flows: {
      ping: httpFlow('/ping', [setPayload('pong', 'pong')], { methods: ['GET'] }),
      stop: httpFlow('/stop', [step('fail', 'raise-error', { errorType: 'STOP', message: 'stopped' })]),
    },
  });
});

afterAll(async () => {
  await server?.close();
});

const auth = { authorization: `Bearer ${TOKEN}` };

describe('management API access', () => {
  it.each([
    ['no token', {}],
    ['a wrong token', { authorization: `Bearer ${TOKEN}0` }],
    ['another scheme', { authorization: `Basic ${TOKEN}` }],
  ])('refuses %s with 401', async (_name, headers) => {
    const answer = await server.request('/api/flows', { headers });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="flowbus"');
    expect(answer.json.error.type).toBe('API:UNAUTHORIZED');
  });

  it('accepts the token, and leaves health and readiness open for probes', async () => {
    expect((await server.request('/api/flows', { headers: auth })).status).toBe(200);
    expect((await server.request('/api/health')).json).toMatchObject({ status: 'ok' });
    const ready = { ready: true, state: 'ready', flows: 2 };
    expect((await server.request('/api/ready')).json).toMatchObject(ready);
  });

  it.each([
    ['GET', '/api/source-types'],
    ['GET', '/api/sources'],
    ['PUT', '/api/sources/hook'],
    ['POST', '/api/sources/validate'],
    ['DELETE', '/api/sources/hook'],
  ])('asks for the token on the source route %s %s', async (method, path) => {
    const init = method === 'GET' || method === 'DELETE' ? { method } : json(method, { format: 'flowbus/source@1' });
    const answer = await server.request(path, init);
    expect(answer.status).toBe(401);
    expect(answer.json.error.type).toBe('API:UNAUTHORIZED');
    if (method === 'GET') expect((await server.request(path, { headers: auth })).status).toBe(200);
  });

  it('does not ask trigger callers for the API token', async () => {
    expect((await server.request('/ping')).text).toBe('pong');
  });

  it('exposes Prometheus metrics: executions by flow and status, steps, trigger latency', async () => {
    await server.request('/ping');
    await server.request('/stop', json('POST', {}));
    await server.request('/missing');
    const { text, headers } = await server.request('/api/metrics', { headers: auth });
    expect(headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(text).toMatch(/^flowbus_executions_total\{flow="ping",status="succeeded",trigger="http"\} [1-9]/m);
    expect(text).toMatch(/^flowbus_executions_total\{flow="stop",status="failed",trigger="http"\} 1$/m);
    const stepCount = 'flowbus_step_duration_seconds_count{flow="ping",step="pong",type="set-payload"} ';
    expect(text.split('\n').find((line) => line.startsWith(stepCount))).toMatch(/ [1-9]\d*$/);
    const failures = 'flowbus_http_trigger_requests_total{flow="stop",method="POST",status="500"} 1';
    expect(text.split('\n')).toContain(failures);
    expect(text).toMatch(/^flowbus_http_trigger_requests_total\{flow="",method="GET",status="404"\} 1$/m);
    expect(text).toMatch(/^flowbus_http_trigger_duration_seconds_bucket\{le="\+Inf",flow="ping"\} [1-9]/m);
    expect(text).toMatch(/^flowbus_flows\{status="published"\} 2$/m);
  });

  it('lists executions filtered by flow, status and time', async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    const failed = await server.request(`/api/executions?status=failed&since=${since}`, { headers: auth });
    expect(failed.json.executions.length).toBeGreaterThan(0);
    const statuses = failed.json.executions.map((item: { status: string }) => item.status);
    expect(new Set(statuses)).toEqual(new Set(['failed']));
    const ping = await server.request('/api/executions?flow=ping&limit=1', { headers: auth });
    expect(ping.json.executions).toEqual([expect.objectContaining({ flowId: 'ping', status: 'succeeded' })]);
    const future = await server.request(`/api/executions?since=${Date.now() + 60_000}`, { headers: auth });
    expect(future.json.executions).toEqual([]);
  });

  it.each([
    ['status=finished', /"status": "finished" is not one of succeeded, failed/],
    ['limit=0', /"limit": "0" is not an integer from 1 to 1000/],
    ['since=yesterday', /"since": "yesterday" is not epoch milliseconds or an ISO 8601 date/],
    ['flow=a&flow=b', /"flow" must be given once/],
  ])('refuses the execution query %s with 400', async (query, message) => {
    const answer = await server.request(`/api/executions?${query}`, { headers: auth });
    expect(answer.status).toBe(400);
    expect(answer.json.error.message).toMatch(message);
  });

  it('runs a served flow for the event bus through the same history', async () => {
    const record = await server.server.runFlow('ping', { payload: null }, { trigger: 'event' });
    expect(record).toMatchObject({ flowId: 'ping', status: 'succeeded', result: { payload: 'pong' } });
    const stored = await server.request(`/api/executions/${record.id}`, { headers: auth });
    expect(stored.json).toMatchObject({ trigger: 'event', flowVersion: expect.any(String) });
    const missing = server.server.runFlow('nope', { payload: null }, { trigger: 'event' });
    await expect(missing).rejects.toMatchObject({ type: 'FLOW:NOT_FOUND' });
  });

  it('answers an unknown execution with 404', async () => {
    expect((await server.request('/api/executions/nope', { headers: auth })).status).toBe(404);
  });
});

describe('management API: connections', () => {
  const post = (body: unknown) => server.request('/api/connections', { ...json('POST', body, auth) });

  it('lists the connection types, with http-auth', async () => {
    const types = (await server.request('/api/connection-types', { headers: auth })).json.connectionTypes;
    const httpAuth = types.find((type: { type: string }) => type.type === 'http-auth');
    expect(httpAuth.schema.properties.token['x-secret']).toBe(true);
  });

  it('creates, lists, updates and deletes a connection without ever answering a secret', async () => {
    const values = { username: 'u', password: 'p@ssw0rd!' };
    const created = await post({ name: 'crm', type: 'http-auth', values });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ values: { username: 'u' }, secretFields: ['password'] });
    const patch = { values: { token: 'tok-12345' } };
    const updated = await server.request('/api/connections/crm', json('PUT', patch, auth));
    expect(updated.json).toMatchObject({ values: { username: 'u' }, secretFields: ['password', 'token'] });
    const listed = await server.request('/api/connections', { headers: auth });
    expect(listed.json.connections).toEqual([expect.objectContaining({ name: 'crm' })]);
    expect(listed.text + created.text + updated.text).not.toMatch(/p@ssw0rd!|tok-12345/);
    const removed = await server.request('/api/connections/crm', { method: 'DELETE', headers: auth });
    expect(removed.status).toBe(204);
    expect((await server.request('/api/connections/crm', { headers: auth })).status).toBe(404);
  });

  it.each([
    ['a duplicate name', { name: 'dup', type: 'http-auth', values: {} }, 409],
    ['an unknown field', { name: 'bad1', type: 'http-auth', values: { pin: '1' } }, 422],
    ['a bad name', { name: '../x', type: 'http-auth', values: {} }, 422],
    ['no type', { name: 'bad2', values: {} }, 422],
    ['a body that is not an object', ['x'], 400],
  ])('refuses %s', async (_name, body, status) => {
    await post({ name: 'dup', type: 'http-auth', values: {} });
    expect((await post(body)).status).toBe(status);
  });
});
