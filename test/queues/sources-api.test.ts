/**
 * @module The sources through the API on a real server: save (canonical file, running at once, without the
 * watcher), read back, validate, delete, the source types with their config schemas, and bad input answered
 * with every issue's file and pointer.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSource } from '../../engine/bus/sources/index.js';
import { startStoryServer, waitFor, type StoryServer } from '../stories/story-server.js';

let story: StoryServer;

const callback = (config: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  format: 'flowbus/source@1',
  name: 'Shop webhook',
  type: 'url-callback',
  bus: 'hub',
  config,
  ...extra,
});

beforeAll(async () => {
  story = await startStoryServer({
    targetTypes: [],
    files: { 'hub.bus.json': { format: 'flowbus/bus@1', name: 'Hub', storeEvents: true } },
    connections: [{ name: 'shop-auth', type: 'http-auth', values: { token: 'shop-token' } }],
  });
});

afterAll(async () => {
  await story?.close();
  await story?.remove();
});

describe('PUT /api/sources/{id}', () => {
  it('writes the canonical file, starts the source at once and answers 201, then 200', async () => {
    const document = callback({ type: 'shop:{method}', source: 'shop.saas' });
    const created = await story.api('PUT', '/api/sources/shop', document);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'shop', file: 'flows/shop.source.json', type: 'url-callback', bus: 'hub', issues: [] });
    expect(['running', 'connecting']).toContain(created.body.state);
    expect(created.body.source).toEqual(document);
    const text = await readFile(join(story.root, 'flows', 'shop.source.json'), 'utf8');
    expect(text).toBe(formatSource(document));
    const posted = await fetch(`${story.server.url}/callbacks/shop`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'api-saved-1' },
      body: '{"order":"o-1"}',
    });
    expect(posted.status).toBe(202);
    const again = await story.api('PUT', '/api/sources/shop', { ...document, name: 'Shop hook' });
    expect(again.status).toBe(200);
    expect(again.body.name).toBe('Shop hook');
    const listed = await story.api('GET', '/api/sources');
    expect(listed.body.sources.map((source: { id: string }) => source.id)).toEqual(['shop']);
    const { status, body } = await story.api('GET', '/api/sources/shop');
    expect(status).toBe(200);
    expect(body.source).toMatchObject({ name: 'Shop hook', config: { source: 'shop.saas' } });
    await waitFor(async () => (await story.api('GET', '/api/sources/shop')).body.state === 'running', 'running');
  });

  it.each([
    ['an unknown type', callback({}, { type: 'kafka' }), [{ pointer: '/type' }]],
    ['a missing name and format', { type: 'url-callback', config: {} }, [{ pointer: '/format' }, { pointer: '/name' }]],
    ['an unknown config field', callback({ queue: 'x' }), [{ pointer: '/config/queue', code: 'unknown-field' }]],
    ['a bad enum value', callback({ auth: 'basic' }), [{ pointer: '/config/auth' }]],
    ['token auth without a connection', callback({ auth: 'token' }), [{ pointer: '/config/connection', code: 'missing-field' }]],
    ['an unknown bus', callback({}, { bus: 'nowhere' }), [{ pointer: '/bus', code: 'unknown-bus' }]],
    ['a body that is not an object', [1, 2], [{ pointer: '' }]],
  ])('refuses %s with 422, the file and the pointer, and writes nothing', async (_name, body, expected) => {
    const { status, body: answer } = await story.api('PUT', '/api/sources/bad', body);
    expect(status).toBe(422);
    expect(answer.error.type).toBe('VALIDATION');
    for (const issue of expected) {
      expect(answer.error.issues).toContainEqual(expect.objectContaining({ ...issue, file: 'flows/bad.source.json' }));
    }
    await expect(readFile(join(story.root, 'flows', 'bad.source.json'), 'utf8')).rejects.toThrow(/ENOENT/);
    expect((await story.api('GET', '/api/sources/bad')).status).toBe(404);
  });

  it('refuses an id that cannot be a file name with 400', async () => {
    const { status, body } = await story.api('PUT', `/api/sources/${encodeURIComponent('../x')}`, callback());
    expect(status).toBe(400);
    expect(body.error.type).toBe('API:BAD_REQUEST');
  });
});

describe('the API guard', () => {
  it('refuses a save and a delete from another page (foreign Origin) and writes nothing', async () => {
    const init = (method: string) => ({
      method,
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: method === 'PUT' ? JSON.stringify(callback()) : undefined,
    });
    const put = await fetch(`${story.server.url}/api/sources/evil`, init('PUT'));
    expect(put.status).toBe(403);
    expect((await put.json()).error.type).toBe('API:FOREIGN_ORIGIN');
    await expect(readFile(join(story.root, 'flows', 'evil.source.json'), 'utf8')).rejects.toThrow(/ENOENT/);
    expect((await fetch(`${story.server.url}/api/sources/shop`, init('DELETE'))).status).toBe(403);
    expect((await story.api('GET', '/api/sources/shop')).status).toBe(200);
  });
});

describe('POST /api/sources/validate', () => {
  it('answers valid for a good document and every issue for a bad one, saving nothing', async () => {
    const good = await story.api('POST', '/api/sources/validate?id=probe', callback({ auth: 'token', connection: 'shop-auth' }));
    expect(good).toEqual({ status: 200, body: { valid: true, issues: [] } });
    const bad = await story.api('POST', '/api/sources/validate?id=probe', callback({ auth: 'basic', maxBodyBytes: 0 }));
    expect(bad.body.valid).toBe(false);
    const pointers = bad.body.issues.map((issue: { pointer: string }) => issue.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/config/auth', '/config/maxBodyBytes']));
    expect(bad.body.issues[0].file).toBe('flows/probe.source.json');
    expect((await story.api('GET', '/api/sources/probe')).status).toBe(404);
  });
});

describe('GET /api/source-types', () => {
  it('lists each type with its title, description and config schema', async () => {
    const { status, body } = await story.api('GET', '/api/source-types');
    expect(status).toBe(200);
    const callbackType = body.types.find((type: { type: string }) => type.type === 'url-callback');
    expect(callbackType).toMatchObject({ title: expect.any(String), description: expect.any(String) });
    expect(callbackType.config.properties.auth.enum).toEqual(['none', 'token', 'hmac']);
    expect(callbackType.config.properties.connection['x-connection']).toBe('http-auth');
  });
});

describe('DELETE /api/sources/{id}', () => {
  it('stops the source, deletes its file, and answers 404 the second time', async () => {
    expect((await story.api('DELETE', '/api/sources/shop')).status).toBe(204);
    await expect(readFile(join(story.root, 'flows', 'shop.source.json'), 'utf8')).rejects.toThrow(/ENOENT/);
    const posted = await fetch(`${story.server.url}/callbacks/shop`, { method: 'POST', body: '{}' });
    expect(posted.status).toBe(404);
    expect((await story.api('DELETE', '/api/sources/shop')).status).toBe(404);
    expect((await story.api('GET', '/api/sources')).body.sources).toEqual([]);
  });
});
