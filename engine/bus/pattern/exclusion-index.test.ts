/**
 * @module Tests of the `anything-but` index: what a value excludes, by value, prefix and suffix.
 */
import { describe, expect, it } from 'vitest';
import { ExclusionIndex } from './exclusion-index.js';
import type { Slots } from './slot-lists.js';
import type { Scalar } from './types.js';

function found(index: ExclusionIndex<string>, value: Scalar): string[] {
  const marked: string[] = [];
  index.find(value, { mark: (slots: Slots<string>) => void marked.push(...[slots].flat()) });
  return marked.sort();
}

describe('ExclusionIndex', () => {
  const index = new ExclusionIndex<string>();
  index.add({ kind: 'values', values: ['0', '-'] }, 'status');
  index.add({ kind: 'values', values: [444] }, 'number');
  index.add({ kind: 'prefix', texts: ['ins-', 'lb-'] }, 'prefix');
  index.add({ kind: 'suffix', texts: ['-test'] }, 'suffix');

  it.each<[string, Scalar, string[]]>([
    ['a value excluded by one list', '0', ['number', 'prefix', 'suffix']],
    ['a number is not its spelling', '444', ['number', 'prefix', 'status', 'suffix']],
    ['the excluded number', 444, ['prefix', 'status', 'suffix']],
    ['an excluded prefix', 'lb-1', ['number', 'status', 'suffix']],
    ['an excluded prefix and suffix', 'ins-1-test', ['number', 'status']],
    ['non-strings never match an affix', null, ['number', 'prefix', 'status', 'suffix']],
    ['a value nothing excludes', 'x', ['number', 'prefix', 'status', 'suffix']],
  ])('%s', (_name, value, expected) => {
    expect(found(index, value)).toEqual(expected);
  });

  it('forgets a removed condition and keeps the others', () => {
    const own = new ExclusionIndex<string>();
    const remove = own.add({ kind: 'values', values: ['a'] }, 'first');
    own.add({ kind: 'prefix', texts: ['a'] }, 'second');
    expect(found(own, 'b')).toEqual(['first', 'second']);
    remove();
    expect(own.size).toBe(1);
    expect(found(own, 'b')).toEqual(['second']);
    expect(found(own, 'ab')).toEqual([]);
  });
});
