import { describe, expect, it } from 'vitest';
import { copyRecord, setEntry } from './record-copy.js';

describe('copyRecord and setEntry', () => {
  const symbol = Symbol('mark');
  it.each<[string, Record<string, unknown>, string]>([
    ['a plain record', { a: 1, b: { c: 2 } }, 'item'],
    ['a record of JSON with an own __proto__ key', JSON.parse('{"a": 1, "__proto__": {"polluted": true}}'), 'item'],
    ['a new entry named __proto__', { a: 1 }, '__proto__'],
    ['an entry that replaces one', { a: 1, item: 0, z: 2 }, 'item'],
    ['a record with a symbol key', { a: 1, [symbol]: 'x' }, 'item'],
  ])('copies %s as `{ ...record, [key]: value }` does', (_, record, key) => {
    const copy = copyRecord(record);
    setEntry(copy, key, 'new');
    const spread = { ...record, [key]: 'new' };
    expect(copy).not.toBe(record);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Reflect.ownKeys(copy)).toEqual(Reflect.ownKeys(spread));
    expect(Object.getOwnPropertyDescriptors(copy)).toEqual(Object.getOwnPropertyDescriptors(spread));
    expect((copy as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
