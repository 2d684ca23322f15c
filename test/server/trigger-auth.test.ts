import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistry } from '../../engine/core/registry.js';
import { defineStep } from '../../engine/core/step-definition.js';
import { builtinSteps } from '../../engine/steps/index.js';
import { readHistoryRecords } from './history-files.js';
import { httpFlow, json, startTestServer, type TestServer } from './helpers.js';

const SECRETS = {
  password: 'pa55-word-basic',
  token: 'tok-3f9a1c2b7d',
  secret: 'hmac-signing-secret-77',
};

/** A step that misbehaves on purpose: it copies a secret into the message and the log. */
const leakyStep = defineStep<{ connection: string }>({
  type: 'leaky',
  title: 'Leaky',
  category: 'connector',
  kind: 'action',
  description: 'Test step that copies a connection secret into vars and the log.',
  config: { type: 'object', properties: { connection: { type: 'string' } }, required: ['connection'] },
  async execute({ config, connections, logger, message }) {
    const values = await connections.get(config.connection, 'http-auth');
    logger.log('INFO', 'leak', `the token is ${values.token as string}`);
    return { vars: { ...message.vars, token: values.token } };
  },
});

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    server: { registry: createRegistry([...builtinSteps, leakyStep]) },
    flows: {
      basic: httpFlow('/basic', [], { auth: { type: 'basic', connection: 'shop-basic' } }),
      bearer: httpFlow('/bearer', [], { auth: { type: 'bearer', connection: 'shop-token' } }),
      hmac: httpFlow('/hmac', [], {
        auth: { type: 'hmac', connection: 'shop-hmac', header: 'X-Hub-Signature-256' },
      }),
      orphan: httpFlow('/orphan', [], { auth: { type: 'bearer', connection: 'missing' } }),
      denied: httpFlow('/denied', [], { ipAllowList: ['10.0.0.0/8', '2001:db8::/32'] }),
      allowed: httpFlow('/allowed', [], { ipAllowList: ['10.0.0.0/8', '127.0.0.1'] }),
      leaky: httpFlow('/leaky', [{ id: 'leak', type: 'leaky', config: { connection: 'shop-token' } }]),
    },
  });
  const create = (name: string, values: Record<string, string>) =>
    server.request('/api/connections', json('POST', { name, type: 'http-auth', values }));
  for (const [name, values] of [
    ['shop-basic', { username: 'shop', password: SECRETS.password }],
    ['shop-token', { token: SECRETS.token }],
    ['shop-hmac', { secret: SECRETS.secret }],
  ] as const) {
    expect((await create(name, values)).status).toBe(201);
  }
});

afterAll(async () => {
  await server?.close();
});

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const post = (path: string, headers: Record<string, string>, body = '{"order":1}') =>
  server.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
const sign = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('hex');
const REFUSED = { error: { type: 'HTTP:UNAUTHORIZED', message: 'authentication failed' } };

describe('trigger authentication', () => {
  it('accepts the right Basic credentials', async () => {
    expect((await post('/basic', { authorization: basic('shop', SECRETS.password) })).status).toBe(200);
  });

  it.each([
    ['a wrong password', { authorization: basic('shop', 'guess') }],
    ['a wrong user', { authorization: basic('admin', SECRETS.password) }],
    ['no header', {}],
    ['a bearer token', { authorization: `Bearer ${SECRETS.token}` }],
  ])('refuses Basic with %s, with the same answer', async (_name, headers) => {
    const answer = await post('/basic', headers);
    expect([answer.status, answer.json]).toEqual([401, REFUSED]);
    expect(answer.headers.get('www-authenticate')).toMatch(/^Basic realm="flowbus"/);
    expect(answer.headers.get('x-flowbus-execution')).toBeNull();
  });

  it('accepts the right bearer token and refuses others the same way', async () => {
    expect((await post('/bearer', { authorization: `Bearer ${SECRETS.token}` })).status).toBe(200);
    for (const header of [`Bearer ${SECRETS.token}x`, 'Bearer ', basic('shop', SECRETS.password)]) {
      const answer = await post('/bearer', { authorization: header });
      expect([answer.status, answer.json]).toEqual([401, REFUSED]);
    }
  });

  it('accepts an HMAC-SHA256 signature of the raw body, with or without the sha256= prefix', async () => {
    const body = '{"order": 2}';
    const signature = createHmac('sha256', SECRETS.secret).update(body).digest('hex');
    expect((await post('/hmac', { 'x-hub-signature-256': signature }, body)).status).toBe(200);
    const prefixed = { 'x-hub-signature-256': `sha256=${signature.toUpperCase()}` };
    expect((await post('/hmac', prefixed, body)).status).toBe(200);
  });

  it.each([
    ['another body', (signature: string) => ({ 'x-hub-signature-256': signature }), '{"order": 3}'],
    ['a wrong secret', () => ({ 'x-hub-signature-256': sign('x', '{}') }), '{}'],
    ['no signature', () => ({}), '{"order": 2}'],
  ])('refuses an HMAC signature of %s', async (_name, headers, body) => {
    const signature = createHmac('sha256', SECRETS.secret).update('{"order": 2}').digest('hex');
    const answer = await post('/hmac', headers(signature), body);
    expect([answer.status, answer.json]).toEqual([401, REFUSED]);
  });

  it('refuses every request when the auth connection is missing, and logs why', async () => {
    const answer = await post('/orphan', { authorization: 'Bearer anything' });
    expect([answer.status, answer.json]).toEqual([401, REFUSED]);
    expect(server.logs.some((line) => line.includes('trigger auth connection is unusable'))).toBe(true);
  });

  it('answers 403 to callers outside the IP allow-list and serves those inside', async () => {
    const denied = await post('/denied', {});
    const forbidden = { error: { type: 'HTTP:FORBIDDEN', message: 'forbidden' } };
    expect([denied.status, denied.json]).toEqual([403, forbidden]);
    expect((await post('/allowed', {})).status).toBe(200);
  });
});

describe('connection secrets', () => {
  it('never appear in an API answer, a log line, a trace or the data file', async () => {
    await post('/basic', { authorization: basic('shop', SECRETS.password) });
    const leaky = await post('/leaky', {});
    expect(leaky.status).toBe(200);
    const trace = await server.request(`/api/executions/${leaky.headers.get('x-flowbus-execution')}`);
    expect(trace.json.steps[0].output.vars.token).toBe('[redacted]');
    expect(server.logs.some((line) => line.includes('the token is [redacted]'))).toBe(true);

    const answers = [
      await server.request('/api/connections'),
      await server.request('/api/connections/shop-basic'),
      await server.request('/api/connections/shop-token'),
      await server.request('/api/connection-types'),
      await server.request('/api/executions?limit=1000'),
      await server.request('/api/flows'),
    ];
    const listed = answers[4]!.json.executions as Array<{ id: string }>;
    for (const { id } of listed) answers.push(await server.request(`/api/executions/${id}`));
    await server.server.close();
    const dataFile = [
      await readFile(join(server.dataDir, 'flowbus-store.json'), 'utf8'),
      JSON.stringify(await readHistoryRecords(server.dataDir)),
    ].join('\n');
    const everything = [...answers.map((answer) => answer.text), ...server.logs, dataFile].join('\n');
    for (const secret of Object.values(SECRETS)) expect(everything).not.toContain(secret);
    expect(everything).not.toContain(Buffer.from(`shop:${SECRETS.password}`).toString('base64'));
    expect(answers[1]!.json).toMatchObject({ values: { username: 'shop' }, secretFields: ['password'] });
  });
});
