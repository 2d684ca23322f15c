/**
 * @module Regression tests: thousands of rules with `anything-but` and `exists` sharing a source are
 * decided by the indexes, never by a loop running each rule's own matcher.
 */
import { describe, expect, it } from 'vitest';
import { matchesPattern } from './match.js';
import { parsePattern } from './parse-pattern.js';
import { createRuleMatcher } from './rule-matcher.js';
import type { Pattern } from './types.js';

/** A parsed pattern that counts how often a matcher walks it with `matchesPattern`'s code. */
function counted(json: unknown, counter: { walks: number }): Pattern {
  const result = parsePattern(json);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const fields = result.pattern.root.fields;
  Object.defineProperty(result.pattern.root, 'fields', {
    get: () => {
      counter.walks++;
      return fields;
    },
  });
  return result.pattern;
}

const RULES = 4_000;

function ruleJson(index: number): Record<string, unknown> {
  const source = ['cvm.cloud.tencent'];
  switch (index % 5) {
    case 0:
      return { source, status: [{ 'anything-but': [`s${index}`, '0'] }] };
    case 1:
      return { source, data: { owner: [{ exists: false }] }, region: [`r${index}`] };
    case 2:
      return { source, subject: [{ 'anything-but': { prefix: `ins-${index}-` } }], region: ['ap-1'] };
    case 3:
      return { source, data: { tag: [{ exists: true }] }, status: [`s${index}`] };
    default:
      return { source, status: [{ 'anything-but': { suffix: `-${index}` } }], data: { value: [index] } };
  }
}

describe('RuleMatcher at scale with anything-but and exists', () => {
  const counter = { walks: 0 };
  const patterns = Array.from({ length: RULES }, (_, index) => counted(ruleJson(index), counter));
  const matcher = createRuleMatcher();
  patterns.forEach((pattern, index) => matcher.add(`r${index}`, pattern));
  const naiveMatch = (event: unknown): string[] =>
    patterns.flatMap((pattern, index) => (matchesPattern(pattern, event) ? [`r${index}`] : []));

  const source = 'cvm.cloud.tencent';
  const each = RULES / 5;
  // how many rules each event matches; the ids are checked against matchesPattern too
  it.each<[string, Record<string, unknown>, number]>([
    ['status excluded by one rule only', { source, status: 's5' }, each - 1],
    ['status excluded by every anything-but list', { source, status: '0' }, 0],
    ['a suffix excluded by one rule only', { source, status: 'x-9', data: { value: [9, 14] } }, each + 1],
    ['a region, no owner', { source, region: 'r6', status: '0' }, 1],
    ['an owner', { source, region: 'r6', status: '0', data: { owner: 'ops' } }, 0],
    ['an excluded prefix', { source, subject: 'ins-7-a', region: 'ap-1' }, each - 1],
    ['a tag and a status', { source, status: 's8', data: { tag: 'x' } }, each + 1],
    ['another source', { source: 'cos.cloud.tencent', status: 's5' }, 0],
  ])('%s', (_name, event, count) => {
    counter.walks = 0;
    const matched = matcher.match(event);
    expect(counter.walks, 'rules confirmed one by one').toBe(0);
    expect(matched).toHaveLength(count);
    const expected = naiveMatch(event);
    expect(matched.sort()).toEqual(expected.sort());
  });

  it('confirms exists:false with the rule itself when the event has lists of objects', () => {
    const event = { source: 'cvm.cloud.tencent', region: 'r6', data: [{ owner: 'x' }, { tag: 1 }] };
    const expected = naiveMatch(event);
    expect(matcher.match(event).sort()).toEqual(expected.sort());
    expect(expected).toContain('r6');
  });
});
