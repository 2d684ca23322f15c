/**
 * @module Tests of `matchesPattern`: every operator, lists, null vs "", nesting, `$or`, array
 * consistency, and events that are not what they should be.
 */
import { describe, expect, it } from 'vitest';
import { matchesPattern } from './match.js';
import { parsePattern } from './parse-pattern.js';
import type { Pattern } from './types.js';

function compile(pattern: unknown): Pattern {
  const result = parsePattern(pattern);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.pattern;
}

type Row = [pattern: unknown, value: unknown, expected: boolean];

/** Each row tests field `x`: the pattern's list against the event value (undefined = field absent). */
function table(rows: Row[]): Array<[string, unknown, unknown, boolean]> {
  return rows.map(([list, value, expected]) => {
    const name = `${JSON.stringify(list)} vs ${JSON.stringify(value)}`;
    return [name, list, value, expected];
  });
}

function matchesField(list: unknown, value: unknown): boolean {
  return matchesPattern(compile({ x: list }), value === undefined ? {} : { x: value });
}

describe('operators, one field', () => {
  it.each(
    table([
      // exact values, JSON-typed
      [['a'], 'a', true],
      [['a'], 'A', false],
      [['1'], 1, false],
      [[1], '1', false],
      [[300], 3.0e2, true],
      [[true], true, true],
      [[true], 'true', false],
      [['a', 'b'], 'b', true],
      ['a', 'a', true],
      // null and "" are not interchangeable
      [[null], null, true],
      [[null], '', false],
      [[''], '', true],
      [[''], null, false],
      [[null], undefined, false],
      // prefix / suffix, with and without case
      [[{ prefix: 'ins-' }], 'ins-42', true],
      [[{ prefix: 'ins-' }], 'INS-42', false],
      [[{ prefix: 'ins-' }], 42, false],
      [[{ prefix: '' }], 'anything', true],
      [[{ prefix: { 'equals-ignore-case': 'INS-' } }], 'ins-42', true],
      [[{ prefix: { 'equals-ignore-case': 'abc' } }], 'ABCé', true],
      [[{ suffix: '.png' }], 'a.png', true],
      [[{ suffix: '.png' }], 'a.PNG', false],
      [[{ suffix: { 'equals-ignore-case': '.png' } }], 'a.PNG', true],
      [[{ suffix: '统治者' }], '事件统治者', true],
      // equals-ignore-case, full Unicode case mapping
      [[{ 'equals-ignore-case': 'Alice' }], 'aLICE', true],
      [[{ 'equals-ignore-case': 'Alice' }], 'Alic', false],
      [[{ 'equals-ignore-case': 'straße' }], 'STRASSE', true],
      [[{ 'equals-ignore-case': 'k' }], '\u212a', false],
      // anything-but
      [[{ 'anything-but': 'stopped' }], 'running', true],
      [[{ 'anything-but': 'stopped' }], 'stopped', false],
      [[{ 'anything-but': ['a', 'b'] }], 'b', false],
      [[{ 'anything-but': [111, 222] }], '111', true],
      [[{ 'anything-but': [111, 222] }], 222, false],
      [[{ 'anything-but': 'x' }], undefined, false],
      [[{ 'anything-but': { prefix: 'init' } }], 'initializing', false],
      [[{ 'anything-but': { prefix: 'init' } }], 'running', true],
      [[{ 'anything-but': { suffix: ['.png', '.jpg'] } }], 'a.jpg', false],
      [[{ 'anything-but': { 'equals-ignore-case': ['Abc'] } }], 'aBC', false],
      [[{ 'anything-but': { wildcard: 'ins-*' } }], 'ins-1', false],
      [[{ 'anything-but': { wildcard: 'ins-*' } }], 'vm-1', true],
      // numeric
      [[{ numeric: ['>', 0, '<=', 5] }], 5, true],
      [[{ numeric: ['>', 0, '<=', 5] }], 0, false],
      [[{ numeric: ['>', 0, '<=', 5] }], '3', false],
      [[{ numeric: ['=', 301.8] }], 3.018e2, true],
      [[{ numeric: ['<', 10] }], -1e9, true],
      [[{ numeric: ['>=', 10] }], 10, true],
      // exists
      [[{ exists: true }], 'x', true],
      [[{ exists: true }], null, true],
      [[{ exists: true }], undefined, false],
      [[{ exists: true }], { nested: 1 }, false],
      [[{ exists: true }], [], false],
      [[{ exists: false }], undefined, true],
      [[{ exists: false }], { nested: 1 }, true],
      [[{ exists: false }], [], true],
      [[{ exists: false }], 0, false],
      [[{ exists: false }, 'x'], 'x', true],
      // cidr
      [[{ cidr: '10.0.0.0/24' }], '10.0.0.123', true],
      [[{ cidr: '10.0.0.0/24' }], '10.0.1.1', false],
      [[{ cidr: '10.0.0.0/24' }], 'not an ip', false],
      [[{ cidr: '10.0.0.1' }], '10.0.0.1', true],
      [[{ cidr: '2001:db8::/32' }], '2001:db8:1::7', true],
      [[{ cidr: '2001:db8::/32' }], '2001:db9::7', false],
      [[{ cidr: '::ffff:0:0/96' }], '::ffff:10.0.0.1', true],
      [[{ cidr: '0.0.0.0/0' }], '::1', false],
      // wildcard
      [[{ wildcard: 'ins-*-prod' }], 'ins-42-prod', true],
      [[{ wildcard: 'ins-*-prod' }], 'ins-42-dev', false],
      [[{ wildcard: '*' }], '', true],
      [[{ wildcard: 'a*b*c' }], 'abc', true],
      [[{ wildcard: 'a*b*c' }], 'acb', false],
      [[{ wildcard: 'he\\*llo' }], 'he*llo', true],
      [[{ wildcard: 'he\\*llo' }], 'hello', false],
      // Tencent: contain (a list means all of them), array
      [[{ contain: 'topic-1' }], 'persistent://appid/ns/topic-1', true],
      [[{ contain: ['topic-1', 'appid'] }], 'persistent://appid/ns/topic-1', true],
      [[{ contain: ['topic-1', 'other'] }], 'persistent://appid/ns/topic-1', false],
      [
        [{ array: '{"name":"id","originalType":"int(11)"}' }],
        [{ name: 'time' }, { name: 'id', originalType: 'int(11)' }],
        true,
      ],
      [
        [{ array: '{"name":"id","originalType":"int(11)"}' }],
        [{ name: 'id' }, { originalType: 'int(11)' }],
        false,
      ],
      [[{ array: '{"name":"time"}' }], { name: 'time' }, true],
      [[{ array: '{"name":"time"}' }], 'time', false],
      // exactly
      [[{ exactly: 'a' }], 'a', true],
      [[{ exactly: 'a' }], 'ab', false],
    ]),
  )('%s', (_name, list, value, expected) => {
    expect(matchesField(list, value)).toBe(expected);
  });
});

