/**
 * @module Tests of reading pattern text: syntax errors say where, numbers are never silently changed.
 */
import { describe, expect, it } from 'vitest';
import { readPatternText } from './pattern-text.js';

describe('readPatternText', () => {
  it.each<[string, string, string]>([
    ['', '', 'line 1, column 1: unexpected end of the text: expected a value'],
    ['x', '', 'line 1, column 1: expected a value'],
    ['{"a": 1} x', '', 'line 1, column 10: unexpected text after the end of the JSON value'],
    ['{a: 1}', '', 'line 1, column 2: expected a property name in double quotes'],
    ['{"a" 1}', '/a', 'line 1, column 6: expected ":" after the property name'],
    ['{"a": [1 2]}', '/a/1', 'line 1, column 10: expected "," or "]" after a list item'],
    ['{"a": 1 "b": 2}', '', 'line 1, column 9: expected "," or "}" after a property value'],
    ['{"a": "x\\d"}', '/a', 'line 1, column 9: invalid escape'],
    ['{"a": "\\u12"}', '/a', 'line 1, column 8: invalid escape'],
    ['{"a": "x\ny"}', '/a', 'line 1, column 9: control character in a string'],
    ['{"a": "open', '/a', 'unterminated string'],
    ['{"a": -}', '/a', 'line 1, column 7: invalid number'],
    ['{"a": 01}', '/a', 'line 1, column 8: invalid number'],
    ['{"a":\n  [tru]}', '/a/0', 'line 2, column 4: expected a value'],
  ])('%j fails at %j', (text, pointer, message) => {
    const result = readPatternText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]!.pointer).toBe(pointer);
    expect(result.issues[0]!.message).toContain(message);
  });

  it('reports numbers a double cannot hold, every one of them', () => {
    expect(readPatternText('{"a": [1E309, 2.5, -1e-400, 0.0e5, 1E-320]}')).toEqual({
      ok: false,
      issues: [
        { pointer: '/a/0', message: 'number 1E309 is too large for a double' },
        { pointer: '/a/2', message: 'number -1e-400 is too small for a double (it would become 0)' },
      ],
    });
  });

  it('keeps the last of a repeated key, decodes escapes and keeps "__proto__" as data', () => {
    const result = readPatternText('{"a": 1, "a": "\\u00e9\\n\\"", "__proto__": {"x": [true, null]}}');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.value as Record<string, unknown>;
    expect(value.a).toBe('é\n"');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ x: [true, null] });
  });

  it('stops at the nesting limit instead of overflowing the stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const result = readPatternText(`{"a": ${deep}}`);
    const issue = { pointer: `/a${'/0'.repeat(31)}`, message: 'a pattern may nest at most 32 levels deep' };
    expect(result).toMatchObject({ ok: false, issues: [issue] });
  });
});
