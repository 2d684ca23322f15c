/**
 * @module Tests of the on-disk validator cache: a validator read back behaves as the compiled one, errors
 * included, a changed schema is compiled anew, and a folder that cannot be written only costs the cache.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { compileCached, createCachedAjv } from './validator-cache.js';

const options = { allErrors: true, strict: false, verbose: true, validateFormats: false, logger: false } as const;
const newAjv = () => new Ajv2020({ ...options, code: { source: true } });

const schema = {
  type: 'object',
  required: ['id', 'targets'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', maxLength: 8 },
    targets: { type: 'array', minItems: 1, items: { enum: ['webhook', 'queue'] } },
    retries: { type: 'integer', minimum: 0 },
  },
};
const documents: unknown[] = [
  { id: 'ok', targets: ['webhook'] },
  { id: 'Bad Id', targets: [], extra: 1 },
  { targets: ['mail'], retries: -1.5 },
  'not an object',
];

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'flowbus-validators-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

function outcomes(validate: ReturnType<typeof compileCached>) {
  return documents.map((document) => ({ valid: validate(document), errors: validate.errors ?? null }));
}

it('saves the compiled validator and reads it back with the same results and errors', async () => {
  const compiled = compileCached(newAjv(), schema, directory);
  const files = await readdir(directory);
  expect(files).toHaveLength(1);
  const loaded = compileCached(newAjv(), schema, directory);
  expect(loaded).not.toBe(compiled);
  const expected = outcomes(newAjv().compile(schema));
  expect(expected.map((outcome) => outcome.valid)).toEqual([true, false, false, false]);
  expect(outcomes(compiled)).toEqual(expected);
  expect(outcomes(loaded)).toEqual(expected);
});

it('uses the saved code, and compiles a changed schema anew', async () => {
  compileCached(newAjv(), schema, directory);
  const [file] = await readdir(directory);
  // a saved validator that rejects everything shows that the file is what runs
  await writeFile(join(directory, file!), 'module.exports = function validate() { return false; };');
  expect(compileCached(newAjv(), schema, directory)({ id: 'ok', targets: ['webhook'] })).toBe(false);
  const changed = { ...schema, required: ['id'] };
  expect(compileCached(newAjv(), changed, directory)({ id: 'ok' })).toBe(true);
  expect(await readdir(directory)).toHaveLength(2);
});

it('compiles every time where the folder cannot be written', async () => {
  const blocked = join(directory, 'a-file');
  await writeFile(blocked, '');
  const validate = compileCached(newAjv(), schema, join(blocked, 'validators'));
  expect(outcomes(validate)).toEqual(outcomes(newAjv().compile(schema)));
});

it('gives an ajv whose validators report every error with its schema and skip unknown formats', async () => {
  const validate = compileCached(createCachedAjv(), schema, directory);
  expect(await readdir(directory)).toHaveLength(1);
  expect(validate({ id: 'Bad Id', targets: [], extra: 1 })).toBe(false);
  expect(validate.errors?.map((error) => error.keyword).sort()).toEqual(['additionalProperties', 'minItems', 'pattern']);
  expect(validate.errors?.every((error) => error.parentSchema !== undefined)).toBe(true);
  const withFormat = compileCached(createCachedAjv(), { type: 'string', format: 'no-such-format' }, directory);
  expect(withFormat('anything')).toBe(true);
});
