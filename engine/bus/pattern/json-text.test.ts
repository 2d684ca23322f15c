/**
 * @module Tests of the pattern JSON reader: syntax errors say where, numbers are never silently changed.
 */
import { describe, expect, it } from 'vitest';
import { readJsonText } from './json-text.js';

describe('readJsonText', () => {
  it.each<[string, string, string]>([
    ['', '', 'line 1, column 1: expected a value, found the end of the text'],
    ['x', '', 'line 1, column 1: expected a value, found "x"'],
    ['{"a": 1} x', '', 'line 1, column 10: unexpected text after the pattern'],
    ['{a: 1}', '', 'line 1, column 2: expected a key in double quotes'],
    ['{"a" 1}', '/a', "line 1, column 6: expected ':' after the key"],
    ['{"a": [1 2]}', '/a/1', "line 1, column 10: expected ',' or ']' after an element"],
    ['{"a": 1 "b": 2}', '', "line 1, column 9: expected ',' or '}' after a member"],
    ['{"a": "x\\d"}', '/a', 'line 1, column 10: invalid escape'],
    ['{"a": "\\u12"}', '/a', 'line 1, column 9: expected four hex digits'],
    ['{"a": "x\ny"}', '/a', 'line 1, column 9: control characters must be escaped'],
    ['{"a": "open', '/a', 'unterminated string'],
    ['{"a": -}', '/a', 'line 1, column 7: expected a number'],
    ['{"a": 01}', '', "line 1, column 8: expected ',' or '}' after a member"],
    ['{"a":\n  [tru]}', '/a/0', 'line 2, column 4: expected a value'],
  ])('%j fails at %j', (text, pointer, message) => {
    const result = readJsonText(text, 32);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]!.pointer).toBe(pointer);
    expect(result.issues[0]!.message).toContain(message);
  });

  it('reports numbers a double cannot hold, every one of them', () => {
    expect(readJsonText('{"a": [1E309, 2.5, -1e-400, 0.0e5, 1E-320]}', 32)).toEqual({
      ok: false,
      issues: [
        { pointer: '/a/0', message: 'number 1E309 is too large for a double' },
        { pointer: '/a/2', message: 'number -1e-400 is too small for a double (it would become 0)' },
      ],
    });
  });

  it('keeps the last of a repeated key, decodes escapes and keeps "__proto__" as data', () => {
    const result = readJsonText('{"a": 1, "a": "\\u00e9\\n\\"", "__proto__": {"x": [true, null]}}', 32);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.value as Record<string, unknown>;
    expect(value.a).toBe('é\n"');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ x: [true, null] });
  });

  it('stops at the nesting limit instead of overflowing the stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const result = readJsonText(`{"a": ${deep}}`, 32);
    const issue = { message: expect.stringContaining('nesting deeper than 32') };
    expect(result).toMatchObject({ ok: false, issues: [issue] });
  });
});
