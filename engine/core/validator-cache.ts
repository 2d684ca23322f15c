/**
 * @module Compiled JSON Schema validators kept on disk between runs. Ajv's code generator, run cold, is the
 * largest part of the server's start-up (a third of a second for the rule schema alone); the code it
 * generates for a schema never changes, so it is saved once (`dist/validators/<hash>.cjs`, ajv's standalone
 * form) and loaded from there next time. The key covers ajv's version, its options and the schema, so a
 * changed schema is compiled again. Where the folder cannot be written, validators are simply compiled.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv2020, type AnySchemaObject, type ValidateFunction } from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { packageRoot } from './package-root.js';

type Standalone = (ajv: Ajv2020, validate: ValidateFunction) => string;
// the CommonJS module's default export, seen from ESM as `{ default }` or as the function itself
const standaloneCode = ((standaloneModule as { default?: Standalone }).default ??
  standaloneModule) as Standalone;

const root = packageRoot(import.meta.url);
const cacheDir = join(root, 'dist', 'validators');
const requireFromPackage = createRequire(join(root, 'package.json'));
const ajvVersion = (requireFromPackage('ajv/package.json') as { version: string }).version;

function cacheKey(ajv: Ajv2020, schema: AnySchemaObject): string {
  // the options that shape generated code are plain values; objects (code settings, the URI resolver) are
  // the same for every instance here
  const options = Object.entries(ajv.opts).filter(([, value]) => value === null || typeof value !== 'object');
  const text = JSON.stringify([ajvVersion, options, schema]);
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

function load(file: string): ValidateFunction | undefined {
  try {
    const module = { exports: {} as unknown };
    // the same code ajv.compile would have built and evaluated, read back instead of generated
    const run = new Function('require', 'module', 'exports', readFileSync(file, 'utf8'));
    run(requireFromPackage, module, module.exports);
    return typeof module.exports === 'function' ? (module.exports as ValidateFunction) : undefined;
  } catch {
    return undefined;
  }
}

function save(directory: string, file: string, code: string): void {
  try {
    mkdirSync(directory, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, code);
    renameSync(temporary, file);
  } catch {
    // a read-only install compiles every time, as it did before the cache
  }
}

/**
 * Compiles `schema` with `ajv` (created with `code: { source: true }` and no keywords defined by functions),
 * or loads the validator saved by an earlier run; `directory` is for tests.
 *
 * @example
 * const ajv = new Ajv2020({ allErrors: true, code: { source: true } });
 * const validate = compileCached(ajv, { type: 'object', required: ['id'] });
 */
export function compileCached(ajv: Ajv2020, schema: AnySchemaObject, directory = cacheDir): ValidateFunction {
  const file = join(directory, `${cacheKey(ajv, schema)}.cjs`);
  const saved = existsSync(file) ? load(file) : undefined;
  if (saved) return saved;
  const validate = ajv.compile(schema);
  save(directory, file, standaloneCode(ajv, validate));
  return validate;
}

/**
 * An ajv instance for the engine's own schemas (flow config, rule, bus and source files), set up for
 * compileCached. verbose: errors carry their parent schema, which names the allowed fields. Formats are
 * not checked: a format the engine does not know must not make a document invalid. Checking each schema
 * against the meta-schema costs a quarter of a second per schema set; compiling still rejects a broken one.
 *
 * @example
 * const validate = compileCached(createCachedAjv(), generateBusSchema());
 */
export function createCachedAjv(): Ajv2020 {
  return new Ajv2020({
    allErrors: true,
    strict: false,
    verbose: true,
    validateFormats: false,
    validateSchema: false,
    logger: false,
    code: { source: true },
  });
}
