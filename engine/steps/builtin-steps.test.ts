/**
 * @module Checks that every built-in step definition is complete and that its documented examples are valid.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../core/json-schema.js';
import { createRegistry } from '../core/registry.js';
import { builtinSteps } from './index.js';

const ajv = new Ajv2020({ strict: false, allErrors: true });

const expressionSchema: JsonSchema = {
  type: 'object',
  oneOf: [
    { properties: { $expr: { type: 'string' } }, required: ['$expr'], additionalProperties: false },
    { properties: { $template: { type: 'string' } }, required: ['$template'], additionalProperties: false },
  ],
};

/** The schema a file's config obeys: every field not marked `x-expression: false` may be an expression. */
function acceptingExpressions(schema: JsonSchema): JsonSchema {
  if (!schema.properties) return schema;
  const properties = Object.fromEntries(
    Object.entries(schema.properties).map(([name, property]) => {
      const inner = acceptingExpressions(property);
      return [name, property['x-expression'] === false ? inner : { anyOf: [inner, expressionSchema] }];
    }),
  );
  return { ...schema, properties };
}

function validate(schema: JsonSchema, value: unknown): string[] {
  const check = ajv.compile(acceptingExpressions(schema));
  return check(value) ? [] : (check.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

function jsonExamples(description: string): unknown[] {
  return [...description.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => JSON.parse(match[1]));
}

function eachProperty(schema: JsonSchema, path: string): Array<[string, JsonSchema]> {
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => [
    [`${path}.${name}`, property] as [string, JsonSchema],
    ...eachProperty(property, `${path}.${name}`),
  ]);
}

function configSchemas(step: (typeof builtinSteps)[number]): Array<[string, JsonSchema]> {
  const branches = (step.scopes ?? []).flatMap((scope) =>
    scope.kind === 'branches' ? [[`${scope.key}[].config`, scope.branchConfig] as [string, JsonSchema]] : [],
  );
  return [['config', step.config], ...branches];
}

const cases = builtinSteps.map((step) => [step.type, step] as const);

describe('builtinSteps', () => {
  it('have unique types and register without error', () => {
    const types = builtinSteps.map((step) => step.type);
    expect(new Set(types).size).toBe(types.length);
    expect(createRegistry(builtinSteps).list()).toHaveLength(14);
  });

  it.each(cases)('%s: config schemas are complete', (_, step) => {
    for (const [where, schema] of configSchemas(step)) {
      expect(schema.type, where).toBe('object');
      expect(schema.additionalProperties, where).toBe(false);
      expect(() => ajv.compile(schema), where).not.toThrow();
      for (const [path, property] of eachProperty(schema, where)) {
        expect(property.title, `${path} title`).toMatch(/\S/);
        expect(property.description, `${path} description`).toMatch(/\S/);
        if (property.default !== undefined) expect(validate(property, property.default), path).toEqual([]);
      }
      for (const name of schema.required ?? []) expect(schema.properties, where).toHaveProperty(name);
    }
  });

  it.each(cases)('%s: kind matches execute and scopes', (_, step) => {
    expect(step.title).toMatch(/\S/);
    if (step.kind === 'scope') expect(step.scopes?.length).toBeGreaterThan(0);
    else expect(step.scopes).toBeUndefined();
    expect(typeof step.execute).toBe(step.kind === 'action' && !step.machine ? 'function' : 'undefined');
    if (step.kind === 'trigger') expect(step.category).toBe('trigger');
  });

  it.each(cases)('%s: documented examples are valid', (_, step) => {
    const examples = jsonExamples(step.description);
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples as Array<Record<string, unknown>>) {
      expect(example.type).toBe(step.type);
      expect(validate(step.config, example.config ?? {})).toEqual([]);
      for (const scope of step.scopes ?? []) {
        const part = example[scope.key];
        if (part === undefined) continue;
        expect(Array.isArray(part), scope.key).toBe(true);
        if (scope.kind !== 'branches') continue;
        expect((part as unknown[]).length).toBeGreaterThanOrEqual(scope.minItems ?? 0);
        for (const branch of part as Array<{ config?: unknown }>) {
          expect(validate(scope.branchConfig, branch.config ?? {})).toEqual([]);
        }
      }
    }
  });
});

describe('the example checker', () => {
  // Guards the test above: a checker that accepts anything would make the example test pass vacuously.
  const setVariable = builtinSteps.find((step) => step.type === 'set-variable')!;
  it.each([
    ['a missing required field', { value: 1 }],
    ['an unknown field', { name: 'x', value: 1, extra: true }],
    ['an expression in a literal-only field', { name: { $expr: 'payload.name' }, value: 1 }],
    ['a bad variable name', { name: '1x', value: 1 }],
  ])('rejects %s', (_, config) => {
    expect(validate(setVariable.config, config)).not.toEqual([]);
  });

  it('accepts an expression where one is allowed', () => {
    expect(validate(setVariable.config, { name: 'x', value: { $expr: 'payload' } })).toEqual([]);
  });
});
