// Type-level tests: `npx tsc --noEmit` fails when a derived config type drifts from its schema.
import { describe, expectTypeOf, it } from 'vitest';
import type { ConfigOf, JsonSchema, SettingsOf } from './json-schema.js';

const noticeSchema = {
  type: 'object',
  properties: {
    subject: { type: 'string', minLength: 1, 'x-expression': true },
    level: { type: 'string', enum: ['info', 'alarm'], default: 'info', 'x-expression': false },
    retries: { type: 'integer', minimum: 0, default: 0 },
    tags: { type: 'array', items: { type: 'string' } },
    headers: { type: 'object', additionalProperties: { type: 'string' } },
    body: { title: 'Body' },
  },
  required: ['subject'],
  additionalProperties: false,
} as const satisfies JsonSchema;

describe('ConfigOf', () => {
  it('gives the fields of the schema, those with a default still optional', () => {
    expectTypeOf<ConfigOf<typeof noticeSchema>>().toEqualTypeOf<{
      subject: string;
      level?: 'info' | 'alarm';
      retries?: number;
      tags?: string[];
      headers?: { [name: string]: string };
      body?: unknown;
    }>();
  });

  it('gives one alternative per oneOf branch', () => {
    const brokerSchema = {
      type: 'object',
      properties: { url: { type: 'string' }, connection: { type: 'string' } },
      oneOf: [{ required: ['url'] }, { required: ['connection'] }],
      additionalProperties: false,
    } as const satisfies JsonSchema;
    expectTypeOf<ConfigOf<typeof brokerSchema>>().toEqualTypeOf<
      { url: string; connection?: string } | { url?: string; connection: string }
    >();
  });
});

describe('SettingsOf', () => {
  it('makes the fields with a default present', () => {
    expectTypeOf<SettingsOf<typeof noticeSchema>>().toEqualTypeOf<{
      subject: string;
      level: 'info' | 'alarm';
      retries: number;
      tags?: string[];
      headers?: { [name: string]: string };
      body?: unknown;
    }>();
  });
});
