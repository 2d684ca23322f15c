/**
 * @module Tests of target configs checked beyond their schema: a message-push target with a time zone this
 * runtime does not know is refused at save (PUT /api/rules) and reported at rule load, at its pointer, before
 * any notification is due; and `GET /api/target-types` publishes each type's schema and marks.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessagePushTarget } from '../../../notifications/index.js';
import { startBusApp, type BusApp } from './testing.js';

let app: BusApp;

const pushRule = (timeZone: string, template: Record<string, string> = {}) => ({
  format: 'flowbus/rule@1',
  name: 'Notify ops',
  pattern: { source: ['cvm.cloud.tencent'] },
  targets: [
    {
      id: 'notify',
      type: 'message-push',
      config: {
        receivers: [{ channels: ['email'], email: { connection: 'smtp', to: ['ops@example.com'] } }],
        timeZone,
        template,
      },
    },
  ],
});

beforeAll(async () => {
  app = await startBusApp(
    { 'loaded-bad-zone.rule.json': pushRule('Mars/Olympus_Mons') },
    { targetTypes: [createMessagePushTarget({ steps: [] })] },
  );
});
afterAll(() => app.close());

async function put(path: string, body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${app.url}${path}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe('target configs checked at save and at load', () => {
  it('refuses a message-push rule with an unknown time zone at save, at /targets/0/config/timeZone', async () => {
    const { status, body } = await put('/api/rules/bad-zone', pushRule('Europe/Atlantis'));
    expect(status).toBe(422);
    expect(body.error.issues).toEqual([
      expect.objectContaining({
        file: 'bad-zone.rule.json',
        pointer: '/targets/0/config/timeZone',
        code: 'unknown-time-zone',
        message: expect.stringContaining('"Europe/Atlantis"'),
      }),
    ]);
    await expect(stat(join(app.flowsDir, 'bad-zone.rule.json'))).rejects.toThrow(/ENOENT/);
  });

  it('refuses a template hole that does not compile, at its field', async () => {
    const { status, body } = await put('/api/rules/bad-template', pushRule('Asia/Shanghai', { subject: '{{ product ( }}' }));
    expect(status).toBe(422);
    expect(body.error.issues).toEqual([
      expect.objectContaining({ pointer: '/targets/0/config/template/subject', code: 'expression-syntax' }),
    ]);
  });

  it('saves the same rule with a known time zone', async () => {
    const { status } = await put('/api/rules/good-zone', pushRule('Europe/Berlin'));
    expect(status).toBe(201);
    const text = await readFile(join(app.flowsDir, 'good-zone.rule.json'), 'utf8');
    expect(JSON.parse(text).targets[0].config.timeZone).toBe('Europe/Berlin');
  });

  it('reports a rule file with an unknown time zone at load, with its file, and does not run it', async () => {
    const { body } = await app.get('/api/rules/loaded-bad-zone');
    expect(body.valid).toBe(false);
    expect(body.issues).toEqual([
      expect.objectContaining({
        file: 'loaded-bad-zone.rule.json',
        pointer: '/targets/0/config/timeZone',
        code: 'unknown-time-zone',
      }),
    ]);
  });

  it('checks a webhook URL that the schema lets through but that does not parse', async () => {
    const rule = {
      format: 'flowbus/rule@1',
      name: 'Callback',
      pattern: { source: ['shop'] },
      targets: [{ id: 'hook', type: 'webhook', config: { url: 'https://exa mple.com/hook' } }],
    };
    const { body } = await app.post('/api/rules/validate', rule);
    expect(body.issues).toEqual([expect.objectContaining({ pointer: '/targets/0/config/url', code: 'invalid-url' })]);
  });
});

describe('GET /api/target-types', () => {
  it('lists every type with its config schema, its template fields and whether rule load probes it', async () => {
    const { status, body } = await app.get('/api/target-types');
    expect(status).toBe(200);
    const types = new Map(body.types.map((type: { type: string }) => [type.type, type]));
    expect([...types.keys()]).toEqual(['flow', 'webhook', 'log-store', 'message-push']);
    expect(types.get('webhook')).toMatchObject({ title: 'Webhook', batching: true, secrets: [], probed: false });
    expect(types.get('webhook')).toHaveProperty('config.required', ['url']);
    expect(types.get('message-push')).toMatchObject({
      expressions: expect.arrayContaining([{ pointer: '/template/subject', syntax: 'jsonata' }]),
    });
    expect(types.get('message-push')).toHaveProperty('config.properties.timeZone.default', 'Asia/Shanghai');
  });

  it('answers one type, and 404 for an unknown one', async () => {
    expect((await app.get('/api/target-types/log-store')).body).toMatchObject({ type: 'log-store' });
    const unknown = await app.get('/api/target-types/fax');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('no target type "fax"');
  });
});
