/**
 * @module Tests of the type-system value rules, table-driven over good and bad values.
 */
import { describe, expect, it } from 'vitest';
import { isBase64, isRfc3339, nameProblem, readTime, stringProblem } from './value-rules.js';

describe('nameProblem', () => {
  it.each(['id', 'comexampleextension1', 'a', 'x'.repeat(21), '0abc'])('accepts %s', (name) => {
    expect(nameProblem(name)).toBeUndefined();
  });

  it.each([
    ['comExample', /lower-case/],
    ['with_underscore', /lower-case/],
    ['with-dash', /lower-case/],
    ['', /lower-case/],
    ['data', /reserved/],
  ])('rejects %j', (name, message) => {
    expect(nameProblem(name)).toMatch(message);
  });
});

describe('stringProblem', () => {
  it.each(['plain', 'Euro € 😀', '\uD800\uDEAD', ''])('accepts %j', (value) => {
    expect(stringProblem(value)).toBeUndefined();
  });

  it.each([
    ['bell\u0007', 'control character U+0007'],
    ['line\nbreak', 'control character U+000A'],
    ['c1\u0085', 'control character U+0085'],
    ['del\u007f', 'control character U+007F'],
    ['\uDEAD', 'unpaired surrogate U+DEAD'],
    ['\uD800x', 'unpaired surrogate U+D800'],
    ['end\uD800', 'unpaired surrogate U+D800'],
    ['\uFDD0', 'noncharacter U+FDD0'],
    ['\uFFFE', 'noncharacter U+FFFE'],
    ['\uD83F\uDFFF', 'noncharacter U+1FFFF'],
  ])('rejects %j', (value, message) => {
    expect(stringProblem(value)).toContain(message);
  });
});

describe('isRfc3339', () => {
  it.each([
    '2018-04-05T17:31:00Z',
    '2018-04-05t17:31:00.123456z',
    '2018-04-05T17:31:00+08:00',
    '2016-12-31T23:59:60Z',
    '2024-02-29T00:00:00Z',
    '2000-02-29T00:00:00-05:30',
  ])('accepts %s', (value) => {
    expect(isRfc3339(value)).toBe(true);
  });

  it.each([
    '04/05/2018 17:31:00',
    '2018-04-05 17:31:00Z',
    '2018-04-05T17:31:00',
    '2018-13-05T17:31:00Z',
    '2023-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2018-04-31T00:00:00Z',
    '2018-04-05T24:00:00Z',
    '2018-04-05T17:60:00Z',
    '2018-04-05T17:31:00+24:00',
    '2018-04-05',
  ])('rejects %s', (value) => {
    expect(isRfc3339(value)).toBe(false);
  });
});

describe('readTime', () => {
  it.each([
    ['2018-04-05T17:31:00Z', '2018-04-05T17:31:00Z'],
    [1615430559146, 1615430559146],
    ['1615430559146', 1615430559146],
    [0, 0],
  ])('reads %j as %j', (input, expected) => {
    expect(readTime(input)).toBe(expected);
  });

  it.each([[-1], [1.5], ['12a'], ['99999999999999999'], [true], [null], [{}], [9e15]])(
    'rejects %j',
    (input) => {
      expect(readTime(input)).toBeUndefined();
    },
  );
});

describe('isBase64', () => {
  it.each(['', 'eyAieHl6IjogMTIzIH0=', 'YQ==', 'YWI=', 'YWJj', '+/+/'])('accepts %j', (value) => {
    expect(isBase64(value)).toBe(true);
  });

  it.each(['not base64!', 'YQ', 'YQ=', 'Y===', 'YW Jj', 'YWJj\n', '-_-_', '... base64 encoded string ...'])(
    'rejects %j',
    (value) => {
      expect(isBase64(value)).toBe(false);
    },
  );
});
