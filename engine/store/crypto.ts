/**
 * @module Secrets at rest: the AES-256-GCM key (from the environment or a 0600 key file) and sealing values.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FlowbusError } from '../core/errors.js';

/** The environment variable that holds the key (32 bytes, hex or base64). */
export const SECRET_KEY_ENV = 'FLOWBUS_SECRET_KEY';

/** The key file generated in the data folder when the environment has no key. */
export const SECRET_KEY_FILE = 'secret.key';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const FORMAT = 'v1';

/** Where the key came from; the key itself is never logged. */
export type SecretKeySource = 'environment' | 'key-file' | 'generated';

/** Parses a key written as 64 hex characters or as base64 of 32 bytes; undefined when it is neither. */
export function parseSecretKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return undefined;
  const bytes = Buffer.from(trimmed, 'base64');
  return bytes.length === KEY_BYTES ? bytes : undefined;
}

/**
 * Loads the key from `FLOWBUS_SECRET_KEY`, else from `<dataDir>/secret.key`, else generates that file
 * (mode 0600). A bad key is an error, never replaced: a new key could not open the secrets already stored.
 */
export async function loadSecretKey(
  dataDir: string,
  env: Record<string, string | undefined>,
): Promise<{ key: Buffer; source: SecretKeySource; file?: string }> {
  const fromEnv = env[SECRET_KEY_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    const key = parseSecretKey(fromEnv);
    if (!key) {
      throw new FlowbusError(
        'CONFIG:INVALID',
        `environment variable ${SECRET_KEY_ENV}: must be 32 bytes written as 64 hex characters or base64 ` +
          '(e.g. the output of `openssl rand -base64 32`)',
      );
    }
    return { key, source: 'environment' };
  }
  const file = join(dataDir, SECRET_KEY_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (thrown) {
    if ((thrown as NodeJS.ErrnoException).code !== 'ENOENT') throw thrown;
    const key = randomBytes(KEY_BYTES);
    await writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    return { key, source: 'generated', file };
  }
  const key = parseSecretKey(text);
  if (!key) {
    const message = `key file ${file}: must hold 32 bytes as 64 hex characters or base64`;
    throw new FlowbusError('CONFIG:INVALID', message);
  }
  // Others must not read it, whatever umask or copy made it readable.
  if (((await stat(file)).mode & 0o077) !== 0) await chmod(file, 0o600);
  return { key, source: 'key-file', file };
}

/** Seals and opens secret strings; `context` binds a sealed value to its place (connection and field). */
export interface SecretBox {
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string;
}

/**
 * AES-256-GCM with a random 96-bit IV per value: `v1.<iv>.<tag>.<ciphertext>` in base64url.
 *
 * @example
 * const box = createSecretBox(key);
 * box.open(box.seal('hunter2', 'shop/password'), 'shop/password'); // 'hunter2'
 */
export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== KEY_BYTES) throw new TypeError(`the secret key must be ${KEY_BYTES} bytes`);
  return {
    seal(plain, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const encrypted = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), encrypted].map((part) => part.toString('base64url'));
      return [FORMAT, ...parts].join('.');
    },
    open(sealed, context) {
      const [format, iv, tag, encrypted] = sealed.split('.');
      if (format !== FORMAT || iv === undefined || tag === undefined || encrypted === undefined) {
        throw new FlowbusError('CONNECTION:DECRYPT', `a sealed secret of ${context} is malformed`);
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        const plain = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64url')), decipher.final()]);
        return plain.toString('utf8');
      } catch {
        throw new FlowbusError(
          'CONNECTION:DECRYPT',
          `cannot decrypt a secret of ${context}: the secret key is not the one it was saved with`,
        );
      }
    },
  };
}
