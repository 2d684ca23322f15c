/**
 * @module Tests of the JSON reader against what JSON.parse accepts, rejects and gives: where an error is (line,
 * column, pointer), repeated keys, numbers a double cannot hold, the nesting limit.
 */
import { describe, expect, it } from 'vitest';
import { describeJsonError, lineAndColumn, readJson, type JsonReading } from './read.js';

function errorOf(reading: JsonReading) {
  if (reading.ok) throw new Error('expected the text to be refused');
  return reading.error;
}

describe('readJson: syntax errors', () => {
  it.each([
    { text: '', line: 1, column: 1, reason: 'unexpected end of the text: expected a value' },
    { text: '   ', line: 1, column: 4, reason: 'unexpected end of the text' },
    { text: '{', line: 1, column: 2, reason: 'expected a property name in double quotes' },
    { text: '{\n  "a": 1,\n}', line: 3, column: 1, reason: 'a trailing comma is not allowed' },
    { text: '[1, 2,]', line: 1, column: 7, reason: 'remove the "," before "]"' },
    { text: '{"a" 1}', line: 1, column: 6, reason: 'expected ":" after the property name' },
    { text: '{"a": 1 "b": 2}', line: 1, column: 9, reason: 'expected "," or "}" after a property value' },
    { text: '[1 2]', line: 1, column: 4, reason: 'expected "," or "]" after a list item' },
    { text: "{'a': 1}", line: 1, column: 2, reason: 'expected a property name in double quotes' },
    { text: '{"a": tru}', line: 1, column: 7, reason: 'expected a value' },
    { text: '{"a": 01}', line: 1, column: 8, reason: 'invalid number' },
    { text: '{"a": 1.}', line: 1, column: 8, reason: 'invalid number' },
    { text: '{"a": -}', line: 1, column: 7, reason: 'invalid number' },
    { text: '{"a": "x\ny"}', line: 1, column: 9, reason: 'control character in a string' },
    { text: '"\\q"', line: 1, column: 2, reason: 'invalid escape' },
    { text: '"\\u12G4"', line: 1, column: 2, reason: 'invalid escape' },
    { text: '{"a": "open', line: 1, column: 7, reason: 'unterminated string' },
    { text: '{"a": 1}}', line: 1, column: 9, reason: 'unexpected text after the end of the JSON value' },
    { text: '{\r\n  "a": [\r\n    1,\r\n  }', line: 4, column: 3, reason: 'expected a value' },
    { text: '{"ü": "€", "b": x}', line: 1, column: 17, reason: 'expected a value' },
  ])('finds the error in $text', ({ text, line, column, reason }) => {
    expect(() => JSON.parse(text)).toThrow();
    const error = errorOf(readJson(text));
    expect(error).toMatchObject({ problem: 'syntax', line, column });
    expect(error.reason).toContain(reason);
  });

  it.each([
    '{}',
    '[]',
    ' {"a": [1, -0.5e+10, 0, 1E3, true, false, null, "\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9"]}\n',
    '"just a string"',
    '-0',
    `[${'1'.repeat(500)}]`,
    '{"a":{"b":{"c":[{}]}}}',
  ])('accepts what JSON.parse accepts: %s', (text) => {
    const reading = readJson(text);
    if (!reading.ok) throw new Error(describeJsonError(reading.error));
    expect(JSON.stringify(reading.value)).toBe(JSON.stringify(JSON.parse(text)));
    expect(reading.repeatedKeys).toEqual([]);
  });

  it.each<[string, string]>([
    ['{a: 1}', ''],
    ['{"a" 1}', '/a'],
    ['{"a": [1 2]}', '/a/1'],
    ['{"a": 1 "b": 2}', ''],
    ['{"a": "x\\d"}', '/a'],
    ['{"a": {"\\q": 1}}', '/a'],
    ['{"a":\n  [tru]}', '/a/0'],
    ['[0, {"b": [1, 2, -]}]', '/1/b/2'],
    ['{"a/b": {"c~d": nul}}', '/a~1b/c~0d'],
  ])('%j fails at pointer %j', (text, pointer) => {
    expect(errorOf(readJson(text)).pointer).toBe(pointer);
  });

  it('describes an error in one line with its position', () => {
    const error = errorOf(readJson('{\n  "a": 1,\n}'));
    expect(describeJsonError(error)).toBe(
      'invalid JSON at line 3, column 1: a trailing comma is not allowed: remove the "," before "}"',
    );
  });
});

