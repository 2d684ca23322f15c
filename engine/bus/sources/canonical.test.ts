/**
 * @module Tests of the canonical source writer: root key order, config keys alphabetically, deeper values as
 * written, invalid documents formatted too, and formatting twice changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { formatSource } from './canonical.js';

describe('formatSource', () => {
  const scrambled = {
    config: { queue: 'orders', connection: 'erp', event: { type: 't', source: 's' } },
    extra: 1,
    bus: 'retail',
    type: 'rabbitmq',
    name: 'Orders',
    format: 'flowbus/source@1',
    $schema: '../schema/source.schema.json',
  };

  it('orders the root keys, sorts the config keys and keeps nested objects as written', () => {
    const parsed = JSON.parse(formatSource(scrambled));
    expect(Object.keys(parsed)).toEqual(['$schema', 'format', 'name', 'type', 'bus', 'config', 'extra']);
    expect(Object.keys(parsed.config)).toEqual(['connection', 'event', 'queue']);
    expect(Object.keys(parsed.config.event)).toEqual(['type', 'source']);
  });

  it('is stable: formatting its own output changes no byte', () => {
    const once = formatSource(scrambled);
    expect(formatSource(JSON.parse(once))).toBe(once);
    expect(once.endsWith('}\n')).toBe(true);
  });

  it('formats a document that is not a valid source', () => {
    expect(formatSource([3, { b: 1, a: 2 }])).toBe('[\n  3,\n  {\n    "b": 1,\n    "a": 2\n  }\n]\n');
  });
});
