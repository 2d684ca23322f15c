/**
 * @module Tests of the deterministic JSON writer and its usual key order.
 */
import { describe, expect, it } from 'vitest';
import { preferredThenAlphabetical, stringifyJson } from './write.js';

describe('stringifyJson', () => {
  it('orders keys as asked, keeping keys the order leaves out and ignoring absent ones', () => {
    const text = stringifyJson({ c: 1, b: { y: 1, x: 2 }, a: 3 }, (path, keys) =>
      path.length === 0 ? ['a', 'missing', 'b'] : [...keys].sort(),
    );
    expect(text).toBe('{\n  "a": 3,\n  "b": {\n    "x": 2,\n    "y": 1\n  },\n  "c": 1\n}\n');
  });

  it('passes the path of each object, array indexes as strings', () => {
    const paths: string[] = [];
    stringifyJson({ list: [{ deep: {} }] }, (path, keys) => {
      paths.push(path.join('.'));
      return keys;
    });
    expect(paths).toEqual(['', 'list.0', 'list.0.deep']);
  });

  it('treats values JSON cannot hold as JSON.stringify does', () => {
    const value = { gone: undefined, fn: () => 1, nan: NaN, list: [undefined, Infinity], date: new Date(0) };
    expect(JSON.parse(stringifyJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
    expect(stringifyJson(undefined)).toBe('null\n');
  });

  it('rejects circular structures and BigInt with a clear error', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => stringifyJson(loop)).toThrow(/circular structure as JSON \(at \/self\)/);
    expect(() => stringifyJson({ big: 1n })).toThrow(/BigInt/);
  });

  it('writes a value shared by two places twice, as it is not a cycle', () => {
    const shared = { a: 1 };
    expect(JSON.parse(stringifyJson({ one: shared, two: shared }))).toEqual({ one: { a: 1 }, two: { a: 1 } });
  });
});

describe('preferredThenAlphabetical', () => {
  it('puts the preferred keys first in their order, then the rest by code unit', () => {
    const ordered = preferredThenAlphabetical(['b', 'Z', 'id', 'a', 'é'], ['id', 'missing']);
    expect(ordered).toEqual(['id', 'Z', 'a', 'b', 'é']);
  });
});
