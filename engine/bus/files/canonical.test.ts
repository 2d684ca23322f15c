/**
 * @module Tests of the canonical rule and bus writers: key order, authored order kept where it is the
 * author's, and formatting twice changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { formatBus, formatRule } from './canonical.js';

describe('formatRule', () => {
  const scrambled = {
    targets: [
      {
        retry: { maxAgeMs: 10, maxAttempts: 2 },
        config: { url: 'http://x', method: 'POST', headers: { 'X-B': '1', 'X-A': '2' } },
        type: 'webhook',
        id: 'hook',
        batch: { maxWaitMs: 5, maxEvents: 2 },
      },
    ],
    pattern: { type: ['b'], source: ['a'] },
    transform: { template: { z: '<a>', y: 1 }, inputPaths: { z: '$.z', a: '$.a' } },
    name: 'Rule',
    format: 'flowbus/rule@1',
    extra: true,
  };

  it('orders keys canonically and keeps the pattern, template and input paths as written', () => {
    const text = formatRule(scrambled);
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual(['format', 'name', 'pattern', 'transform', 'targets', 'extra']);
    expect(Object.keys(parsed.pattern)).toEqual(['type', 'source']);
    expect(Object.keys(parsed.transform)).toEqual(['inputPaths', 'template']);
    expect(Object.keys(parsed.transform.inputPaths)).toEqual(['z', 'a']);
    expect(Object.keys(parsed.transform.template)).toEqual(['z', 'y']);
    expect(Object.keys(parsed.targets[0])).toEqual(['id', 'type', 'config', 'batch', 'retry']);
    expect(Object.keys(parsed.targets[0].config)).toEqual(['headers', 'method', 'url']);
    expect(Object.keys(parsed.targets[0].retry)).toEqual(['maxAttempts', 'maxAgeMs']);
    expect(Object.keys(parsed.targets[0].batch)).toEqual(['maxEvents', 'maxWaitMs']);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "format": "flowbus/rule@1",\n');
  });

  it('is stable: formatting its own output gives the same bytes', () => {
    const once = formatRule(scrambled);
    expect(formatRule(JSON.parse(once))).toBe(once);
  });

  it('formats any JSON value, valid rule or not', () => {
    expect(formatRule([1, { b: 1, a: 2 }])).toBe('[\n  1,\n  {\n    "b": 1,\n    "a": 2\n  }\n]\n');
  });
});

describe('formatBus', () => {
  it('orders the root keys', () => {
    const text = formatBus({ storeEvents: true, name: 'Retail', format: 'flowbus/bus@1', description: 'd' });
    expect(Object.keys(JSON.parse(text))).toEqual(['format', 'name', 'description', 'storeEvents']);
  });
});
