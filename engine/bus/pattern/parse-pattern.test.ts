/**
 * @module Tests of `parsePattern`: every way a pattern can be wrong reports its pointer and reason.
 */
import { describe, expect, it } from 'vitest';
import { PATTERN_LIMITS } from './limits.js';
import { parsePattern } from './parse-pattern.js';

function issuesOf(pattern: unknown): Array<{ pointer: string; message: string }> {
  const result = parsePattern(pattern);
  if (result.ok) throw new Error(`expected ${JSON.stringify(pattern)} to be rejected`);
  return result.issues;
}

describe('parsePattern rejects bad patterns with pointer and reason', () => {
  it.each<[string, unknown, string, RegExp]>([
    ['a list at the top', [1, 2], '', /must be a JSON object, found a list/],
    ['a number at the top', 33, '', /must be a JSON object, found a number/],
    ['an empty object', { a: {} }, '/a', /must not be empty/],
    ['an empty value list', { a: [] }, '/a', /must not be empty/],
    ['a list inside a value list', { a: [[1]] }, '/a/0', /cannot contain a list/],
    ['an unknown operator', { a: [{ exactly2: 'x' }] }, '/a/0/exactly2', /unknown operator "exactly2"/],
    ['the plural "contains"', { a: [{ contains: 'x' }] }, '/a/0/contains', /spelled "contain"/],
    ['two keys in an operator', { a: [{ prefix: 'a', suffix: 'b' }] }, '/a/0/suffix', /exactly one key/],
    ['an empty operator object', { a: [{}] }, '/a/0', /must have one key, found none/],
    ['a numeric prefix', { a: [{ prefix: 3 }] }, '/a/0/prefix', /"prefix" takes a string, found a number/],
    [
      'a wrong key under prefix',
      { a: [{ prefix: { x: 'a' } }] },
      '/a/0/prefix/x',
      /only "equals-ignore-case"/,
    ],
    [
      'a list for equals-ignore-case',
      { a: [{ 'equals-ignore-case': ['a'] }] },
      '/a/0/equals-ignore-case',
      /found a list/,
    ],
    ['a wildcard with **', { a: [{ wildcard: 'a**b' }] }, '/a/0/wildcard', /two '\*' in a row/],
    ['a wildcard with a bad escape', { a: [{ wildcard: 'a\\b' }] }, '/a/0/wildcard', /not followed by/],
    ['a bad CIDR', { a: [{ cidr: '10.0.0.0/33' }] }, '/a/0/cidr', /from 0 to 32/],
    ['a non-address CIDR', { a: [{ cidr: 'foo' }] }, '/a/0/cidr', /not an IPv4 or IPv6/],
    ['exists with a string', { a: [{ exists: 'yes' }] }, '/a/0/exists', /true or false/],
    ['numeric without a list', { a: [{ numeric: 5 }] }, '/a/0/numeric', /takes a list/],
    [
      'numeric with an unknown operator',
      { a: [{ numeric: ['==', 1] }] },
      '/a/0/numeric/0',
      /expected one of/,
    ],
    ['numeric with a string bound', { a: [{ numeric: ['>', '1'] }] }, '/a/0/numeric/1', /finite number/],
    [
      'numeric with a missing bound',
      { a: [{ numeric: ['<'] }] },
      '/a/0/numeric',
      /must be followed by a number/,
    ],
    [
      'numeric upper before lower',
      { a: [{ numeric: ['<', 1, '>', 0] }] },
      '/a/0/numeric/2',
      /only a lower bound/,
    ],
    ['numeric with an empty range', { a: [{ numeric: ['>', 5, '<', 5] }] }, '/a/0/numeric/3', /greater than/],
    ['numeric with three bounds', { a: [{ numeric: ['>', 0, '<', 5, 9] }] }, '/a/0/numeric/4', /at most two/],
    ['numeric Infinity', { a: [{ numeric: ['=', Infinity] }] }, '/a/0/numeric/1', /finite number/],
    ['an Infinity literal', { a: [Infinity] }, '/a/0', /not a JSON number/],
    ['anything-but mixing types', { a: [{ 'anything-but': ['a', 1] }] }, '/a/0/anything-but', /not a mix/],
    [
      'anything-but of booleans',
      { a: [{ 'anything-but': [true] }] },
      '/a/0/anything-but/0',
      /strings or numbers/,
    ],
    ['anything-but of null', { a: [{ 'anything-but': null }] }, '/a/0/anything-but', /strings or numbers/],
    ['an empty anything-but list', { a: [{ 'anything-but': [] }] }, '/a/0/anything-but', /must not be empty/],
    [
      'anything-but with exists',
      { a: [{ 'anything-but': { exists: true } }] },
      '/a/0/anything-but/exists',
      /accepts/,
    ],
    [
      'anything-but an empty prefix',
      { a: [{ 'anything-but': { prefix: '' } }] },
      '/a/0/anything-but/prefix',
      /empty/,
    ],
    [
      'anything-but a bad wildcard',
      { a: [{ 'anything-but': { wildcard: ['x', 'a**'] } }] },
      '/a/0/anything-but/wildcard/1',
      /in a row/,
    ],
    ['contain with an empty list', { a: [{ contain: [] }] }, '/a/0/contain', /must not be empty/],
    ['contain with an empty string', { a: [{ contain: '' }] }, '/a/0/contain', /must not be an empty string/],
    ['array that is not JSON', { a: [{ array: '{name' }] }, '/a/0/array', /JSON object written as a string/],
    ['array of a list', { a: [{ array: '[1]' }] }, '/a/0/array', /non-empty JSON object/],
    ['exactly with a number', { a: [{ exactly: 1 }] }, '/a/0/exactly', /takes a string/],
    ['$or with one branch', { $or: [{ a: [1] }] }, '/$or', /at least two/],
    ['$or with an object', { $or: { a: [1], b: [2] } }, '/$or', /found an object/],
    ['$or with a list branch', { $or: [{ a: [1] }, [{ b: [2] }]] }, '/$or/1', /must be a pattern object/],
    [
      'an operator name inside $or',
      { x: { $or: [{ numeric: ['>', 1] }, { b: [1] }] } },
      '/x/$or/0/numeric',
      /is an operator/,
    ],
    ['a function value', { a: () => 1 }, '/a', /not JSON/],
    ['an operator out of its list', { subject: { prefix: 'ins-' } }, '/subject/prefix', /an operator name/],
  ])('%s', (_name, pattern, pointer, message) => {
    const issues = issuesOf(pattern);
    expect(issues).toContainEqual({ pointer, message: expect.stringMatching(message) });
  });

  it('reports every problem, not only the first', () => {
    const issues = issuesOf({ a: [{ prefix: 1 }], b: { c: [] }, d: [{ nope: 1 }] });
    expect(issues.map((issue) => issue.pointer)).toEqual(['/a/0/prefix', '/b/c', '/d/0/nope']);
  });

  it('escapes pointer segments (RFC 6901)', () => {
    expect(issuesOf({ 'a/b': { 'c~d': [] } })[0]!.pointer).toBe('/a~1b/c~0d');
  });

  it('reports an object that throws while being read instead of throwing', () => {
    const hostile = Object.defineProperty({}, 'a', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    expect(issuesOf(hostile)[0]!.message).toMatch(/could not be read: boom/);
  });
});

const branches = (count: number): unknown[] =>
  Array.from({ length: count }, (_, index) => ({ [`k${index}`]: 1 }));

describe('parsePattern limits', () => {
  const nested = (depth: number): Record<string, unknown> => {
    let pattern: Record<string, unknown> = { leaf: ['x'] };
    for (let level = 1; level < depth; level++) pattern = { n: pattern };
    return pattern;
  };

  it.each<[string, unknown, RegExp]>([
    ['nesting', nested(PATTERN_LIMITS.maxDepth + 1), /nest at most 32 levels/],
    ['values per list', { a: Array.from({ length: 1_001 }, (_, index) => index) }, /at most 1000 values/],
    ['string length', { a: ['x'.repeat(4_097)] }, /at most 4096 characters/],
    [
      'values in a pattern',
      Object.fromEntries(Array.from({ length: 60 }, (_, index) => [`f${index}`, Array(200).fill('v')])),
      /more than 10000 values/,
    ],
    ['text length', JSON.stringify({ a: ['x'.repeat(70_000)] }), /at most 65536 characters/],
    [
      '$or combinations',
      { $or: [{ a: [1] }, { b: [1] }], x: { $or: branches(501) } },
      /1002 combinations; at most 1000/,
    ],
  ])('rejects a pattern beyond the %s limit', (_name, pattern, message) => {
    const issue = { pointer: expect.any(String), message: expect.stringMatching(message) };
    expect(issuesOf(pattern)).toContainEqual(issue);
  });

  it('accepts a pattern right at the limits', () => {
    expect(parsePattern(nested(PATTERN_LIMITS.maxDepth - 1)).ok).toBe(true);
    expect(parsePattern({ a: Array.from({ length: 1_000 }, (_, index) => index) }).ok).toBe(true);
    const orOf = (count: number): unknown[] => Array.from({ length: count }, (_, i) => ({ [`k${i}`]: [1] }));
    expect(parsePattern({ x: { $or: orOf(10) }, y: { $or: orOf(10) }, z: { $or: orOf(10) } }).ok).toBe(true);
  });
});

describe('parsePattern accepts the language', () => {
  it('normalizes a plain value into a one-element list (Tencent rules use that form)', () => {
    const result = parsePattern({ source: 'cvm.cloud.tencent', subject: ['ins-1', 'ins-2'], d: { n: null } });
    expect(result).toMatchObject({
      ok: true,
      pattern: { json: { source: ['cvm.cloud.tencent'], subject: ['ins-1', 'ins-2'], d: { n: [null] } } },
    });
  });

  it('reads JSON text, keeping the last of a repeated key', () => {
    const result = parsePattern('{"a": ["x"], "a": [{"prefix": "y"}]}');
    expect(result).toMatchObject({ ok: true, pattern: { json: { a: [{ prefix: 'y' }] } } });
  });

  it('reports JSON syntax errors with line, column and pointer', () => {
    expect(issuesOf('{\n  "a": [1, 2 3]\n}')).toEqual([
      { pointer: '/a/2', message: expect.stringMatching(/^invalid JSON at line 2, column 14: expected ","/) },
    ]);
  });

  it('treats "__proto__" as a field name, never as the prototype', () => {
    const result = parsePattern('{"__proto__": {"polluted": [true]}}');
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (result.ok) expect(Object.keys(result.pattern.json)).toEqual(['__proto__']);
  });

  it.each([
    { a: [{ exactly: 'x' }] },
    { a: [{ prefix: '' }] },
    { a: [{ prefix: { 'equals-ignore-case': 'AbC' } }] },
    { a: [{ 'anything-but': { suffix: ['.png', '.jpg'] } }] },
    { a: [{ 'anything-but': { 'equals-ignore-case': ['x', ''] } }] },
    { a: [{ contain: ['topic-1', 'appid'] }] },
    { a: [{ array: '{"name":"id","originalType":"int(11)"}' }] },
    { a: [{ cidr: '2001:db8::/32' }] },
    { a: [{ cidr: '10.0.0.1' }] },
    { a: [{ exists: false }, 'x'] },
    { a: [{ 'anything-but': 'x' }, 2] },
    { a: [{ wildcard: 'he\\*llo*' }] },
    { subject: { prefix: ['a field named prefix'] } },
  ])('accepts %j', (pattern) => {
    expect(parsePattern(pattern)).toMatchObject({ ok: true });
  });

  it('does not keep references to the input object', () => {
    const input = { a: ['x'] };
    const result = parsePattern(input);
    input.a.push('y');
    expect(result).toMatchObject({ ok: true, pattern: { json: { a: ['x'] } } });
  });
});
