/**
 * @module Tests of the canonical flow writer: key orders, exact text, round trips.
 */
import { describe, expect, it } from 'vitest';
import { formatFlow } from './canonical.js';
import { createTestRegistry } from './test-registry.js';

const registry = createTestRegistry();

/** A flow written with every key out of canonical order. */
const scrambled = {
  steps: [
    {
      config: { value: { z: 1, a: { $expr: 'payload' } }, name: 'body' },
      type: 'set-variable',
      disabled: false,
      description: 'Keeps the body',
      name: 'Body',
      id: 'body',
    },
    {
      catch: [
        { steps: [], config: { retries: 1, errorTypes: ['ANY'] }, name: 'Any', id: 'on-any', note: 'kept' },
      ],
      steps: [{ type: 'logger', id: 'log', config: { level: 'INFO', content: 'hi' } }],
      zeta: 1,
      alpha: 2,
      type: 'try',
      id: 'guard',
    },
    {
      otherwise: [],
      when: [{ steps: [], id: 'eu', config: { condition: true } }],
      type: 'choice',
      id: 'route',
    },
  ],
  trigger: { config: { bus: 'default' }, type: 'event', id: 'on-alarm' },
  extra: true,
  description: 'Demo',
  name: 'Alarm',
  format: 'flowbus/flow@1',
  $schema: '../schema/flow.schema.json',
  another: 0,
};

function keysAt(text: string, path: Array<string | number>): string[] {
  let value: any = JSON.parse(text);
  for (const segment of path) value = value[segment];
  return Object.keys(value);
}

describe('formatFlow key order', () => {
  const text = formatFlow(scrambled, registry);

  it.each([
    {
      at: 'the root',
      path: [],
      keys: ['$schema', 'format', 'name', 'description', 'trigger', 'steps', 'another', 'extra'],
    },
    { at: 'the trigger', path: ['trigger'], keys: ['id', 'type', 'config'] },
    { at: 'a step', path: ['steps', 0], keys: ['id', 'type', 'name', 'description', 'disabled', 'config'] },
    { at: 'a config object', path: ['steps', 0, 'config'], keys: ['name', 'value'] },
    { at: 'a value inside config', path: ['steps', 0, 'config', 'value'], keys: ['z', 'a'] },
    { at: 'a Try', path: ['steps', 1], keys: ['id', 'type', 'steps', 'catch', 'alpha', 'zeta'] },
    { at: 'a branch', path: ['steps', 1, 'catch', 0], keys: ['id', 'name', 'config', 'steps', 'note'] },
    { at: 'a branch config', path: ['steps', 1, 'catch', 0, 'config'], keys: ['errorTypes', 'retries'] },
    { at: 'a nested step', path: ['steps', 1, 'steps', 0], keys: ['id', 'type', 'config'] },
    { at: 'a nested config', path: ['steps', 1, 'steps', 0, 'config'], keys: ['content', 'level'] },
    { at: 'scope keys in declared order', path: ['steps', 2], keys: ['id', 'type', 'when', 'otherwise'] },
    { at: 'a When branch', path: ['steps', 2, 'when', 0], keys: ['id', 'config', 'steps'] },
  ])('orders the keys of $at', ({ path, keys }) => {
    expect(keysAt(text, path)).toEqual(keys);
  });

  it('orders scope keys alphabetically without a registry, and still knows steps from branches', () => {
    const plain = formatFlow(scrambled);
    expect(keysAt(plain, ['steps', 1])).toEqual(['id', 'type', 'alpha', 'catch', 'steps', 'zeta']);
    expect(keysAt(plain, ['steps', 2])).toEqual(['id', 'type', 'otherwise', 'when']);
    expect(keysAt(plain, ['steps', 1, 'catch', 0])).toEqual(['id', 'name', 'config', 'steps', 'note']);
    expect(keysAt(plain, ['steps', 1, 'steps', 0])).toEqual(['id', 'type', 'config']);
  });

  it('writes the exact canonical text', () => {
    const flow = {
      steps: [],
      trigger: { type: 'http', id: 'in', config: { path: '/echo' } },
      name: 'Echo',
      format: 'flowbus/flow@1',
    };
    expect(formatFlow(flow, registry)).toBe(
      [
        '{',
        '  "format": "flowbus/flow@1",',
        '  "name": "Echo",',
        '  "trigger": {',
        '    "id": "in",',
        '    "type": "http",',
        '    "config": {',
        '      "path": "/echo"',
        '    }',
        '  },',
        '  "steps": []',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('formats values that are not flows', () => {
    expect(formatFlow([{ b: 1, a: 2 }])).toBe('[\n  {\n    "b": 1,\n    "a": 2\n  }\n]\n');
    expect(formatFlow('text')).toBe('"text"\n');
    expect(formatFlow(null)).toBe('null\n');
  });
});

describe('formatFlow round trip', () => {
  const documents: Array<{ name: string; document: unknown }> = [
    { name: 'the scrambled flow', document: scrambled },
    {
      name: 'unusual characters',
      document: {
        format: 'flowbus/flow@1',
        name: 'Ünïcødé — 告警 🚨 "quoted" \\ back\\slash\ttab\nnewline \u2028 \u0007',
        trigger: { id: 'in', type: 'http', config: { path: '/ä/€' } },
        steps: [
          { id: 's', type: 'set-variable', config: { name: 'k', value: { 'key/with~chars': 'ü', '': '' } } },
        ],
      },
    },
    {
      name: 'empty containers and odd numbers',
      document: {
        format: 'flowbus/flow@1',
        name: 'Numbers',
        trigger: { id: 'in', type: 'event', config: {} },
        steps: [
          {
            id: 'n',
            type: 'set-variable',
            config: {
              name: 'n',
              value: [1e21, -0, 0.1, 1e-7, -1.5e300, 123456789012345680000, [], {}, [[]], [{}]],
            },
          },
        ],
      },
    },
    {
      name: 'an invalid flow',
      document: { steps: { not: 'a list' }, trigger: 5, name: null, x: [1, { b: 2, a: 1 }] },
    },
  ];

  it.each(documents)('is idempotent on $name', ({ document }) => {
    const once = formatFlow(document, registry);
    expect(formatFlow(JSON.parse(once), registry)).toBe(once);
    expect(JSON.parse(once)).toEqual(JSON.parse(JSON.stringify(document)));
    expect(once.endsWith('}\n')).toBe(true);
    expect(once).not.toContain('\r');
  });

  it('keeps non-ASCII characters unescaped and writes numbers as JSON does', () => {
    const text = formatFlow(documents[1].document, registry);
    expect(text).toContain('告警 🚨');
    expect(text).toContain('"/ä/€"');
    const numbers = formatFlow(documents[2].document, registry);
    expect(numbers).toContain('1e+21');
    expect(numbers).toContain('          0,\n');
    expect(numbers).toContain('[\n            []\n          ]');
  });
});
