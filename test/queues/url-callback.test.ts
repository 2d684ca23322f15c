/**
 * @module The URL callback source: requests to /callbacks/<id> become events on the source's bus once
 * verified (bearer token or HMAC-SHA256 signature from an http-auth connection); bad credentials get 401.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStoryServer, waitFor, type StoryServer } from '../stories/story-server.js';

let story: StoryServer;

const callback = (config: Record<string, unknown>) => ({
  format: 'flowbus/source@1',
  name: 'SaaS webhook',
  type: 'url-callback',
  bus: 'hub',
  config,
});

beforeAll(async () => {
  story = await startStoryServer({
    targetTypes: [],
    files: {
      'hub.bus.json': { format: 'flowbus/bus@1', name: 'Hub', storeEvents: true },
      'crm-hook.source.json': callback({ auth: 'token', connection: 'crm-auth', source: 'crm.saas', type: 'crm:{method}' }),
      'shop-hook.source.json': callback({ auth: 'hmac', connection: 'shop-auth', signatureHeader: 'X-Shop-Signature' }),
      'open-hook.source.json': callback({}),
      'no-connection.source.json': callback({ auth: 'token' }),
    },
    connections: [
      { name: 'crm-auth', type: 'http-auth', values: { token: 'crm-token' } },
      { name: 'shop-auth', type: 'http-auth', values: { secret: 'shop-secret' } },
    ],
  });
});

afterAll(async () => {
  await story?.close();
  await story?.remove();
});

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`${story.server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

async function stored(id: string) {
  return waitFor(async () => {
    const { body } = await story.api('GET', '/api/log-store/search?bus=hub&limit=50');
    return body.items?.find((entry: any) => entry.event.id === id)?.event;
  }, `event ${id} in the log store`);
}

describe('URL callback source', () => {
  it('wraps a request with a right token into an event: method, path, query, headers without credentials, body', async () => {
    const response = await post('/callbacks/crm-hook?tenant=7', '{"customer":"c-1"}', {
      authorization: 'Bearer crm-token',
      'idempotency-key': 'crm-42',
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ bus: 'hub', status: 'accepted', id: 'crm-42' });
    const event = await stored('crm-42');
    expect(event).toMatchObject({ source: 'crm.saas', type: 'crm:POST', subject: '/callbacks/crm-hook' });
    expect(event.data).toMatchObject({ httpMethod: 'POST', path: '/callbacks/crm-hook', queryString: { tenant: '7' }, body: { customer: 'c-1' } });
    expect(event.data.headers.authorization).toBeUndefined();
    const again = await post('/callbacks/crm-hook', '{}', { authorization: 'Bearer crm-token', 'idempotency-key': 'crm-42' });
    expect(await again.json()).toMatchObject({ status: 'duplicate', id: 'crm-42' });
  });

  it('accepts a body signed with the HMAC secret', async () => {
    const body = '{"order":"o-9"}';
    const signature = `sha256=${createHmac('sha256', 'shop-secret').update(body).digest('hex')}`;
    const response = await post('/callbacks/shop-hook', body, { 'x-shop-signature': signature, 'x-request-id': 'shop-1' });
    expect(response.status).toBe(202);
    expect((await stored('shop-1')).data.body).toEqual({ order: 'o-9' });
  });

  it.each([
    ['no token', '/callbacks/crm-hook', {}, 401, 'CALLBACK:UNAUTHORIZED'],
    ['a wrong token', '/callbacks/crm-hook', { authorization: 'Bearer nope' }, 401, 'CALLBACK:UNAUTHORIZED'],
    ['no signature', '/callbacks/shop-hook', {}, 401, 'CALLBACK:UNAUTHORIZED'],
    ['a wrong signature', '/callbacks/shop-hook', { 'x-shop-signature': 'sha256=00' }, 401, 'CALLBACK:UNAUTHORIZED'],
    ['an unknown source', '/callbacks/nobody', {}, 404, 'CALLBACK:NOT_FOUND'],
  ])('answers a request with %s with %s', async (_name, path, headers, status, type) => {
    const response = await post(path, '{}', headers as Record<string, string>);
    expect(response.status).toBe(status);
    expect((await response.json()).error.type).toBe(type);
  });

  it('lists the sources with the file, pointer and reason of an invalid one', async () => {
    const { body } = await story.api('GET', '/api/sources');
    const byId = Object.fromEntries(body.sources.map((entry: any) => [entry.id, entry]));
    expect(byId['open-hook']).toMatchObject({ state: 'running', type: 'url-callback', bus: 'hub' });
    expect(byId['no-connection'].state).toBe('invalid');
    expect(byId['no-connection'].issues).toEqual([
      expect.objectContaining({ pointer: '/config/connection', code: 'missing-field', file: expect.stringMatching(/no-connection\.source\.json$/) }),
    ]);
  });

  it('starts a source written while the server runs, and stops it when its file is deleted', async () => {
    const { writeFile, rm } = await import('node:fs/promises');
    const file = `${story.root}/flows/late-hook.source.json`;
    await writeFile(file, JSON.stringify(callback({})));
    await waitFor(async () => (await post('/callbacks/late-hook', '{}')).status === 202, 'the new source', 15_000);
    await rm(file);
    await waitFor(async () => (await post('/callbacks/late-hook', '{}')).status === 404, 'the source gone', 15_000);
  });
});
