/**
 * @module Tests of the compiled rule matcher: add/remove/replace, every operator through the indexes,
 * and agreement with `matchesPattern` on generated rules and events.
 */
import { describe, expect, it } from 'vitest';
import { matchesPattern } from './match.js';
import { parsePattern } from './parse-pattern.js';
import { createRuleMatcher, type RuleMatcher } from './rule-matcher.js';
import type { Pattern } from './types.js';

function compile(pattern: unknown): Pattern {
  const result = parsePattern(pattern);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.pattern;
}

function matcherWith(rules: Record<string, unknown>): RuleMatcher {
  const matcher = createRuleMatcher();
  for (const [id, pattern] of Object.entries(rules)) matcher.add(id, compile(pattern));
  return matcher;
}

const sorted = (ids: string[]): string[] => [...ids].sort();

describe('RuleMatcher bookkeeping', () => {
  it('adds, replaces and removes rules without touching the others', () => {
    const [cvm, cos] = ['cvm.cloud.tencent', 'cos.cloud.tencent'];
    const matcher = matcherWith({ cvm: { source: cvm }, cos: { source: cos } });
    expect(matcher.size).toBe(2);
    expect(matcher.match({ source: cvm })).toEqual(['cvm']);

    matcher.add('cvm', compile({ source: [cvm], subject: [{ prefix: 'ins-' }] }));
    expect(matcher.size).toBe(2);
    expect(matcher.match({ source: cvm })).toEqual([]);
    expect(matcher.match({ source: cvm, subject: 'ins-1' })).toEqual(['cvm']);

    expect(matcher.remove('cvm')).toBe(true);
    expect(matcher.remove('cvm')).toBe(false);
    expect(matcher.size).toBe(1);
    expect(matcher.match({ source: cvm, subject: 'ins-1' })).toEqual([]);
    expect(matcher.match({ source: cos })).toEqual(['cos']);
  });

  it('keeps shared transitions until the last rule using them is removed', () => {
    const matcher = createRuleMatcher();
    for (let index = 0; index < 50; index++) {
      matcher.add(`r${index}`, compile({ source: ['cvm.cloud.tencent'], subject: [`ins-${index % 5}`] }));
    }
    expect(matcher.match({ source: 'cvm.cloud.tencent', subject: 'ins-3' })).toHaveLength(10);
    for (let index = 0; index < 50; index += 5) matcher.remove(`r${index + 3}`);
    expect(matcher.match({ source: 'cvm.cloud.tencent', subject: 'ins-3' })).toEqual([]);
    expect(matcher.match({ source: 'cvm.cloud.tencent', subject: 'ins-4' })).toHaveLength(10);
    for (let index = 0; index < 50; index++) matcher.remove(`r${index}`);
    expect(matcher.size).toBe(0);
    expect(matcher.match({ source: 'cvm.cloud.tencent', subject: 'ins-4' })).toEqual([]);
  });

  it('refuses something that is not a parsed pattern', () => {
    expect(() => createRuleMatcher().add('x', { source: ['a'] } as unknown as Pattern)).toThrow(TypeError);
  });

  it('answers [] for events that are not objects, and never throws', () => {
    const matcher = matcherWith({ any: { a: [{ exists: false }] }, x: { a: ['x'] } });
    for (const event of [null, undefined, 'text', 42, [{ a: 'x' }]]) expect(matcher.match(event)).toEqual([]);
    const hostile = Object.defineProperty({}, 'a', {
      get: () => {
        throw new Error('boom');
      },
    });
    expect(matcher.match(hostile)).toEqual([]);
  });
});

describe('RuleMatcher finds rules through every kind of condition', () => {
  const matcher = matcherWith({
    exact: { source: ['cvm.cloud.tencent'], type: ['cvm:ErrorEvent:ping_unreachable', 'cvm:ErrorEvent:oom'] },
    plain: { source: 'cvm.cloud.tencent', subject: 'ins-1' },
    prefix: { subject: [{ prefix: 'ins-' }], region: ['ap-guangzhou'] },
    suffix: { type: [{ suffix: ':oom' }] },
    ignoreCase: { region: [{ 'equals-ignore-case': 'AP-GUANGZHOU' }] },
    prefixIgnoreCase: { region: [{ prefix: { 'equals-ignore-case': 'AP-' } }] },
    numeric: { data: { value: [{ numeric: ['>', 90, '<=', 100] }] } },
    numericUpper: { data: { value: [{ numeric: ['<', 10] }] } },
    cidr: { data: { ip: [{ cidr: '10.0.0.0/8' }] } },
    cidr6: { data: { ip: [{ cidr: '2001:db8::/32' }] } },
    wildcard: { subject: [{ wildcard: 'ins-*-prod' }] },
    wildcardStar: { subject: [{ wildcard: '*-prod' }] },
    anythingBut: { status: [{ 'anything-but': ['0', '-'] }] },
    existsFalse: { data: { owner: [{ exists: false }] }, source: ['cos.cloud.tencent'] },
    contain: { data: { topic: [{ contain: ['topic-1', 'appid'] }] } },
    or: { $or: [{ subject: ['ins-9'] }, { data: { value: [42] } }] },
    nullValue: { data: { owner: [null] } },
    empty: { data: { owner: [''] } },
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    [
      'exact and plain',
      { source: 'cvm.cloud.tencent', type: 'cvm:ErrorEvent:oom', subject: 'ins-1', status: '0' },
      ['exact', 'plain', 'suffix'],
    ],
    [
      'prefix, case-insensitive forms',
      { subject: 'ins-7', region: 'ap-guangzhou', status: '-' },
      ['prefix', 'ignoreCase', 'prefixIgnoreCase'],
    ],
    ['numeric ranges', { data: { value: 95 }, status: '0' }, ['numeric']],
    ['numeric upper bound', { data: { value: 3 }, status: '0' }, ['numericUpper']],
    ['numeric exact via $or', { data: { value: 42 }, status: '0' }, ['or']],
    ['cidr v4', { data: { ip: '10.1.2.3' }, status: '0' }, ['cidr']],
    ['cidr v6', { data: { ip: '2001:db8::1' }, status: '0' }, ['cidr6']],
    ['wildcards', { subject: 'ins-5-prod', status: '0' }, ['wildcard', 'wildcardStar']],
    ['anything-but', { status: '1' }, ['anythingBut']],
    ['exists false', { source: 'cos.cloud.tencent', status: '0' }, ['existsFalse']],
    ['contain', { data: { topic: 'persistent://appid/ns/topic-1' }, status: '0' }, ['contain']],
    ['null', { data: { owner: null }, status: '0' }, ['nullValue']],
    ['empty string', { data: { owner: '' }, status: '0' }, ['empty']],
  ])('%s', (_name, event, expected) => {
    expect(sorted(matcher.match(event))).toEqual(sorted(expected));
  });

  it('keeps array consistency for conditions under a list of objects', () => {
    const songs = matcherWith({
      paul: { Songs: { Name: ['Paperback Writer'], Writers: { First: ['Paul'] } } },
      mixed: { Songs: { Name: ['Paint It Black'], Writers: { First: ['Paul'] } } },
    });
    const event = {
      Songs: [
        { Name: 'Paperback Writer', Writers: [{ First: 'Paul' }] },
        { Name: 'Paint It Black', Writers: [{ First: 'Mick' }] },
      ],
    };
    expect(songs.match(event)).toEqual(['paul']);
  });
});

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