describe('event lists', () => {
  it.each(
    table([
      [['b'], ['a', 'b'], true],
      [['c'], ['a', 'b'], false],
      [['b'], [['a'], ['b']], true],
      [[{ prefix: 'qcs::eb' }], ['x', 'qcs::eb:ap-guangzhou:1'], true],
      [[{ 'anything-but': 'a' }], ['a', 'b'], true],
      [[{ 'anything-but': 'a' }], ['a'], false],
      [[{ numeric: ['>', 10] }], [1, 20], true],
      [['b'], [{ x: 'b' }], false],
    ]),
  )('%s', (_name, list, value, expected) => {
    expect(matchesField(list, value)).toBe(expected);
  });
});

describe('nesting, $or and array consistency', () => {
  const alarm = {
    source: 'cvm.cloud.tencent',
    type: 'cvm:ErrorEvent:ping_unreachable',
    subject: 'ins-sjdksjk',
    data: { dimensions: { ip: '127.0.0.1' }, status: '1' },
  };
  const songs = {
    Songs: [
      {
        Name: 'Paperback Writer',
        Writers: [
          { First: 'John', Last: 'Lennon' },
          { First: 'Paul', Last: 'McCartney' },
        ],
      },
      { Name: 'Paint It Black', Writers: [{ First: 'Mick', Last: 'Jagger' }] },
    ],
  };

  it.each<[string, unknown, unknown, boolean]>([
    ['nested fields', { data: { dimensions: { ip: [{ cidr: '127.0.0.0/8' }] } } }, alarm, true],
    ['a nested pattern against a plain value', { subject: { id: ['x'] } }, alarm, false],
    ['a dotted key is a literal name', { 'data.status': ['1'] }, alarm, false],
    ['a dotted key matches a dotted event key', { 'data.status': ['1'] }, { 'data.status': '1' }, true],
    ['keys are ANDed', { source: 'cvm.cloud.tencent', subject: ['ins-other'] }, alarm, false],
    [
      '$or: one branch suffices',
      { $or: [{ subject: ['ins-other'] }, { type: [{ suffix: 'unreachable' }] }] },
      alarm,
      true,
    ],
    ['$or: no branch', { $or: [{ subject: ['a'] }, { type: ['b'] }] }, alarm, false],
    [
      '$or is ANDed with fields',
      { source: ['cos.cloud.tencent'], $or: [{ subject: [{ exists: true }] }, { x: [1] }] },
      alarm,
      false,
    ],
    [
      '$or nested in an object',
      { data: { $or: [{ status: ['0'] }, { dimensions: { ip: ['127.0.0.1'] } }] } },
      alarm,
      true,
    ],
    [
      'consistent: one element holds both',
      { Songs: { Name: ['Paperback Writer'], Writers: { First: ['Paul'], Last: ['McCartney'] } } },
      songs,
      true,
    ],
    [
      'inconsistent: two elements',
      { Songs: { Writers: { First: ['Mick'], Last: ['McCartney'] } } },
      songs,
      false,
    ],
    [
      'inconsistent across levels',
      { Songs: { Name: ['Paint It Black'], Writers: { First: ['Paul'] } } },
      songs,
      false,
    ],
    [
      'exists:false inside one element',
      { Songs: { Name: ['Paint It Black'], Writers: { Middle: [{ exists: false }] } } },
      songs,
      true,
    ],
    ['exists:false on an absent parent', { missing: { child: [{ exists: false }] } }, alarm, true],
    ['exists:false on an empty list', { list: { child: [{ exists: false }] } }, { list: [] }, true],
    [
      '$or inside list elements',
      { Songs: { $or: [{ Name: ['x'] }, { Writers: { First: ['Mick'] } }] } },
      songs,
      true,
    ],
  ])('%s', (_name, pattern, event, expected) => {
    expect(matchesPattern(compile(pattern), event)).toBe(expected);
  });

  it('matches the reference alarm examples', () => {
    for (const pattern of [
      { source: 'cvm.cloud.tencent' },
      { source: 'cvm.cloud.tencent', type: 'cvm:ErrorEvent:ping_unreachable' },
      { source: 'cvm.cloud.tencent', subject: ['ins-xxxxxx', 'ins-sjdksjk'] },
    ]) {
      expect(matchesPattern(compile(pattern), alarm)).toBe(true);
    }
    const other = compile({ source: 'cvm.cloud.tencent', subject: 'ins-xxxxxx' });
    expect(matchesPattern(other, alarm)).toBe(false);
  });
});

