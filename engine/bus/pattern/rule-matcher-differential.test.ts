/**
 * @module Differential test of the compiled rule matcher: random rules and events from a small value
 * space (so that rules do match), the matcher against `matchesPattern` run rule by rule, through adds,
 * replacements and removals that move rules between anchors.
 */
import { describe, expect, it } from 'vitest';
import { matchesPattern } from './match.js';
import { parsePattern } from './parse-pattern.js';
import { createRuleMatcher } from './rule-matcher.js';
import type { Pattern } from './types.js';

/** mulberry32: the same rules and events on every run, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(7);
const integer = (below: number): number => Math.floor(next() * below);
const pick = <T>(items: readonly T[]): T => items[integer(items.length)]!;

const WORDS = ['a', 'ab', 'abc', 'b', 'ba', 'B', 'AB', 'x-1', 'x-12', 'y.png', ''];
const NUMBERS = [0, 1, 2.5, 10, 300, -4];
const IPS = ['10.0.0.1', '10.0.1.7', '192.168.1.1', '255.255.255.255', '010.0.0.1', '2001:db8::1', '::ffff:10.0.0.1'];
const FIELDS = ['source', 'subject', 'status', 'value'];
const NESTED = ['state', 'level', 'ip'];

function scalar(): unknown {
  const roll = integer(10);
  if (roll < 5) return pick(WORDS);
  if (roll < 8) return pick(NUMBERS);
  if (roll < 9) return pick(IPS);
  return pick([true, false, null]);
}

/** One element of a field's condition list: a value or any operator the matcher indexes or confirms. */
function condition(): unknown {
  switch (integer(16)) {
    case 0:
      return { prefix: pick(WORDS) || 'a' };
    case 1:
      return { suffix: pick(WORDS) || 'b' };
    case 2:
      return { 'equals-ignore-case': pick(WORDS) };
    case 3:
      return { numeric: pick([['>', 1], ['<=', 10], ['>=', 0, '<', 300], ['=', 2.5]]) };
    case 4:
      return { 'anything-but': pick([pick(WORDS), [pick(NUMBERS), pick(NUMBERS)], { prefix: 'x' }]) };
    case 5:
      return { exists: next() < 0.5 };
    case 6:
      return { cidr: pick(['10.0.0.0/24', '10.0.0.0/8', '10.0.0.1', '192.168.0.0/16', '0.0.0.0/0', '2001:db8::/32']) };
    case 7:
      return { wildcard: pick(['x-*', '*.png', 'a*c', '*']) };
    case 8:
      return { prefix: { 'equals-ignore-case': pick(['A', 'x-']) } };
    case 9:
      return { contain: pick(['b', '1']) };
    default:
      return scalar();
  }
}

function conditions(): unknown[] {
  return Array.from({ length: 1 + integer(3) }, condition);
}

function makeRule(): Record<string, unknown> {
  const rule: Record<string, unknown> = {};
  const fieldCount = 1 + integer(3);
  for (let index = 0; index < fieldCount; index++) rule[pick(FIELDS)] = conditions();
  if (next() < 0.4) rule.data = { [pick(NESTED)]: conditions() };
  if (next() < 0.2) rule.$or = [{ [pick(FIELDS)]: conditions() }, { data: { [pick(NESTED)]: conditions() } }];
  return rule;
}

function fieldValue(): unknown {
  const roll = integer(10);
  if (roll < 7) return scalar();
  if (roll < 9) return [scalar(), scalar()];
  return [];
}

function makeEvent(): Record<string, unknown> {
  const event: Record<string, unknown> = {};
  for (const field of FIELDS) if (next() < 0.8) event[field] = fieldValue();
  const data = (): Record<string, unknown> =>
    Object.fromEntries(NESTED.filter(() => next() < 0.7).map((key) => [key, fieldValue()]));
  const roll = integer(10);
  if (roll < 6) event.data = data();
  else if (roll < 8) event.data = [data(), data()];
  return event;
}

function parsed(json: unknown): Pattern | undefined {
  const result = parsePattern(json);
  return result.ok ? result.pattern : undefined;
}

describe('RuleMatcher against matchesPattern on random rules and events', () => {
  it('gives the same rules for every event, through adds, replacements and removals', () => {
    const matcher = createRuleMatcher();
    const live = new Map<string, Pattern>();
    let compared = 0;
    let matches = 0;
    for (let round = 0; round < 40; round++) {
      for (let added = 0; added < 25; added++) {
        const pattern = parsed(makeRule());
        if (!pattern) continue;
        const id = `r${integer(800)}`;
        matcher.add(id, pattern);
        live.set(id, pattern);
      }
      for (const id of [...live.keys()].filter(() => next() < 0.05)) {
        expect(matcher.remove(id)).toBe(true);
        live.delete(id);
      }
      expect(matcher.size).toBe(live.size);
      for (let eventIndex = 0; eventIndex < 25; eventIndex++) {
        const event = makeEvent();
        const expected = [...live].filter(([, pattern]) => matchesPattern(pattern, event)).map(([id]) => id);
        const actual = matcher.match(event);
        expect(actual.sort(), JSON.stringify(event)).toEqual(expected.sort());
        compared++;
        matches += expected.length;
      }
    }
    // the comparison means something only when events do match rules
    expect(compared).toBe(1_000);
    expect(matches).toBeGreaterThan(1_000);
  });
});
