/**
 * @module Which input a config field gets, read from its JSON Schema and `x-` marks only.
 */
import type { JsonSchema } from '../../../engine/core/json-schema.js';

export type FieldKind =
  | 'enum'
  | 'boolean'
  | 'number'
  | 'text'
  | 'textarea'
  | 'string-list'
  | 'multi-enum'
  | 'json'
  | 'connection';

const TEXTAREA_WIDGETS = new Set(['textarea', 'markdown', 'code']);

function typesOf(schema: JsonSchema): readonly string[] {
  if (typeof schema.type === 'string') return [schema.type];
  return schema.type ?? [];
}

/**
 * The input for a field. A literal the input cannot show (an object in a text field) gets the JSON input,
 * so that no value is ever lost by opening a form.
 *
 * @example
 * fieldKind({ type: 'string', enum: ['GET', 'POST'] }, undefined); // 'enum'
 */
export function fieldKind(schema: JsonSchema, value: unknown): FieldKind {
  const types = typesOf(schema);
  let kind: FieldKind;
  if (typeof schema['x-connection'] === 'string') kind = 'connection';
  else if (schema.enum) kind = 'enum';
  else if (schema['x-widget'] === 'json' || schema['x-widget'] === 'key-value') kind = 'json';
  else if (types.length === 1 && types[0] === 'boolean') kind = 'boolean';
  else if (types.length === 1 && (types[0] === 'number' || types[0] === 'integer')) kind = 'number';
  else if (types.length === 1 && types[0] === 'array') {
    if (schema.items?.enum) kind = 'multi-enum';
    else kind = schema.items?.type === 'string' ? 'string-list' : 'json';
  } else if (types.length === 1 && types[0] === 'object') kind = 'json';
  else if (types.length > 1 || schema.oneOf || schema.anyOf) kind = 'json';
  else kind = TEXTAREA_WIDGETS.has(String(schema['x-widget'])) ? 'textarea' : 'text';
  return fits(kind, value) ? kind : 'json';
}

/** Whether an input of `kind` can show `value` without losing it. */
function fits(kind: FieldKind, value: unknown): boolean {
  if (value === undefined) return true;
  switch (kind) {
    case 'text':
    case 'textarea':
    case 'connection':
      return typeof value === 'string';
    case 'enum':
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number';
    case 'string-list':
      return Array.isArray(value) && value.every((item) => typeof item === 'string' && !item.includes(','));
    case 'multi-enum':
      return Array.isArray(value);
    default:
      return true;
  }
}

/** Whether a field may hold an expression: the `x-expression` mark, true unless set to false. */
export function acceptsExpression(schema: JsonSchema): boolean {
  return schema['x-expression'] !== false;
}

/** `timeoutMs` -> `Timeout ms`, for fields without a title. */
export function humanize(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function fieldTitle(name: string, schema: JsonSchema): string {
  return schema.title ?? humanize(name);
}

/** The fields of an object schema: `x-order` first (lowest first), then in the order they are declared. */
export function orderedFields(schema: JsonSchema): Array<[string, JsonSchema]> {
  const entries = Object.entries(schema.properties ?? {});
  const order = (field: JsonSchema) => (typeof field['x-order'] === 'number' ? field['x-order'] : Number.POSITIVE_INFINITY);
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((left, right) => order(left.entry[1]) - order(right.entry[1]) || left.index - right.index)
    .map(({ entry }) => entry);
}

/** A default as the form shows it: `INFO`, `["ANY"]`, `10000`. */
export function formatDefault(value: unknown): string {
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(', ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return !('$expr' in value) && !('$template' in value);
}

/** Whether a field is an object with declared fields, whose value (if any) a nested form can show. */
export function isNestedObject(schema: JsonSchema, value: unknown): boolean {
  const object = typesOf(schema).includes('object') && schema.properties !== undefined;
  return object && (value === undefined || isPlainObject(value));
}

/** Whether a field is a `key-value` object whose value (if any) rows of names and values can show. */
export function isKeyValue(schema: JsonSchema, value: unknown): boolean {
  return schema['x-widget'] === 'key-value' && (value === undefined || isPlainObject(value));
}

/** Whether a field is a list of objects with declared fields, whose value (if any) a list of forms can show. */
export function isObjectList(schema: JsonSchema, value: unknown): boolean {
  const items = schema.items;
  if (!typesOf(schema).includes('array') || !items || !isNestedObject(items, undefined)) return false;
  return value === undefined || (Array.isArray(value) && value.every((item) => isPlainObject(item)));
}
