import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionTypeDefinition } from '../core/connection-type.js';
import { createRedactor } from '../logging/redact.js';
import { createConnectionService, type ConnectionService } from './connections.js';
import { createSecretBox } from './crypto.js';
import { STATE_FILE_NAME } from './store-files.js';
import { openLowdbStore } from './lowdb-store.js';
import type { Store } from './types.js';

const robot: ConnectionTypeDefinition = {
  type: 'robot',
  title: 'Robot',
  description: 'A webhook robot.',
  schema: {
    type: 'object',
    properties: { webhook: { type: 'string', 'x-secret': true }, name: { type: 'string' } },
    required: ['webhook'],
    additionalProperties: false,
  },
};

let dir: string;
let store: Store;
let service: ConnectionService;
const redactor = createRedactor();
const key = randomBytes(32);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flowbus-connections-'));
  const retention = { maxPerFlow: 1, maxAgeMs: 1 };
  store = (await openLowdbStore({ dataDir: dir, retention, flushIntervalMs: 0 })).store;
  service = createConnectionService({
    store,
    box: createSecretBox(key),
    types: new Map([[robot.type, robot]]),
    redactor,
  });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const WEBHOOK = 'https://robot.example/send?key=abcdef-123456';

describe('connection service', () => {
  it('keeps secrets sealed on disk and out of what it shows', async () => {
    const created = await service.create('ops', { type: 'robot', values: { webhook: WEBHOOK, name: 'ops' } });
    expect(created).toMatchObject({ type: 'robot', values: { name: 'ops' }, secretFields: ['webhook'] });
    expect(JSON.stringify(await service.list())).not.toContain('abcdef-123456');
    expect(await readFile(join(dir, STATE_FILE_NAME), 'utf8')).not.toContain('abcdef-123456');
    expect(await service.resolver.get('ops', 'robot')).toEqual({ webhook: WEBHOOK, name: 'ops' });
  });

  it('treats every field of an unknown type as secret', async () => {
    const values = { host: 'mail.example', pass: 'p4ssw0rd' };
    const created = await service.create('mail', { type: 'smtp', values });
    expect(created.values).toEqual({});
    expect(created.secretFields).toEqual(['host', 'pass']);
    expect(await service.resolve('mail')).toEqual({ host: 'mail.example', pass: 'p4ssw0rd' });
  });

  it('feeds every secret to the redactor, and forgets deleted ones', async () => {
    await service.create('ops', { type: 'robot', values: { webhook: WEBHOOK } });
    expect(redactor.redactText(`posting to ${WEBHOOK}`)).toBe('posting to [redacted]');
    await service.remove('ops');
    expect(redactor.redactText(WEBHOOK)).toBe(WEBHOOK);
  });

  it('updates by merging: absent secrets are kept, null removes a field', async () => {
    await service.create('ops', { type: 'robot', values: { webhook: WEBHOOK, name: 'ops' } });
    const updated = await service.update('ops', { values: { name: null }, description: 'the ops group' });
    expect(updated).toMatchObject({ values: {}, secretFields: ['webhook'], description: 'the ops group' });
    expect(await service.resolve('ops')).toEqual({ webhook: WEBHOOK });
    await service.update('ops', { values: { webhook: 'https://robot.example/new-key-0000' } });
    expect(await service.resolve('ops')).toEqual({ webhook: 'https://robot.example/new-key-0000' });
  });

  it('opens secrets after a restart with the same key', async () => {
    await service.create('ops', { type: 'robot', values: { webhook: WEBHOOK } });
    const fresh = createConnectionService({ store, box: createSecretBox(key), types: new Map() });
    expect(await fresh.resolve('ops')).toEqual({ webhook: WEBHOOK });
    const otherBox = createSecretBox(randomBytes(32));
    const wrongKey = createConnectionService({ store, box: otherBox, types: new Map() });
    expect(await wrongKey.loadSecrets()).toEqual(['ops']);
    await expect(wrongKey.resolve('ops')).rejects.toMatchObject({ type: 'CONNECTION:DECRYPT' });
  });

  it.each([
    ['a bad name', 'no spaces', { type: 'robot', values: { webhook: 'x' } }, 'VALIDATION', /connection name/],
    ['a bad type', 'ok', { type: 'Robot Type', values: {} }, 'VALIDATION', /connector type/],
    ['values that are not an object', 'ok', { type: 'robot', values: [1] }, 'VALIDATION', /"values" must be/],
    ['a missing required field', 'ok', { type: 'robot', values: {} }, 'VALIDATION', /missing "webhook"/],
    ['an unknown field', 'ok', { type: 'robot', values: { webhook: 'x', hue: 1 } }, 'VALIDATION', /"hue"/],
    ['a wrong field type', 'ok', { type: 'robot', values: { webhook: 42 } }, 'VALIDATION', /must be string/],
  ])('refuses %s', async (_name, name, input, type, message) => {
    const attempt = service.create(name, input as never);
    await expect(attempt).rejects.toMatchObject({ type });
    await expect(attempt).rejects.toThrow(message);
  });

  it('refuses a duplicate, a missing connection and a type mismatch', async () => {
    await service.create('ops', { type: 'robot', values: { webhook: WEBHOOK } });
    const again = service.create('ops', { type: 'robot', values: { webhook: WEBHOOK } });
    await expect(again).rejects.toMatchObject({ type: 'CONNECTION:EXISTS' });
    await expect(service.get('nope')).rejects.toMatchObject({ type: 'CONNECTION:NOT_FOUND' });
    await expect(service.remove('nope')).rejects.toMatchObject({ type: 'CONNECTION:NOT_FOUND' });
    await expect(service.update('nope', {})).rejects.toMatchObject({ type: 'CONNECTION:NOT_FOUND' });
    await expect(service.resolver.get('ops', 'http-auth')).rejects.toMatchObject({
      type: 'CONNECTION:TYPE_MISMATCH',
    });
  });

  it('never puts a secret value into an error message', async () => {
    const values = { webhook: 12345678, extra: 'topsecret' };
    const attempt = service.create('ops', { type: 'robot', values } as never);
    await expect(attempt).rejects.not.toThrow(/12345678|topsecret/);
  });
});
