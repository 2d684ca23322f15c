/**
 * @module Compiled ajv validators for step and branch config schemas: of a file's config (literals and
 * expressions), compiled once per registry, and of a config once its expressions are evaluated.
 */
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import type { JsonSchema } from '../core/json-schema.js';
import type { Registry } from '../core/registry.js';
import { compileCached, createCachedAjv } from '../core/validator-cache.js';
import { mapExpressionPositions } from './config-schema.js';

/** A compiled config check, or why the definition's schema could not be compiled. */
export type ConfigValidator = { validate: ValidateFunction } | { compileError: string };

/**
 * What `isExpressionValue` accepts, in JSON Schema: an object whose one key is `$expr` or `$template`, with a
 * string value. Plain schema rather than a keyword with a function, so that the validator can be saved and
 * read back (compileCached), and an expression can stand in for a literal.
 */
const EXPRESSION_SCHEMA: JsonSchema = {
  type: 'object',
  minProperties: 1,
  maxProperties: 1,
  anyOf: [
    { required: ['$expr'], properties: { $expr: { type: 'string' } } },
    { required: ['$template'], properties: { $template: { type: 'string' } } },
  ],
};

interface RegistryValidators {
  ajv: Ajv2020;
  bySchema: WeakMap<JsonSchema, ConfigValidator>;
}

const cache = new WeakMap<Registry, RegistryValidators>();

/**
 * The validator of one config schema (a definition's `config` or a scope's `branchConfig`) of `registry`.
 * Literal values are checked against the schema; an expression at a position that accepts one is skipped
 * (its syntax is checked elsewhere), so it never shows up as a wrong type.
 */
export function configValidator(registry: Registry, schema: JsonSchema): ConfigValidator {
  let entry = cache.get(registry);
  if (!entry) {
    entry = { ajv: createCachedAjv(), bySchema: new WeakMap() };
    cache.set(registry, entry);
  }
  let validator = entry.bySchema.get(schema);
  if (!validator) {
    validator = compile(entry.ajv, schema);
    entry.bySchema.set(schema, validator);
  }
  return validator;
}

/** One ajv for evaluated configs: they hold no expressions, so the schema is used as the author wrote it. */
let evaluatedAjv: Ajv2020 | undefined;
const evaluatedValidators = new WeakMap<JsonSchema, ConfigValidator>();

/**
 * The validator of a config after its expressions are evaluated: the values `execute` will receive, checked
 * against the schema itself (an expression may have given a value of the wrong type).
 */
export function evaluatedConfigValidator(schema: JsonSchema): ConfigValidator {
  let validator = evaluatedValidators.get(schema);
  if (!validator) {
    evaluatedAjv ??= createCachedAjv();
    try {
      validator = { validate: compileCached(evaluatedAjv, schema) };
    } catch (error) {
      validator = { compileError: error instanceof Error ? error.message : String(error) };
    }
    evaluatedValidators.set(schema, validator);
  }
  return validator;
}

function compile(ajv: Ajv2020, schema: JsonSchema): ConfigValidator {
  const literalCheck = mapExpressionPositions(
    schema,
    (field): JsonSchema => ({ if: EXPRESSION_SCHEMA, then: true, else: field }),
  );
  try {
    return { validate: compileCached(ajv, literalCheck) };
  } catch (error) {
    return { compileError: error instanceof Error ? error.message : String(error) };
  }
}
