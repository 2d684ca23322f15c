import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecretBox, loadSecretKey, parseSecretKey, SECRET_KEY_FILE } from './crypto.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flowbus-crypto-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createSecretBox', () => {
  const box = createSecretBox(randomBytes(32));

  it('seals to a text that does not contain the secret and opens it again', () => {
    const sealed = box.seal('hunter2-password', 'shop/password');
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('hunter2');
    expect(box.open(sealed, 'shop/password')).toBe('hunter2-password');
  });

  it('uses a fresh IV each time', () => {
    expect(box.seal('same', 'c')).not.toBe(box.seal('same', 'c'));
  });

  it.each([
    ['another context', (sealed: string) => ({ sealed, context: 'other/field' })],
    ['a tampered ciphertext', (sealed: string) => ({ sealed: `${sealed.slice(0, -2)}AA`, context: 'c' })],
    ['a malformed text', () => ({ sealed: 'v1.abc', context: 'c' })],
    ['an unknown format', (sealed: string) => ({ sealed: sealed.replace(/^v1/, 'v9'), context: 'c' })],
  ])('refuses %s with CONNECTION:DECRYPT', (_name, make) => {
    const { sealed, context } = make(box.seal('secret-value', 'c'));
    expect(() => box.open(sealed, context)).toThrow(expect.objectContaining({ type: 'CONNECTION:DECRYPT' }));
  });

  it('refuses another key', () => {
    const sealed = box.seal('secret-value', 'c');
    expect(() => createSecretBox(randomBytes(32)).open(sealed, 'c')).toThrow(/not the one it was saved with/);
  });
});

describe('parseSecretKey', () => {
  const key = randomBytes(32);
  it.each([
    ['hex', key.toString('hex'), true],
    ['base64', key.toString('base64'), true],
    ['base64 with a newline', `${key.toString('base64')}\n`, true],
    ['too short', randomBytes(16).toString('base64'), false],
    ['a passphrase', 'correct horse battery staple', false],
    ['empty', '', false],
  ])('%s', (_name, text, ok) => {
    expect(parseSecretKey(text)?.equals(key) ?? false).toBe(ok);
  });
});

describe('loadSecretKey', () => {
  it('takes FLOWBUS_SECRET_KEY first', async () => {
    const key = randomBytes(32);
    const loaded = await loadSecretKey(dir, { FLOWBUS_SECRET_KEY: key.toString('hex') });
    expect(loaded.source).toBe('environment');
    expect(loaded.key.equals(key)).toBe(true);
  });

  it('rejects a bad FLOWBUS_SECRET_KEY without showing it', async () => {
    const attempt = loadSecretKey(dir, { FLOWBUS_SECRET_KEY: 'my-weak-passphrase' });
    await expect(attempt).rejects.toMatchObject({ type: 'CONFIG:INVALID' });
    await expect(attempt).rejects.not.toThrow(/my-weak-passphrase/);
  });

  it('generates a 0600 key file once and reads it back after', async () => {
    const first = await loadSecretKey(dir, {});
    expect(first.source).toBe('generated');
    expect((await stat(join(dir, SECRET_KEY_FILE))).mode & 0o777).toBe(0o600);
    const second = await loadSecretKey(dir, {});
    expect(second.source).toBe('key-file');
    expect(second.key.equals(first.key)).toBe(true);
  });

  it('tightens a key file that others can read', async () => {
    await loadSecretKey(dir, {});
    await chmod(join(dir, SECRET_KEY_FILE), 0o644);
    await loadSecretKey(dir, {});
    expect((await stat(join(dir, SECRET_KEY_FILE))).mode & 0o777).toBe(0o600);
  });

  it('refuses a broken key file instead of replacing it', async () => {
    await writeFile(join(dir, SECRET_KEY_FILE), 'not a key');
    await expect(loadSecretKey(dir, {})).rejects.toThrow(/must hold 32 bytes/);
    expect(await readFile(join(dir, SECRET_KEY_FILE), 'utf8')).toBe('not a key');
  });
});
