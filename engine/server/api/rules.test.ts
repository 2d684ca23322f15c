/**
 * @module Tests of the bus and rule API: list, read, validate, save (canonical file, applied at once),
 * delete, and the errors.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRule } from '../../bus/files/canonical.js';
import { startBusApp, type BusApp } from './testing.js';

let app: BusApp;

const rule = (pattern: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  format: 'flowbus/rule@1',
  name: 'Archive',
  pattern,
  targets: [{ id: 'archive', type: 'log-store' }],
  ...extra,
});

beforeAll(async () => {
  app = await startBusApp({
    'retail.bus.json': { format: 'flowbus/bus@1', name: 'Retail hub', storeEvents: true },
    'orders.rule.json': rule({ source: ['orders'] }, { bus: 'retail' }),
    'broken.rule.json': rule({ source: [] }),
  });
});
afterAll(() => app.close());

async function send(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${app.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

describe('bus and rule API', () => {
  it('lists the buses, the default one first-class', async () => {
    const { status, body } = await app.get('/api/buses');
    expect(status).toBe(200);
    expect(body.buses).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'default', builtin: true, rules: 0 }),
        expect.objectContaining({
          id: 'retail',
          name: 'Retail hub',
          storeEvents: true,
          file: 'retail.bus.json',
          rules: 1,
        }),
      ]),
    );
  });

  it('keeps every event of a storeEvents bus in the log store, matched by a rule or not', async () => {
    const structured = { 'content-type': 'application/cloudevents+json' };
    await app.post('/events/retail', { specversion: '1.0', id: 'st-1', source: 'orders', type: 't' }, structured);
    await app.post('/events/retail', { specversion: '1.0', id: 'st-2', source: 'stock', type: 't' }, structured);
    await app.bus.idle();
    const { body } = await app.get('/api/log-store/search?bus=retail');
    expect(body.items).toEqual([
      expect.objectContaining({ eventId: 'st-2', rules: [] }),
      expect.objectContaining({ eventId: 'st-1', rules: ['orders'] }),
    ]);
    expect(app.bus.traces.get('st-2')).toMatchObject({ matchedRules: [], targets: [{ rule: '$store' }] });
  });

  it('lists the rules with their problems, relative to the flows folder', async () => {
    const { body } = await app.get('/api/rules');
    const byId = Object.fromEntries(body.rules.map((entry: { id: string }) => [entry.id, entry]));
    expect(byId.orders).toMatchObject({
      file: 'orders.rule.json',
      bus: 'retail',
      valid: true,
      targets: [{ id: 'archive', type: 'log-store' }],
    });
    expect(byId.broken).toMatchObject({
      valid: false,
      issues: [expect.objectContaining({ file: 'broken.rule.json', pointer: '/pattern/source' })],
    });
  });

  it('reads one rule with its document, and 404s an unknown one', async () => {
    const { body } = await app.get('/api/rules/orders');
    expect(body.rule).toMatchObject({ bus: 'retail', pattern: { source: ['orders'] } });
    expect(await app.get('/api/rules/nope')).toMatchObject({
      status: 404,
      body: { error: { type: 'BUS:RULE_NOT_FOUND' } },
    });
  });

  it('validates without saving', async () => {
    expect((await send('POST', '/api/rules/validate', rule({ a: 1 }))).body).toEqual({
      valid: true,
      issues: [],
    });
    const invalid = await send(
      'POST',
      '/api/rules/validate?id=x',
      rule({ a: [{ numeric: ['>'] }] }, { bus: 'nope' }),
    );
    expect(invalid.status).toBe(200);
    expect(invalid.body.valid).toBe(false);
    expect(invalid.body.issues.map((issue: { pointer: string }) => issue.pointer)).toEqual([
      '/pattern/a/0/numeric',
      '/bus',
    ]);
  });

  it('saves a rule as a canonical file, applies it at once, then updates and deletes it', async () => {
    const document = rule({ source: ['cvm.cloud.tencent'] }, { description: 'all CVM events' });
    const created = await send('PUT', '/api/rules/cvm-archive', document);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'cvm-archive', valid: true, file: 'cvm-archive.rule.json' });
    expect(await readFile(join(app.flowsDir, 'cvm-archive.rule.json'), 'utf8')).toBe(formatRule(document));
    await app.post(
      '/events',
      { specversion: '1.0', id: 'api-1', source: 'cvm.cloud.tencent', type: 't' },
      { 'content-type': 'application/cloudevents+json' },
    );
    expect(app.bus.traces.get('api-1')?.matchedRules).toEqual(['cvm-archive']);

    const updated = await send('PUT', '/api/rules/cvm-archive', { ...document, enabled: false });
    expect(updated.status).toBe(200);
    expect(updated.body.enabled).toBe(false);
    expect((await send('DELETE', '/api/rules/cvm-archive')).status).toBe(204);
    expect((await send('DELETE', '/api/rules/cvm-archive')).status).toBe(404);
  });

  it.each([
    ['an invalid rule', 'x', rule({ source: 'x' }, { targets: [] }), 422, 'VALIDATION'],
    ['an invalid id', 'a b', rule({ a: 1 }), 400, 'API:BAD_REQUEST'],
    ['malformed JSON', 'x', '{"format":', 400, 'API:BAD_REQUEST'],
  ])('refuses to save %s', async (_name, id, body, status, type) => {
    const response = await fetch(`${app.url}/api/rules/${encodeURIComponent(id)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const answer = (await response.json()) as { error: { type: string; issues?: unknown[] } };
    expect(response.status).toBe(status);
    expect(answer.error.type).toBe(type);
    if (type === 'VALIDATION') expect(answer.error.issues).toEqual([
      expect.objectContaining({ pointer: '/targets' }),
    ]);
  });
});