describe('RuleMatcher agrees with matchesPattern on generated rules and events', () => {
  const next = random(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const words = ['a', 'ab', 'abc', 'b', 'ba', 'AB', '10.0.0.1', '10.0.1.9', ''];
  const numbers = [0, 1, 2.5, 10, 99, -3];
  const affixes = words.filter((word) => word !== '');
  const keys = ['p', 'q', 'r'];

  const condition = (): unknown =>
    pick<() => unknown>([
      () => pick(words),
      () => pick(numbers),
      () => null,
      () => ({ prefix: pick(words) }),
      () => ({ suffix: pick(words) }),
      () => ({ 'equals-ignore-case': pick(words) }),
      () => ({ prefix: { 'equals-ignore-case': pick(words) } }),
      () => ({ numeric: ['>', pick(numbers)] }),
      () => ({ numeric: ['>=', -1, '<', pick([1, 10, 100])] }),
      () => ({ numeric: ['<=', pick(numbers)] }),
      () => ({ 'anything-but': pick(words) }),
      () => ({ 'anything-but': [pick(words), pick(words)] }),
      () => ({ 'anything-but': [pick(numbers), pick(numbers)] }),
      () => ({ 'anything-but': { prefix: pick(affixes) } }),
      () => ({ 'anything-but': { suffix: [pick(affixes), pick(affixes)] } }),
      () => ({ 'anything-but': { wildcard: pick(['a*', '*b']) } }),
      () => ({ exists: next() < 0.5 }),
      () => ({ cidr: pick(['10.0.0.0/24', '10.0.0.0/16', '0.0.0.0/0']) }),
      () => ({ wildcard: pick(['a*', '*b', '*', 'a*c', '*b*']) }),
    ])();
  const list = (): unknown[] => Array.from({ length: 1 + Math.floor(next() * 3) }, condition);
  const pattern = (depth = 0): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    for (const key of keys) if (next() < 0.5) result[key] = list();
    if (depth === 0 && next() < 0.4) result.n = next() < 0.5 ? pattern(1) : { $or: [pattern(1), pattern(1)] };
    if (Object.keys(result).length === 0) result.p = list();
    return result;
  };
  const value = (): unknown =>
    pick<() => unknown>([
      () => pick(words),
      () => pick(numbers),
      () => null,
      () => [pick(words), pick(numbers)],
      () => [],
      () => ({ p: pick(words) }),
    ])();
  const event = (depth = 0): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    for (const key of keys) if (next() < 0.7) result[key] = value();
    if (depth === 0 && next() < 0.6) result.n = next() < 0.5 ? event(1) : [event(1), event(1)];
    return result;
  };

  it('for 300 rules and 1500 events, before and after removing rules', () => {
    const rules = new Map<string, Pattern>();
    const matcher = createRuleMatcher();
    for (let index = 0; index < 300; index++) {
      const compiled = compile(pattern());
      rules.set(`r${index}`, compiled);
      matcher.add(`r${index}`, compiled);
    }
    const check = (): number => {
      let checked = 0;
      for (let index = 0; index < 500; index++) {
        const generated = event();
        const matching = [...rules].filter(([, compiled]) => matchesPattern(compiled, generated));
        const expected = matching.map(([id]) => id);
        expect(sorted(matcher.match(generated)), JSON.stringify(generated)).toEqual(sorted(expected));
        checked += expected.length;
      }
      return checked;
    };
    expect(check()).toBeGreaterThan(100);
    for (const id of [...rules.keys()].filter((_, index) => index % 3 === 0)) {
      matcher.remove(id);
      rules.delete(id);
    }
    expect(matcher.size).toBe(rules.size);
    check();
    for (let index = 0; index < 100; index++) {
      const compiled = compile(pattern());
      rules.set(`again${index}`, compiled);
      matcher.add(`again${index}`, compiled);
    }
    check();
  });
});
