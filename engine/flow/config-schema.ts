/**
 * @module Where a step's config accepts expressions: the one walk that both the validator and the generated
 * JSON Schema use.
 */
import type { JsonSchema } from '../core/json-schema.js';

/**
 * Whether a position takes an expression. Its own `'x-expression'` mark decides; without one it inherits from
 * the enclosing position: config fields accept expressions unless marked `false`, and inside a literal-only
 * field only positions marked `true` do (e.g. a trigger's response status inside its literal `response`).
 */
export function acceptsExpression(schema: JsonSchema | undefined, enclosingAccepts = true): boolean {
  const mark = schema?.['x-expression'];
  return mark === undefined ? enclosingAccepts : mark;
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

function mapField(schema: JsonSchema, wrap: (schema: JsonSchema) => JsonSchema, enclosing = true): JsonSchema {
  const accepts = acceptsExpression(schema, enclosing);
  const nested = mapNested(schema, wrap, accepts);
  return accepts ? wrap(nested) : nested;
}

function mapNested(schema: JsonSchema, wrap: (schema: JsonSchema) => JsonSchema, accepts: boolean): JsonSchema {
  const mapped: JsonSchema = { ...schema };
  if (schema.properties) mapped.properties = mapProperties(schema.properties, wrap, accepts);
  if (schema.items) mapped.items = mapField(schema.items, wrap, accepts);
  if (schema.additionalProperties !== undefined) {
    mapped.additionalProperties = mapAdditional(schema.additionalProperties, wrap, accepts);
  }
  // The alternatives share the position, which is wrapped once; only their insides are wrapped again.
  if (schema.oneOf) mapped.oneOf = schema.oneOf.map((alternative) => mapNested(alternative, wrap, accepts));
  if (schema.anyOf) mapped.anyOf = schema.anyOf.map((alternative) => mapNested(alternative, wrap, accepts));
  return mapped;
}

function mapProperties(
  properties: Record<string, JsonSchema>,
  wrap: (schema: JsonSchema) => JsonSchema,
  enclosing = true,
): Record<string, JsonSchema> {
  return Object.fromEntries(
    Object.entries(properties).map(([key, schema]) => [key, mapField(schema, wrap, enclosing)]),
  );
}

function mapAdditional(
  additional: boolean | JsonSchema,
  wrap: (schema: JsonSchema) => JsonSchema,
  enclosing = true,
): boolean | JsonSchema {
  return typeof additional === 'boolean' ? additional : mapField(additional, wrap, enclosing);
}
