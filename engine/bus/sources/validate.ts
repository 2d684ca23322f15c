/**
 * @module Source file validation: the JSON Schema made from the source types, then each type's own checks;
 * every problem with its file, JSON pointer, code and what was expected.
 */
import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { ValidationIssue } from '../../core/issues.js';
import { compileCached, createCachedAjv } from '../../core/validator-cache.js';
import { issuesFromAjvErrors } from '../../json/ajv-issues.js';
import { parseJsonText } from '../../json/files.js';
import { sortByDocumentOrder } from '../../json/issue-order.js';
import { DEFAULT_BUS_ID, RESOURCE_ID_PATTERN } from '../files/format.js';
import { SOURCE_FORMAT, type SourceDocument } from './format.js';
import type { SourceTypeDefinition } from './types.js';

export const SOURCE_SCHEMA_ID = 'https://flowbus.dev/schema/source.schema.json';

/**
 * The JSON Schema of source files for the given source types (each `config` checked by its `type`).
 *
 * @example
 * await writeFile('schema/source.schema.json', JSON.stringify(generateSourceSchema(types), null, 2));
 */
export function generateSourceSchema(types: readonly SourceTypeDefinition[]): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SOURCE_SCHEMA_ID,
    title: 'flowbus source',
    description: 'A source file (flows/<id>.source.json): where a bus gets events besides POST /events.',
    type: 'object',
    required: ['format', 'name', 'type', 'config'],
    properties: {
      $schema: { type: 'string' },
      format: { const: SOURCE_FORMAT, description: `The source file format: "${SOURCE_FORMAT}".` },
      name: { type: 'string', pattern: '\\S', maxLength: 200 },
      description: { type: 'string', maxLength: 200 },
      type: { enum: types.map((definition) => definition.type), description: 'The kind of source.' },
      bus: { type: 'string', pattern: RESOURCE_ID_PATTERN.source, default: DEFAULT_BUS_ID },
      enabled: { type: 'boolean', default: true },
      config: { type: 'object' },
    },
    additionalProperties: false,
    allOf: types.map((definition) => ({
      if: { properties: { type: { const: definition.type } }, required: ['type'] },
      then: { properties: { config: definition.config } },
    })),
  };
}

// as for rule files (engine/bus/files/validate.ts): a generated schema, not checked, its validator kept
const ajv = createCachedAjv();
const validators = new WeakMap<readonly SourceTypeDefinition[], ValidateFunction>();

function validatorFor(types: readonly SourceTypeDefinition[]): ValidateFunction {
  let validator = validators.get(types);
  if (!validator) {
    const { $id: _id, ...schema } = generateSourceSchema(types);
    validators.set(types, (validator = compileCached(ajv, schema)));
  }
  return validator;
}

export interface ValidateSourceOptions {
  file?: string;
  types: readonly SourceTypeDefinition[];
  /** Ids of the buses that exist; a source on any other is an issue. */
  buses?: ReadonlySet<string>;
}

/** The parsed document when it is valid, and every issue. */
export interface SourceValidation {
  json?: unknown;
  document?: SourceDocument;
  issues: ValidationIssue[];
}

/**
 * Parses and checks the text of a source file.
 *
 * @example
 * const { document, issues } = parseSourceText(text, { file: 'flows/orders.source.json', types });
 */
export function parseSourceText(text: string, options: ValidateSourceOptions): SourceValidation {
  const parsed = parseJsonText(text, options.file);
  if (!parsed.ok) return { issues: [parsed.issue] };
  return { json: parsed.json, ...validateSource(parsed.json, options) };
}

/** Checks a parsed source file; the document comes back when there is no issue. */
export function validateSource(json: unknown, options: ValidateSourceOptions): SourceValidation {
  const validate = validatorFor(options.types);
  const issues: ValidationIssue[] = [];
  if (!validate(json)) issues.push(...issuesFromAjvErrors(validate.errors ?? [], ''));
  const document = json as SourceDocument;
  const definition = options.types.find((entry) => entry.type === document?.type);
  if (issues.length === 0 && definition?.check) {
    for (const issue of definition.check(document.config)) {
      issues.push({ ...issue, pointer: `/config${issue.pointer}` });
    }
  }
  const bus = typeof document?.bus === 'string' ? document.bus : DEFAULT_BUS_ID;
  if (options.buses && !options.buses.has(bus)) {
    const known = [...options.buses].join(', ');
    issues.push({ pointer: '/bus', code: 'unknown-bus', message: `no bus "${bus}": create flows/${bus}.bus.json or use one of ${known}` });
  }
  const sorted = sortByDocumentOrder(issues, json).map((issue) => ({ file: options.file, ...issue }));
  const withFile = options.file === undefined ? sorted.map(({ file: _file, ...rest }) => rest) : sorted;
  return withFile.length > 0 ? { issues: withFile } : { document, issues: [] };
}
