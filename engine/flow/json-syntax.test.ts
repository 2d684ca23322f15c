/**
 * @module Tests of the JSON syntax error locator against what JSON.parse accepts and rejects.
 */
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, lineAndColumn } from './json-syntax.js';

describe('findJsonSyntaxError', () => {
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
    const error = findJsonSyntaxError(text);
    expect(error).toMatchObject({ line, column });
    expect(error?.reason).toContain(reason);
  });

  it.each([
    '{}',
    '[]',
    ' {"a": [1, -0.5e+10, 0, 1E3, true, false, null, "\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9"]}\n',
    '"just a string"',
    '-0',
    `[${'1'.repeat(500)}]`,
    `${'['.repeat(5000)}${']'.repeat(5000)}`,
    '{"a":{"b":{"c":[{}]}}}',
  ])('accepts what JSON.parse accepts: %s', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(findJsonSyntaxError(text)).toBeUndefined();
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