describe('events that are not plain JSON objects never match and never throw', () => {
  const pattern = compile({ a: [{ exists: false }] });
  const cyclic: unknown[] = [];
  cyclic.push(cyclic);
  const hostile = Object.defineProperty({}, 'a', {
    get: () => {
      throw new Error('boom');
    },
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', '{"a": 1}'],
    ['a list', [{}]],
    ['a number', 3],
    ['undefined', undefined],
  ])('%s', (_name, event) => {
    expect(matchesPattern(pattern, event)).toBe(false);
  });

  it('a getter that throws', () => {
    expect(matchesPattern(compile({ a: ['x'] }), hostile)).toBe(false);
  });

  it('a list that contains itself', () => {
    expect(matchesPattern(compile({ a: ['x'] }), { a: cyclic })).toBe(false);
    expect(matchesPattern(compile({ a: { b: ['x'] } }), { a: cyclic })).toBe(false);
  });

  it('inherited properties are not fields', () => {
    expect(matchesPattern(compile({ constructor: [{ exists: true }] }), {})).toBe(false);
    expect(matchesPattern(compile('{"__proto__": [{"exists": true}]}'), {})).toBe(false);
    expect(matchesPattern(compile('{"__proto__": [1]}'), JSON.parse('{"__proto__": 1}'))).toBe(true);
    expect(matchesPattern(compile({ toString: [{ exists: false }] }), {})).toBe(true);
  });

  it('a value that is not a pattern', () => {
    expect(matchesPattern({ a: ['x'] } as unknown as Pattern, { a: 'x' })).toBe(false);
  });
});
