/**
 * @module Tests of the walk over expression-accepting config positions.
 */
import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../core/json-schema.js';
import { acceptsExpression, mapExpressionPositions, propertySchema } from './config-schema.js';

const LITERAL_NUMBER: JsonSchema = { type: 'number', 'x-expression': false };
const wrap = (schema: JsonSchema): JsonSchema => ({ title: 'wrapped', anyOf: [schema] });

describe('mapExpressionPositions', () => {
  it('wraps each expression-accepting field and everything nested in it, and closes the config', () => {
    const config: JsonSchema = {
      type: 'object',
      properties: {
        url: { type: 'string' },
        literal: { type: 'object', properties: { inner: { type: 'string' } }, 'x-expression': false },
        headers: { type: 'object', additionalProperties: { type: 'string' } },
        list: { type: 'array', items: { type: 'object', properties: { fixed: LITERAL_NUMBER } } },
        choice: { oneOf: [{ type: 'object', properties: { a: { type: 'string' } } }, { type: 'string' }] },
      },
    };
    expect(mapExpressionPositions(config, wrap)).toEqual({
      type: 'object',
      properties: {
        url: wrap({ type: 'string' }),
        literal: config.properties!.literal,
        headers: wrap({ type: 'object', additionalProperties: wrap({ type: 'string' }) }),
        list: wrap({ type: 'array', items: wrap({ type: 'object', properties: { fixed: LITERAL_NUMBER } }) }),
        choice: wrap({
          oneOf: [{ type: 'object', properties: { a: wrap({ type: 'string' }) } }, { type: 'string' }],
        }),
      },
      additionalProperties: false,
    });
  });

  it('keeps a config open when the definition says so, and leaves the original untouched', () => {
    const config: JsonSchema = { properties: {}, additionalProperties: { type: 'number' } };
    const copy = structuredClone(config);
    expect(mapExpressionPositions(config, wrap)).toEqual({
      type: 'object',
      properties: {},
      additionalProperties: wrap({ type: 'number' }),
    });
    expect(config).toEqual(copy);
  });
});

describe('acceptsExpression and propertySchema', () => {
  it('treats fields as expression-accepting unless marked', () => {
    expect(acceptsExpression({ type: 'string' })).toBe(true);
    expect(acceptsExpression(undefined)).toBe(true);
    expect(acceptsExpression({ 'x-expression': false })).toBe(false);
  });

  it('finds a property schema, falling back to additionalProperties', () => {
    const schema: JsonSchema = {
      properties: { a: { type: 'string' } },
      additionalProperties: { type: 'number' },
    };
    expect(propertySchema(schema, 'a')).toEqual({ type: 'string' });
    expect(propertySchema(schema, 'b')).toEqual({ type: 'number' });
    expect(propertySchema({ properties: {} }, 'constructor')).toBeUndefined();
    expect(propertySchema(undefined, 'a')).toBeUndefined();
  });
});
