/**
 * @module Checks an environment file: every problem with its pointer, including a secret written in clear.
 */
import type { ConnectionTypeDefinition } from '../core/connection-type.js';
import { joinPointer, type ValidationIssue } from '../core/issues.js';
import { CONFIG_FIELDS } from '../config/fields.js';
import { ENVIRONMENT_FORMAT, ENVIRONMENT_ROOT_KEYS, isSecretReference } from './format.js';

const LIMIT_KEYS = CONFIG_FIELDS.filter((field) => field.key.startsWith('limits.')).map((field) => field.key.slice(7));
const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SECRET_RULE = 'a reference {"$secret": "ENV_VAR_NAME"} (letters, digits and "_")';

/**
 * Every problem of a parsed environment file. Connection types are checked against `types` when given: a
 * known type, its required fields, and its `x-secret` fields given only as `{"$secret": ...}` references.
 *
 * @example
 * validateEnvironment(JSON.parse(text), { file: 'flows/environments/production.env.json', types });
 */
export function validateEnvironment(
  json: unknown,
  options: { file?: string; types?: ReadonlyMap<string, ConnectionTypeDefinition> } = {},
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (pointer: string, code: string, message: string) =>
    issues.push({ ...(options.file === undefined ? {} : { file: options.file }), pointer, code, message });
  if (!isObject(json)) {
    add('', 'wrong-type', 'an environment file must hold a JSON object {"format", "name", "connections", ...}');
    return issues;
  }
  if (json.format !== ENVIRONMENT_FORMAT) add('/format', 'unsupported-format', `"format" must be "${ENVIRONMENT_FORMAT}", got ${JSON.stringify(json.format)}`);
  if (typeof json.name !== 'string' || json.name.trim() === '') add('/name', 'missing-field', `"name" must be the environment's title`);
  for (const key of Object.keys(json)) {
    if (!(ENVIRONMENT_ROOT_KEYS as readonly string[]).includes(key)) add(`/${key}`, 'unknown-key', `unknown key "${key}"; allowed keys: ${ENVIRONMENT_ROOT_KEYS.join(', ')}`);
  }
  eachEntry(json.connections, '/connections', 'connection configs by name', add, (name, value, pointer) => checkConnection(name, value, pointer, options.types, add));
  eachEntry(json.variables, '/variables', 'variables by name', add, (_name, value, pointer) => {
    if (typeof value === 'string') return;
    if (isSecretReference(value)) return checkSecretName(value.$secret, joinPointer(pointer, '$secret'), add);
    add(pointer, 'wrong-type', `a variable must be a text or ${SECRET_RULE}, got ${JSON.stringify(value)}`);
  });
  eachEntry(json.rules, '/rules', 'rule switches by rule id', add, (_name, value, pointer) => {
    if (!isObject(value) || typeof value.enabled !== 'boolean' || Object.keys(value).length !== 1) {
      add(pointer, 'wrong-type', `a rule switch must be {"enabled": true} or {"enabled": false}`);
    }
  });
  eachEntry(json.limits, '/limits', 'limits', add, (name, _value, pointer) => {
    if (!LIMIT_KEYS.includes(name)) add(pointer, 'unknown-key', `unknown limit "${name}"; known limits: ${LIMIT_KEYS.join(', ')}`);
  });
  return issues;
}

type Add = (pointer: string, code: string, message: string) => void;

function eachEntry(value: unknown, pointer: string, what: string, add: Add, check: (name: string, item: unknown, pointer: string) => void): void {
  if (value === undefined) return;
  if (!isObject(value)) return add(pointer, 'wrong-type', `"${pointer.slice(1)}" must be an object of ${what}`);
  for (const [name, item] of Object.entries(value)) check(name, item, joinPointer(pointer, name));
}

function checkConnection(name: string, value: unknown, pointer: string, types: ReadonlyMap<string, ConnectionTypeDefinition> | undefined, add: Add): void {
  if (!isObject(value) || typeof value.type !== 'string') {
    return add(pointer, 'wrong-type', `connection "${name}" must be {"type": "...", "values": {...}} or {"type": "...", "store": "<name>"}`);
  }
  const definition = types?.get(value.type);
  if (types && !definition) add(joinPointer(pointer, 'type'), 'unknown-connection-type', `unknown connection type "${value.type}"; known types: ${[...types.keys()].join(', ')}`);
  if ('store' in value) {
    if (typeof value.store !== 'string' || value.store === '') add(joinPointer(pointer, 'store'), 'wrong-type', `"store" must name a connection saved in the server's store`);
    if ('values' in value) add(joinPointer(pointer, 'values'), 'unknown-key', `a connection taken from the store has no "values"`);
    return;
  }
  if (!isObject(value.values)) return add(joinPointer(pointer, 'values'), 'missing-field', `connection "${name}" needs "values" (or "store")`);
  const properties = definition?.schema.properties ?? {};
  for (const required of definition?.schema.required ?? []) {
    if (!(required in value.values)) add(joinPointer(pointer, 'values', required), 'missing-field', `connection "${name}" of type "${value.type}" needs "${required}"`);
  }
  for (const [field, item] of Object.entries(value.values)) {
    const at = joinPointer(pointer, 'values', field);
    if (isSecretReference(item)) checkSecretName(item.$secret, joinPointer(at, '$secret'), add);
    else if (properties[field]?.['x-secret'] === true) add(at, 'inlined-secret', `"${field}" is a secret: write ${SECRET_RULE}, never the value itself`);
  }
}

function checkSecretName(name: string, pointer: string, add: Add): void {
  if (!SECRET_NAME.test(name)) add(pointer, 'wrong-type', `a secret is named by an environment variable: expected letters, digits and "_", got ${JSON.stringify(name)}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
