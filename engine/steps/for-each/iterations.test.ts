/**
 * @module Tests of For Each iterations and the variables around them.
 */
import { describe, expect, it } from 'vitest';
import { forEachIterations, forEachSettings, iterationVars, varsAfterForEach } from './iterations.js';

describe('forEachSettings', () => {
  it('applies default variable names', () => {
    expect(forEachSettings({ items: [1] })).toEqual({
      items: [1],
      itemVariable: 'item',
      counterVariable: 'counter',
    });
  });

  it.each<[string, unknown, string]>([
    ['items that are an object', { items: { a: 1 } }, 'items must be an array, got an object'],
    ['items that are nothing', {}, 'items must be an array, got nothing'],
    ['items that are a string', { items: 'abc' }, 'items must be an array, got a string'],
    ['a zero batch size', { items: [], batchSize: 0 }, 'batchSize must be an integer from 1'],
    ['a fractional batch size', { items: [], batchSize: 1.5 }, 'got 1.5'],
    ['a bad item variable', { items: [], itemVariable: 'my item' }, 'itemVariable must be a variable name'],
    ['a bad results variable', { items: [], resultsVariable: 3 }, 'resultsVariable must be a string'],
    ['equal variable names', { items: [], itemVariable: 'x', counterVariable: 'x' }, 'must differ'],
    ['results named like the item', { items: [], resultsVariable: 'item' }, 'must differ'],
    ['a config that is not an object', null, 'config must be an object, got null'],
  ])('rejects %s with VALIDATION', (_, config, message) => {
    expect(() => forEachSettings(config)).toThrow(message);
    expect(() => forEachSettings(config)).toThrow(expect.objectContaining({ type: 'VALIDATION' }));
  });
});

describe('forEachIterations', () => {
  it('gives one iteration per item', () => {
    expect(forEachIterations(forEachSettings({ items: ['a', 'b'] }))).toEqual([
      { counter: 0, payload: 'a' },
      { counter: 1, payload: 'b' },
    ]);
  });

  it('gives batches of up to batchSize items', () => {
    const settings = forEachSettings({ items: [1, 2, 3, 4, 5], batchSize: 2 });
    expect(forEachIterations(settings).map((iteration) => iteration.payload)).toEqual([[1, 2], [3, 4], [5]]);
    expect(forEachIterations(settings).map((iteration) => iteration.counter)).toEqual([0, 1, 2]);
  });

  it('gives no iteration for an empty array', () => {
    expect(forEachIterations(forEachSettings({ items: [], batchSize: 3 }))).toEqual([]);
  });
});

describe('variables around a For Each', () => {
  const settings = forEachSettings({ items: [1], itemVariable: 'order', resultsVariable: 'ids' });

  it('sets item and counter for an iteration', () => {
    const vars = iterationVars({ a: 1 }, settings, { counter: 2, payload: 'x' });
    expect(vars).toEqual({ a: 1, order: 'x', counter: 2 });
  });

  it('keeps variables set inside, drops item and counter, and stores the results', () => {
    const last = { a: 1, inside: true, order: 'x', counter: 0 };
    expect(varsAfterForEach({ a: 1 }, last, settings, ['r'])).toEqual({ a: 1, inside: true, ids: ['r'] });
  });

  it('keeps the order of the vars, and adds a restored variable the body dropped at the end', () => {
    const before = { counter: 9, order: 'outer' };
    const after = varsAfterForEach(before, { a: 1, order: 'x', b: 2, counter: 0 }, settings, []);
    expect(Object.keys(after)).toEqual(['a', 'order', 'b', 'counter', 'ids']);
    expect(Object.keys(varsAfterForEach(before, { a: 1, order: 'x' }, settings, []))).toEqual(['a', 'order', 'counter', 'ids']);
  });

  it('keeps a variable named __proto__ as a variable', () => {
    const last = JSON.parse('{"__proto__": {"polluted": true}, "order": "x", "counter": 0}');
    const after = varsAfterForEach({}, last, settings, []);
    expect(Object.getPrototypeOf(after)).toBe(Object.prototype);
    expect(Object.keys(after)).toEqual(['__proto__', 'ids']);
    expect(Object.keys(iterationVars(last, settings, { counter: 1, payload: 'y' }))).toEqual(['__proto__', 'order', 'counter']);
  });

  it('restores item and counter variables that existed before', () => {
    const before = { order: 'outer', counter: 9 };
    expect(varsAfterForEach(before, { order: 'x', counter: 0 }, settings, [])).toEqual({
      order: 'outer',
      counter: 9,
      ids: [],
    });
  });
});
