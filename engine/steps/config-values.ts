/**
 * @module Run-time checks of a step's evaluated config: an expression may produce a value of the wrong type.
 */
import { FlowbusError } from '../core/errors.js';
import type { JsonSchema } from '../core/json-schema.js';
import { describeValue } from '../json/describe-value.js';

export { describeValue };

/** A variable name: letters, digits and `_`, not starting with a digit. */
export const VARIABLE_NAME_PATTERN = '^[A-Za-z_][A-Za-z0-9_]*$';

const VARIABLE_NAME = new RegExp(VARIABLE_NAME_PATTERN);

/** The VALIDATION error for a config field whose evaluated value is not what the step expects. */
export function invalidConfig(field: string, expected: string, value: unknown): FlowbusError {
  return new FlowbusError('VALIDATION', `${field} must be ${expected}, got ${describeValue(value)}`, {
    field,
    expected,
  });
}

/** Whether a value is a JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A required string. */
export function readString(value: unknown, field: string): string {
  if (typeof value !== 'string') throw invalidConfig(field, 'a string', value);
  return value;
}

/** A string, or undefined when the field is left out (null counts as left out). */
export function readOptionalString(value: unknown, field: string): string | undefined {
  return value === undefined || value === null ? undefined : readString(value, field);
}

/** A boolean. */
export function readBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw invalidConfig(field, 'true or false', value);
  return value;
}

/** An integer within `[min, max]`. */
export function readInteger(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = `an integer from ${min} to ${max}`;
    if (typeof value === 'number') {
      const message = `${field} must be ${range}, got ${value}`;
      throw new FlowbusError('VALIDATION', message, { field, expected: range });
    }
    throw invalidConfig(field, range, value);
  }
  return value;
}

/** One of a closed list of strings. The value is named: enum values are never secrets. */
export function readEnum<Allowed extends string>(
  value: unknown,
  field: string,
  allowed: readonly Allowed[],
): Allowed {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as Allowed;
  const expected = `one of ${allowed.join(', ')}`;
  if (typeof value === 'string') {
    throw new FlowbusError('VALIDATION', `${field} must be ${expected}, got "${value}"`, { field, expected });
  }
  throw invalidConfig(field, expected, value);
}

/** A JSON object. */
export function readObject(value: unknown, field: string): Record<string, unknown> {
  if (!isPlainObject(value)) throw invalidConfig(field, 'an object', value);
  return value;
}

/** A variable name (see {@link VARIABLE_NAME_PATTERN}); names are literals, so the value is named. */
export function readVariableName(value: unknown, field: string): string {
  const name = readString(value, field);
  if (!VARIABLE_NAME.test(name)) {
    const expected = 'a variable name (letters, digits and _, not starting with a digit)';
    throw new FlowbusError('VALIDATION', `${field} must be ${expected}, got "${name}"`, { field, expected });
  }
  return name;
}

/**
 * The schema of a config field naming a variable: a literal string matching {@link VARIABLE_NAME_PATTERN}.
 *
 * @example
 * variableNameSchema({ title: 'Name', description: 'The variable to set.' });
 */
export function variableNameSchema<const Schema extends JsonSchema>(schema: Schema) {
  return { type: 'string', pattern: VARIABLE_NAME_PATTERN, ...schema, 'x-expression': false } as const;
}
