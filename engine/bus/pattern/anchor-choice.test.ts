/**
 * @module Tests of anchor choice: a chain starts at the field fewest rules mention, never at a numeric
 * range, `anything-but` or `exists` while another field is there.
 */
import { describe, expect, it } from 'vitest';
import { anchorFirst, MentionCounts } from './anchor-choice.js';
import { parsePattern } from './parse-pattern.js';
import { type IndexedField, planRule } from './rule-plan.js';

function fieldsOf(json: unknown): IndexedField[] {
  const result = parsePattern(json);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return planRule(result.pattern)[0]!.indexed;
}

function anchorOf(json: unknown, mentions: MentionCounts): string {
  const fields = fieldsOf(json);
  const ordered = anchorFirst(fields, fields.map((field) => field.mentionKeys), mentions);
  expect(ordered).toHaveLength(fields.length);
  return ordered[0]!.path.join('.');
}

/** Counts the fields of many rules, as the matcher does when it adds them. */
function counted(rules: unknown[]): MentionCounts {
  const mentions = new MentionCounts();
  for (const rule of rules) for (const field of fieldsOf(rule)) mentions.add(field.mentionKeys);
  return mentions;
}

const source = 'cvm.cloud.tencent';
const crowd = counted(
  Array.from({ length: 50 }, (_, index) => ({ source, subject: [`ins-${index}`], status: ['1'] })),
);

describe('anchorFirst', () => {
  it.each<[string, unknown, string]>([
    ['a subject, not the source every rule shares', { source, subject: ['ins-new'] }, 'subject'],
    ['a prefix few rules use, not the shared source', { source, subject: [{ prefix: 'ins-x' }] }, 'subject'],
    ['the shared source, not a threshold', { source, data: { value: [{ numeric: ['>', 9] }] } }, 'source'],
    ['the shared source, not an anything-but', { source, region: [{ 'anything-but': 'x' }] }, 'source'],
    ['the shared source, not exists', { source, region: [{ exists: true }] }, 'source'],
    ['an exists when nothing else is there', { region: [{ exists: true }] }, 'region'],
    ['the static order on a tie', { status: ['0'], region: ['r'] }, 'region'],
  ])('anchors %s', (_name, rule, anchor) => {
    expect(anchorOf(rule, crowd)).toBe(anchor);
  });

  it('follows the counts as they change', () => {
    const mentions = counted([{ region: ['r'], status: ['0'] }]);
    expect(anchorOf({ region: ['r'], status: ['0'] }, mentions)).toBe('region');
    for (let index = 0; index < 3; index++) mentions.add(fieldsOf({ region: ['r'] })[0]!.mentionKeys);
    expect(anchorOf({ region: ['r'], status: ['0'] }, mentions)).toBe('status');
    for (let index = 0; index < 3; index++) mentions.remove(fieldsOf({ region: ['r'] })[0]!.mentionKeys);
    expect(anchorOf({ region: ['r'], status: ['0'] }, mentions)).toBe('region');
  });
});
