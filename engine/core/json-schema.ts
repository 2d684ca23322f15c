/**
 * @module The subset of JSON Schema that step config schemas use, with flowbus's own marks, and the config
 * type derived from a schema, so that a step writes its config once.
 */
import type { FromSchema, JSONSchema } from 'json-schema-to-ts';

/** A JSON Schema (draft 2020-12 subset) with the `x-` marks that the editor, validator and docs read. */
export interface JsonSchema {
  type?: JsonSchemaType | readonly JsonSchemaType[];
  title?: string;
  description?: string;
  default?: unknown;
  enum?: readonly unknown[];
  const?: unknown;
  examples?: readonly unknown[];
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  minProperties?: number;
  maxProperties?: number;
  /** What every property name of an object must match (a header name, say). */
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  /** A list must hold at least one item matching this. */
  contains?: JsonSchema;
  uniqueItems?: boolean;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
  oneOf?: readonly JsonSchema[];
  anyOf?: readonly JsonSchema[];
  allOf?: readonly JsonSchema[];
  if?: JsonSchema;
  then?: JsonSchema | boolean;
  else?: JsonSchema | boolean;
  $ref?: string;
  /** The field takes a literal or an expression (`{"$expr": ...}` / `{"$template": ...}`). Defaults to true for config fields. */
  'x-expression'?: boolean;
  /** The field holds a secret: redacted in traces, logs and API answers. */
  'x-secret'?: boolean;
  /** The field names a connection config of this connector type. */
  'x-connection'?: string;
  /** Rendering hint for the editor: `textarea`, `code`, `markdown`, `json`, `key-value`. */
  'x-widget'?: string;
  /**
   * The field names variables the step sets: `set` a string naming one (its default when left out),
   * `set-keys` an object with one per key. The validator warns about reads of variables nothing set.
   */
  'x-variable'?: 'set' | 'set-keys';
  /** What a value (or a property name) matching `pattern` looks like, in words, for messages. */
  'x-expected'?: string;
  /** Display order hint for the editor's property form. */
  'x-order'?: number;
  [mark: `x-${string}`]: unknown;
}

export type JsonSchemaType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

/**
 * The TypeScript type of the values a config schema accepts: what `execute` receives once expressions are
 * evaluated. Write the schema `as const` (with `satisfies JsonSchema`) and derive the type from it, never
 * beside it. Fields with a `default` stay optional: an expression may still evaluate to nothing.
 *
 * @example
 * const schema = {
 *   type: 'object',
 *   properties: { subject: { type: 'string' }, urgent: { type: 'boolean', default: false } },
 *   required: ['subject'],
 *   additionalProperties: false,
 * } as const satisfies JsonSchema;
 * type Config = ConfigOf<typeof schema>; // { subject: string; urgent?: boolean }
 */
export type ConfigOf<Schema extends JsonSchema> = Schema extends JSONSchema
  ? FromSchema<Schema, { keepDefaultedPropertiesOptional: true }>
  : never;

/**
 * {@link ConfigOf} with every field that has a `default` present: the settings a step reads once it has
 * applied the defaults itself (a Catch handler's retries, a For Each's item variable).
 *
 * @example
 * type Settings = SettingsOf<typeof schema>; // { subject: string; urgent: boolean }
 */
export type SettingsOf<Schema extends JsonSchema> = Schema extends JSONSchema ? FromSchema<Schema> : never;
