/**
 * @module Tests of the JSONPath subset: the forms it reads, and one row per kind of bad path.
 */
import { describe, expect, it } from 'vitest';
import { parseJsonPath, readJsonPath } from './json-path.js';

describe('parseJsonPath', () => {
  it.each([
    ['$', []],
    ['$.subject', ['subject']],
    ['$.data.dimensions.ip', ['data', 'dimensions', 'ip']],
    ["$.tags['key with.dots']", ['tags', 'key with.dots']],
    ['$["a\\"b"]', ['a"b']],
    ['$.resource[0]', ['resource', 0]],
    ['$.a-b.$c_d', ['a-b', '$c_d']],
  ])('reads %s', (text, path) => {
    expect(parseJsonPath(text)).toEqual({ ok: true, path });
  });

  it.each([
    ['data.x', 'a path starts with "$"'],
    ['$.', 'expected a field name after "." at offset 1'],
    ['$..x', 'expected a field name after "." at offset 1'],
    ['$.a[', 'unexpected "[" at offset 3'],
    ['$.a[01]', 'unexpected "[" at offset 3'],
    ['$.a[*]', 'unexpected "[" at offset 3'],
    ['$a', 'unexpected "a" at offset 1'],
  ])('rejects %s', (text, message) => {
    const parsed = parseJsonPath(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok === false && parsed.message).toContain(message);
  });
});

describe('readJsonPath', () => {
  const event = { data: { list: [{ id: 'x' }], 'has.dot': 1, zero: 0 }, nothing: null };

  it.each([
    [[], event],
    [['data', 'list', 0, 'id'], 'x'],
    [['data', 'has.dot'], 1],
    [['data', 'zero'], 0],
    [['nothing'], null],
    [['data', 'list', 5], undefined],
    [['data', 'missing', 'deeper'], undefined],
    [['data', 'list', 'id'], undefined],
    [['data', 0], undefined],
    [['data', 'toString'], undefined],
  ] as Array<[Array<string | number>, unknown]>)('reads %j', (path, value) => {
    expect(readJsonPath(event, path)).toEqual(value);
  });
});
