/**
 * @module Tests of toPlain: what it copies (arrays, and the objects that hold them) and what it keeps as is.
 */
import { describe, expect, it } from 'vitest';
import { toPlain } from './plain.js';

const marked = (...items: unknown[]) => Object.assign(items, { sequence: true, keepSingleton: true });

describe('toPlain', () => {
  it('copies marked arrays at any depth, and only the objects on the way to them', () => {
    const untouched = { b: { c: 'x' } };
    const value = { untouched, list: { inner: marked(1, marked(2)) } };
    const plain = toPlain(value) as typeof value;
    expect(plain).not.toBe(value);
    expect(plain.untouched).toBe(untouched);
    expect(Object.keys(plain.list.inner)).toEqual(['0', '1']);
    expect(Object.keys((plain.list.inner as unknown[])[1] as object)).toEqual(['0']);
    expect(plain).toEqual({ untouched, list: { inner: [1, [2]] } });
  });

  it.each<[string, unknown]>([
    ['a string', 'text'],
    ['null', null],
    ['an object of primitives', { a: 1, b: 'x', c: null }],
    ['a class instance', new Date(0)],
    ['a function', () => 1],
  ])('keeps %s as it is', (_, value) => {
    expect(toPlain(value)).toBe(value);
  });

  it('keeps holes of a sparse array, an own __proto__ key, and a cycle as they are', () => {
    const sparse = toPlain([1, , 3]) as unknown[];
    expect(1 in sparse).toBe(false);
    const withProto = JSON.parse('{"__proto__": [1], "a": [2]}');
    const copy = toPlain(withProto) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
    const cycle: Record<string, unknown> = { list: [] };
    (cycle.list as unknown[]).push(cycle);
    const plainCycle = toPlain(cycle) as { list: unknown[] };
    expect(plainCycle.list).not.toBe(cycle.list);
    expect(plainCycle.list[0]).toBe(cycle);
  });

  it('keeps a cycle as it is past 32 levels too, and copies every marked array on the way', () => {
    const top: Record<string, unknown> = {};
    let level = top;
    for (let depth = 0; depth < 40; depth++) {
      const next: Record<string, unknown> = {};
      level.list = marked(next);
      level = next;
    }
    level.back = top;
    const plain = toPlain(top) as Record<string, unknown>;
    let at = plain;
    for (let depth = 0; depth < 40; depth++) {
      expect(Object.keys(at.list as object)).toEqual(['0']);
      at = (at.list as Array<Record<string, unknown>>)[0]!;
    }
    expect(at.back).toBe(top);
  });
});
