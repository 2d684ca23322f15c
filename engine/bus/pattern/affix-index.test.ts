/**
 * @module Tests of the prefix/suffix index, including texts whose hashes collide ("Aa" and "BB" hash
 * alike), which must still be told apart by their characters.
 */
import { describe, expect, it } from 'vitest';
import { AffixIndex } from './affix-index.js';
import { parseWildcard, type Wildcard } from './wildcard.js';

function found(index: AffixIndex<string>, value: string): string[] {
  const marked: string[] = [];
  index.find(value, { mark: (slots) => marked.push(...(Array.isArray(slots) ? slots : [slots])) });
  return marked.sort();
}

describe('AffixIndex', () => {
  it('finds every registered prefix, only real ones when hashes collide', () => {
    const index = new AffixIndex<string>('start');
    for (const text of ['Aa', 'BB', 'BBx', '', 'C']) index.add(text, `p:${text}`);
    expect(found(index, 'BBxy')).toEqual(['p:', 'p:BB', 'p:BBx']);
    expect(found(index, 'Aax')).toEqual(['p:', 'p:Aa']);
    expect(found(index, 'B')).toEqual(['p:']);
    index.remove('BB', 'p:BB');
    expect(found(index, 'BBxy')).toEqual(['p:', 'p:BBx']);
    expect(found(index, 'Aa')).toEqual(['p:', 'p:Aa']);
  });

  it('finds suffixes read from the end', () => {
    const index = new AffixIndex<string>('end');
    for (const text of ['aA', 'BB', '.png']) index.add(text, `s:${text}`);
    index.add('.png', 's:second');
    expect(found(index, 'xBB')).toEqual(['s:BB']);
    expect(found(index, 'xaA')).toEqual(['s:aA']);
    expect(found(index, 'a.png')).toEqual(['s:.png', 's:second']);
    index.remove('.png', 's:.png');
    expect(found(index, 'a.png')).toEqual(['s:second']);
    index.remove('.png', 's:second');
    expect(found(index, 'a.png')).toEqual([]);
    expect(index.size).toBe(2);
  });

  it('files wildcards beside prefixes of the same text and tests them on the value', () => {
    const index = new AffixIndex<string>('start');
    const wildcard = parseWildcard('ins-*-prod') as Wildcard;
    index.add('ins-', 'p:ins-');
    const removeWildcard = index.addWildcard('ins-', wildcard, 'w:ins-*-prod');
    expect(found(index, 'ins-42-prod')).toEqual(['p:ins-', 'w:ins-*-prod']);
    expect(found(index, 'ins-42-dev')).toEqual(['p:ins-']);
    index.remove('ins-', 'p:ins-');
    expect(found(index, 'ins-42-prod')).toEqual(['w:ins-*-prod']);
    expect(index.size).toBe(1);
    removeWildcard();
    expect(found(index, 'ins-42-prod')).toEqual([]);
    expect(index.size).toBe(0);
  });
});
