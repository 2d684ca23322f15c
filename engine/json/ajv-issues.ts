/**
 * @module Turns ajv's errors for a config object into issues that say what was expected, in the user's words.
 */
import type { ErrorObject } from 'ajv';
import { pointerSegment } from '../core/issues.js';
import type { JsonSchema } from '../core/json-schema.js';
import { closestName } from './closest-name.js';
import { describeValue } from './describe-value.js';

/** An issue found by ajv, its pointer already absolute. */
export interface SchemaIssue {
  pointer: string;
  code: 'missing-field' | 'unknown-field' | 'wrong-type' | 'invalid-value';
  message: string;
}

/** How issues show the value found: quoted (a file's literal) or by its kind only (it may hold a secret). */
export interface IssueOptions {
  values?: 'quoted' | 'kind';
}

/**
 * Maps ajv errors (from `allErrors` + `verbose`) of the value at `base` to issues. The errors of each failed
 * alternative of an `anyOf`/`oneOf` are folded into one issue, and the bookkeeping errors of the
 * expression wrappers (`if`) are dropped.
 */
export function issuesFromAjvErrors(
  errors: readonly ErrorObject[],
  base: string,
  options: IssueOptions = {},
): SchemaIssue[] {
  const shown = options.values === 'kind' ? describeValue : (value: unknown) => `value ${preview(value)}`;
  const got = options.values === 'kind' ? describeValue : preview;
  const alternatives = errors
    .filter((error) => error.keyword === 'anyOf' || error.keyword === 'oneOf')
    .map((error) => `${error.schemaPath}/`);
  const seen = new Set<string>();
  const issues: SchemaIssue[] = [];
  for (const error of errors) {
    // A bad property name is reported by its own `pattern` error, at the property.
    if (error.keyword === 'if' || error.keyword === 'propertyNames') continue;
    if (alternatives.some((prefix) => error.schemaPath.startsWith(prefix))) continue;
    const issue = toIssue(error, base, { shown, got });
    const key = `${issue.pointer}\n${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}

/** How a message names the value found: after "got", and as the subject of ajv's own message. */
interface Show {
  got(value: unknown): string;
  shown(value: unknown): string;
}

function toIssue(error: ErrorObject, base: string, { got, shown }: Show): SchemaIssue {
  const parent = (error.parentSchema ?? {}) as JsonSchema;
  if (error.propertyName !== undefined) return propertyNameIssue(error, base, parent);
  const pointer = base + error.instancePath;
  switch (error.keyword) {
    case 'required': {
      const field = String(error.params.missingProperty);
      const schema = unwrap(parent.properties?.[field]);
      const title = schema?.title ? ` (${schema.title})` : '';
      const expected = schema ? describeSchema(schema) : undefined;
      const message = `missing required field "${field}"${title}${expected ? `: expected ${expected}` : ''}`;
      return { pointer: `${pointer}/${pointerSegment(field)}`, code: 'missing-field', message };
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const field = String(error.params.additionalProperty ?? error.params.unevaluatedProperty);
      const message = unknownField(field, parent);
      return { pointer: `${pointer}/${pointerSegment(field)}`, code: 'unknown-field', message };
    }
    case 'type': {
      const orExpression = error.schemaPath.endsWith('/else/type') ? ' or an expression' : '';
      const expected = String(error.params.type).split(',').map(describeType).join(' or ');
      const message = `expected ${expected}${orExpression}, got ${got(error.data)}`;
      return { pointer, code: 'wrong-type', message };
    }
    case 'enum': {
      const allowed = (error.schema as unknown[]).map((value) => JSON.stringify(value)).join(', ');
      return invalid(pointer, `expected one of ${allowed}, got ${got(error.data)}`);
    }
    case 'const':
      return invalid(pointer, `expected ${JSON.stringify(error.schema)}, got ${got(error.data)}`);
    case 'anyOf':
    case 'oneOf': {
      const forms = (error.schema as JsonSchema[]).map(describeSchema).join(' or ');
      return invalid(pointer, `expected ${forms}, got ${got(error.data)}`);
    }
    case 'pattern':
      if (typeof parent['x-expected'] === 'string') {
        return invalid(pointer, `expected ${parent['x-expected']}, got ${got(error.data)}`);
      }
      return invalid(pointer, `${shown(error.data)} ${error.message ?? 'is not allowed'}`);
    default:
      return invalid(pointer, `${shown(error.data)} ${error.message ?? 'is not allowed'}`);
  }
}

/** A property name that its object's `propertyNames` refuses, reported at the property itself. */
function propertyNameIssue(error: ErrorObject, base: string, parent: JsonSchema): SchemaIssue {
  const name = String(error.propertyName);
  const pointer = `${base}${error.instancePath}/${pointerSegment(name)}`;
  const what = parent.title ? parent.title.toLowerCase() : 'name';
  const expected = typeof parent['x-expected'] === 'string' ? parent['x-expected'] : error.message ?? 'a valid name';
  return invalid(pointer, `invalid ${what} ${JSON.stringify(name)}: expected ${expected}`);
}

function invalid(pointer: string, message: string): SchemaIssue {
  return { pointer, code: 'invalid-value', message };
}

function unknownField(field: string, parent: JsonSchema): string {
  const allowed = Object.keys(parent.properties ?? {});
  if (allowed.length === 0) return `unknown field "${field}": no fields are allowed here`;
  const suggestion = closestName(field, allowed);
  const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
  return `unknown field "${field}"${hint}; allowed fields: ${allowed.join(', ')}`;
}

/** A field schema as the author wrote it, without the expression wrapper the validator put around it. */
function unwrap(schema: JsonSchema | undefined): JsonSchema | undefined {
  const wrapped = schema as (JsonSchema & { else?: JsonSchema }) | undefined;
  return wrapped?.else ?? schema;
}

function describeSchema(schema: JsonSchema): string {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return `one of ${schema.enum.map((value) => JSON.stringify(value)).join(', ')}`;
  if (schema.type) {
    return (Array.isArray(schema.type) ? schema.type : [schema.type]).map(describeType).join(' or ');
  }
  return schema.title ? `a ${schema.title}` : 'a value';
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

function describeType(type: string): string {
  return TYPE_NAMES[type] ?? type;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