describe('readJson: what JSON.parse hides', () => {
  it.each([
    ['{"id": "a", "id": "b"}', ['/id']],
    ['{"id": "a", "\\u0069d": "b"}', ['/id']],
    ['[{"a": 1}, {"a": 1, "b": {"c": 1, "c": 2}}]', ['/1/b/c']],
    ['{"x": [1, {"y": 1, "y": 2}]}', ['/x/1/y']],
    ['{"a/b": {"k": 1, "k": 2}}', ['/a~1b/k']],
    ['{"a": 1, "a": 2, "a": 3}', ['/a', '/a']],
    ['{"s": "{\\"a\\": 1, \\"a\\": 2}", "t": "]}[{,:"}', []],
    ['{"a": {"b": 1}, "b": {"a": 1}}', []],
    ['[{"id": 1}, {"id": 2}]', []],
  ])('lists the repeated keys of %s, keeping the value JSON.parse gives', (text, repeatedKeys) => {
    expect(readJson(text)).toEqual({ ok: true, value: JSON.parse(text), repeatedKeys, numbersOutOfRange: [] });
  });

  it('reads -0 as 0, as it will be written (JSON.parse keeps -0)', () => {
    const read = readJson('{"a": -0, "b": [-0.0, -0e5], "c": 0}');
    expect(read.ok).toBe(true);
    const value = (read as { value: { a: number; b: number[]; c: number } }).value;
    expect([value.a, ...value.b, value.c].every((number) => Object.is(number, 0))).toBe(true);
  });

  it('keeps "__proto__" as data, as JSON.parse does', () => {
    const reading = readJson('{"a": "\\u00e9\\n\\"", "__proto__": {"x": [true, null]}}');
    if (!reading.ok) throw new Error('not read');
    const value = reading.value as Record<string, unknown>;
    expect(value.a).toBe('é\n"');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ x: [true, null] });
  });

  it('lists every number a double cannot hold', () => {
    const reading = readJson('{"a": [1E309, 2.5, -1e-400, 0.0e5, 1E-320]}');
    expect(reading).toMatchObject({
      ok: true,
      numbersOutOfRange: [
        { pointer: '/a/0', literal: '1E309', tooLarge: true },
        { pointer: '/a/2', literal: '-1e-400', tooLarge: false },
      ],
    });
  });
});

describe('readJson: the nesting limit', () => {
  it.each([
    ['[[[1]]]', 2, '/0/0'],
    ['{"data": {"a": [{"b": [[]]}]}}', 4, '/data/a/0/b'],
    ['{"s": "[[[[[[", "t": [["x"]]}', 2, '/t/0'],
    ['{"k\\"ey": [[[]]]}', 3, '/k"ey/0/0'],
    [`{"data": ${'['.repeat(5000)}${']'.repeat(5000)}}`, 128, `/data${'/0'.repeat(127)}`],
  ])('refuses %s nested deeper than %i, saying where', (text, maxDepth, pointer) => {
    const error = errorOf(readJson(text, { maxDepth }));
    expect(error).toMatchObject({ problem: 'depth', pointer });
    expect(error.reason).toContain(`deeper than ${maxDepth} levels at ${pointer}`);
  });

  it('accepts nesting up to the limit, and any nesting without one, with no recursion', () => {
    expect(readJson('[[[1]]]', { maxDepth: 3 })).toMatchObject({ ok: true, value: [[[1]]] });
    const deep = readJson(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(deep.ok).toBe(true);
  });
});

describe('lineAndColumn', () => {
  it('counts \\n, \\r\\n and \\r as one line end each', () => {
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab\r\ncd', 5)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab\rcd', 3)).toEqual({ line: 2, column: 1 });
    expect(lineAndColumn('abc', 0)).toEqual({ line: 1, column: 1 });
  });
});
