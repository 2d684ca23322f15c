/**
 * @module Tests of the "did you mean" suggestion.
 */
import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from './closest-name.js';

const types = ['set-variable', 'set-payload', 'logger', 'http-request', 'try', 'choice'];

describe('closestName', () => {
  it.each([
    { input: 'set-varaible', expected: 'set-variable' },
    { input: 'Set-Variable', expected: 'set-variable' },
    { input: 'loger', expected: 'logger' },
    { input: 'http-requets', expected: 'http-request' },
    { input: 'tyr', expected: 'try' },
    { input: 'set-payloads', expected: 'set-payload' },
    { input: 'teleport', expected: undefined },
    { input: 'x', expected: undefined },
    { input: 'log', expected: undefined },
  ])('suggests $expected for $input', ({ input, expected }) => {
    expect(closestName(input, types)).toBe(expected);
  });

  it('suggests nothing when there are no candidates', () => {
    expect(closestName('try', [])).toBeUndefined();
  });
});

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['ab', 'ba', 1],
    ['choice', 'choice', 0],
  ])('%s -> %s is %i', (left, right, distance) => {
    expect(editDistance(left, right)).toBe(distance);
  });
});
