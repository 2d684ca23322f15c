/**
 * @module Where a step's config accepts expressions: the one walk that both the validator and the generated
 * JSON Schema use.
 */
import type { JsonSchema } from '../core/json-schema.js';

/** Whether a config field takes an expression: every field does unless marked `'x-expression': false`. */
export function acceptsExpression(schema: JsonSchema | undefined): boolean {
  return schema?.['x-expression'] !== false;
}

/**
 * Rewrites a config schema so that every position that may hold an expression goes through `wrap`: each
 * field not marked `'x-expression': false`, and every value nested inside such a field. The config object
 * itself is closed (`additionalProperties: false`) unless the definition says otherwise, so unknown fields
 * are reported.
 *
 * @example
 * mapExpressionPositions(definition.config, (field) => ({ anyOf: [{ $ref: '#/$defs/expression' }, field] }));
 */
export function mapExpressionPositions(
  config: JsonSchema,
  wrap: (schema: JsonSchema) => JsonSchema,
): JsonSchema {
  const mapped: JsonSchema = { ...config, type: config.type ?? 'object' };
  if (config.properties) mapped.properties = mapProperties(config.properties, wrap);
  mapped.additionalProperties =
    config.additionalProperties === undefined ? false : mapAdditional(config.additionalProperties, wrap);
  return mapped;
}

/** The schema of a property: its `properties` entry, else the `additionalProperties` schema. */
export function propertySchema(schema: JsonSchema | undefined, key: string): JsonSchema | undefined {
  if (!schema) return undefined;
  const own = schema.properties && Object.hasOwn(schema.properties, key) ? schema.properties[key] : undefined;
  if (own) return own;
  return typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
}

function mapField(schema: JsonSchema, wrap: (schema: JsonSchema) => JsonSchema): JsonSchema {
  return acceptsExpression(schema) ? wrap(mapNested(schema, wrap)) : schema;
}

function mapNested(schema: JsonSchema, wrap: (schema: JsonSchema) => JsonSchema): JsonSchema {
  const mapped: JsonSchema = { ...schema };
  if (schema.properties) mapped.properties = mapProperties(schema.properties, wrap);
  if (schema.items) mapped.items = mapField(schema.items, wrap);
  if (schema.additionalProperties !== undefined) {
    mapped.additionalProperties = mapAdditional(schema.additionalProperties, wrap);
  }
  // The alternatives share the position, which is wrapped once; only their insides are wrapped again.
  if (schema.oneOf) mapped.oneOf = schema.oneOf.map((alternative) => mapNested(alternative, wrap));
  if (schema.anyOf) mapped.anyOf = schema.anyOf.map((alternative) => mapNested(alternative, wrap));
  return mapped;
}

function mapProperties(
  properties: Record<string, JsonSchema>,
  wrap: (schema: JsonSchema) => JsonSchema,
): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(properties).map(([key, schema]) => [key, mapField(schema, wrap)]));
}

function mapAdditional(
  additional: boolean | JsonSchema,
  wrap: (schema: JsonSchema) => JsonSchema,
): boolean | JsonSchema {
  return typeof additional === 'boolean' ? additional : mapField(additional, wrap);
}
