/**
 * @module Tests of the JSON depth scan (text and bytes) and the value walk.
 */
import { describe, expect, it } from 'vitest';
import { depthExcessMessage, findTextDepthExcess, findValueDepthExcess } from './json-depth.js';

const deepArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('findTextDepthExcess', () => {
  it.each([
    ['[]', 1, undefined],
    ['[[]]', 1, '/0'],
    ['{"a": {"b": {}}}', 2, '/a/b'],
    ['{"a": 1, "b": [0, 1, [2]]}', 2, '/b/2'],
    ['{"x": "[[[[[{{{{", "y": {}}', 1, '/y'],
    ['{"x": "a\\\\", "y": [[]]}', 2, '/y/0'],
    ['{"a~b/c": [[]]}', 2, '/a~0b~1c/0'],
    ['{"\\u0061": [[]]}', 2, '/a/0'],
    ['[1, {"k": "v", "n": [[]]}]', 3, '/1/n/0'],
    ['[[[', 2, '/0/0'],
    ['"[[[[["', 1, undefined],
    [deepArrays(5000), 128, '/0'.repeat(128)],
  ])('%s at most %i deep: %s', (text, limit, pointer) => {
    const found = findTextDepthExcess(text, limit);
    expect(found?.pointer).toBe(pointer);
    if (pointer !== undefined) expect(found?.limit).toBe(limit);
  });

  it('scans UTF-8 bytes the same way, with non-ASCII keys in the pointer', () => {
    const text = '{"名前": "ü[", "ключ": [[{"é": [[]]}]]}';
    expect(findTextDepthExcess(Buffer.from(text), 4)).toEqual({ pointer: '/ключ/0/0/é', limit: 4 });
    expect(findTextDepthExcess(Buffer.from(text), 5)).toEqual({ pointer: '/ключ/0/0/é/0', limit: 5 });
    expect(findTextDepthExcess(Buffer.from(text), 6)).toBeUndefined();
  });
});

describe('findValueDepthExcess', () => {
  it.each([
    [null, 1, undefined],
    [[], 1, undefined],
    [[[]], 1, '/0'],
    [{ a: [1, { b: {} }] }, 2, '/a/1'],
    [{ a: [1, { b: {} }] }, 3, '/a/1/b'],
    [{ a: [1, { b: {} }] }, 4, undefined],
  ])('%j at most %i deep: %s', (value, limit, pointer) => {
    expect(findValueDepthExcess(value, limit)?.pointer).toBe(pointer);
  });

  it('walks 100,000 levels without recursion, and counts a cycle as too deep', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 100_000; level++) deep = { a: deep };
    expect(findValueDepthExcess(deep, 128)?.pointer).toBe('/a'.repeat(128));
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(findValueDepthExcess(cycle, 10)?.pointer).toBe('/self'.repeat(10));
    expect(findValueDepthExcess(deep, 200_000)).toBeUndefined();
    expect(findValueDepthExcess(cycle, 5000)?.pointer).toBe('/self'.repeat(5000));
  });
});

describe('depthExcessMessage', () => {
  it('names the limit, its config key and the pointer', () => {
    expect(depthExcessMessage({ pointer: '/data/0', limit: 128 })).toBe(
      'JSON nests deeper than 128 levels at /data/0 (the limit is limits.jsonDepth)',
    );
  });
});
