/**
 * @module Tests of Choice conditions: what runs a branch and what is an error.
 */
import { describe, expect, it } from 'vitest';
import { conditionHolds } from './condition.js';

describe('conditionHolds', () => {
  it.each([
    [true, true],
    [false, false],
    [null, false],
    [undefined, false],
  ])('treats %j as %s', (value, holds) => {
    expect(conditionHolds(value, 'b')).toBe(holds);
  });

  it.each([
    ['the string "false"', 'false', 'a string'],
    ['a number', 1, 'a number'],
    ['an object', {}, 'an object'],
    ['an array', [true], 'an array'],
  ])('rejects %s naming the branch', (_, value, what) => {
    expect(() => conditionHolds(value, 'big-order')).toThrow(
      `condition of branch "big-order" must be true or false, got ${what}`,
    );
  });
});
