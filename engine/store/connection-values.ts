/**
 * @module Checks a connection's values against its type's schema, and splits secret from plain fields.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { secretFields, type ConnectionTypeDefinition } from '../core/connection-type.js';
import { FlowbusError } from '../core/errors.js';

/** A connection name: 1 to 64 letters, digits, `_`, `.` and `-`, starting with a letter or digit. */
export const CONNECTION_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Checks values of known connection types; unknown types take any object. */
export class ConnectionValueChecker {
  private readonly ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    validateFormats: false,
    logger: false,
  });
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly types: ReadonlyMap<string, ConnectionTypeDefinition>) {}

  definition(type: string): ConnectionTypeDefinition | undefined {
    return this.types.get(type);
  }

  /** Throws a `VALIDATION` error listing every problem of `values` for `type`. */
  check(name: string, type: string, values: Record<string, unknown>): void {
    const definition = this.types.get(type);
    if (!definition) return;
    let validate = this.validators.get(type);
    if (!validate) {
      validate = this.ajv.compile(definition.schema);
      this.validators.set(type, validate);
    }
    if (validate(values)) return;
    // Messages name fields and rules, never values: a value may be a secret.
    const issues = (validate.errors ?? []).map((error) => {
      const missing = (error.params as { missingProperty?: string }).missingProperty;
      const extra = (error.params as { additionalProperty?: string }).additionalProperty;
      const pointer = `/values${error.instancePath}${missing ? `/${missing}` : extra ? `/${extra}` : ''}`;
      const message = missing
        ? `missing "${missing}"`
        : extra
          ? `unknown field "${extra}" for a ${type} connection`
          : `${error.instancePath.slice(1) || 'values'} ${error.message}`;
      return { pointer, code: 'connection-value', message };
    });
    const summary = issues.map((issue) => issue.message).join('; ');
    throw new FlowbusError('VALIDATION', `connection "${name}": ${summary}`, { issues });
  }

  /** Splits values into the secret fields (by the type's schema; all for an unknown type) and the rest. */
  split(type: string, values: Record<string, unknown>): Record<'plain' | 'secret', Record<string, unknown>> {
    const secretNames = new Set(secretFields(this.types.get(type), values));
    const plain: Record<string, unknown> = {};
    const secret: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(values)) {
      if (secretNames.has(field)) secret[field] = value;
      else plain[field] = value;
    }
    return { plain, secret };
  }
}

/** Checks the shape of a connection name. */
export function checkConnectionName(name: unknown): string {
  if (typeof name !== 'string' || !CONNECTION_NAME_PATTERN.test(name)) {
    throw new FlowbusError(
      'VALIDATION',
      'a connection name must be 1 to 64 letters, digits, "_", "." or "-", starting with a letter or digit',
      { issues: [{ pointer: '/name', code: 'connection-name', message: 'invalid connection name' }] },
    );
  }
  return name;
}

/** Checks the shape of a connection type name. */
export function checkConnectionType(type: unknown): string {
  if (typeof type !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(type)) {
    throw new FlowbusError('VALIDATION', 'a connection "type" must be a connector type such as "http-auth"', {
      issues: [{ pointer: '/type', code: 'connection-type', message: 'invalid connection type' }],
    });
  }
  return type;
}

/** Checks that values are an object of fields. */
export function checkConnectionValues(values: unknown): Record<string, unknown> {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    throw new FlowbusError('VALIDATION', 'connection "values" must be an object of fields', {
      issues: [{ pointer: '/values', code: 'wrong-type', message: '"values" must be an object' }],
    });
  }
  return values as Record<string, unknown>;
}

/** Every string a secret value holds (a secret may be an object, e.g. a key pair). */
export function secretStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(secretStrings);
  return [];
}
