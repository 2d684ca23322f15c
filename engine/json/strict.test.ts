/**
 * @module Tests of strict JSON for events: repeated members, numbers out of range, UTF-8, the nesting limit.
 */
import { describe, expect, it } from 'vitest';
import { duplicateUnder, parseJson, parseJsonBytes } from './strict.js';

describe('parseJson', () => {
  it.each([
    ['{"id": "a", "\\u0069d": "b"}', ['/id']],
    ['[{"a": 1}, {"a": 1, "b": {"c": 1, "c": 2}}]', ['/1/b/c']],
    ['{"s": "{\\"a\\": 1, \\"a\\": 2}"}', []],
  ])('finds the repeated members of %s', (text, duplicates) => {
    expect(parseJson(text)).toMatchObject({ ok: true, duplicates });
  });

  it('refuses a number too large for a double, saying where', () => {
    expect(parseJson('{"data": [1, 1e999]}')).toEqual({
      ok: false,
      problem: 'range',
      pointer: '/data/1',
      reason: 'not usable JSON: the number at /data/1 is too large for a double',
    });
  });

  it('keeps the value JSON.parse gives (the last of repeated members)', () => {
    expect(parseJson('{"id": "a", "id": "b"}')).toMatchObject({ value: { id: 'b' } });
  });

  it.each(['{', 'specversion=1.0', '{"a": 1,}', ''])('rejects malformed JSON %j', (text) => {
    const parsed = parseJson(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(/^not valid JSON: line \d+, column \d+: /);
  });

  it('rejects bytes that are not UTF-8', () => {
    const parsed = parseJsonBytes(Buffer.from([0x22, 0xff, 0x22]));
    expect(parsed).toEqual({ ok: false, reason: 'not valid UTF-8', problem: 'syntax' });
  });

  // Regression: a 5,000-deep `data` used to reach the recursive code after the parser and answer 500.
  it('refuses nesting deeper than the limit by default (128), saying where', () => {
    const pointer = `/data${'/0'.repeat(127)}`;
    const parsed = parseJson(`{"data": ${'['.repeat(5000)}${']'.repeat(5000)}}`);
    expect(parsed).toMatchObject({ ok: false, problem: 'depth', pointer });
    const reason = `too deeply nested: JSON nests deeper than 128 levels at ${pointer} (the limit is limits.jsonDepth)`;
    if (!parsed.ok) expect(parsed.reason).toBe(reason);
    expect(parseJson('[[[1]]]', 3)).toMatchObject({ ok: true, value: [[[1]]] });
  });
});

describe('duplicateUnder', () => {
  it('matches the pointer itself and pointers below it, not siblings with a common prefix', () => {
    expect(duplicateUnder(['/10/id'], '/1')).toBeUndefined();
    expect(duplicateUnder(['/1/id'], '/1')).toBe('/1/id');
    expect(duplicateUnder(['/1'], '/1')).toBe('/1');
  });
});
