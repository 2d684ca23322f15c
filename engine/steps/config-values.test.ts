/**
 * @module Tests of the run-time config readers: accepted values and the VALIDATION errors.
 */
import { describe, expect, it } from 'vitest';
import {
  describeValue,
  readBoolean,
  readEnum,
  readInteger,
  readObject,
  readOptionalString,
  readString,
  readVariableName,
} from './config-values.js';

describe('describeValue', () => {
  it.each([
    [undefined, 'nothing'],
    [null, 'null'],
    [[1], 'an array'],
    [{ secret: 'x' }, 'an object'],
    ['s3cret', 'a string'],
    [Number.NaN, 'a non-finite number'],
    [1, 'a number'],
    [true, 'a boolean'],
  ])('describes %j as %s without showing it', (value, text) => {
    expect(describeValue(value)).toBe(text);
  });
});

describe('readers', () => {
  it('return valid values', () => {
    expect(readString('a', 'f')).toBe('a');
    expect(readOptionalString(null, 'f')).toBeUndefined();
    expect(readOptionalString('b', 'f')).toBe('b');
    expect(readBoolean(false, 'f')).toBe(false);
    expect(readInteger(10, 'f', 1, 10)).toBe(10);
    expect(readEnum('B', 'f', ['A', 'B'])).toBe('B');
    expect(readObject({ a: 1 }, 'f')).toEqual({ a: 1 });
    expect(readVariableName('_x1', 'f')).toBe('_x1');
  });

  it.each<[string, () => unknown, string]>([
    ['a string', () => readString(1, 'name'), 'name must be a string, got a number'],
    ['an optional string', () => readOptionalString([], 'name'), 'name must be a string, got an array'],
    ['a boolean', () => readBoolean('true', 'flag'), 'flag must be true or false, got a string'],
    ['a small integer', () => readInteger(0, 'n', 1, 5), 'n must be an integer from 1 to 5, got 0'],
    ['an integer above the range', () => readInteger(6, 'n', 1, 5), 'got 6'],
    ['a fraction', () => readInteger(1.5, 'n', 1, 5), 'got 1.5'],
    ['an integer that is a string', () => readInteger('3', 'n', 1, 5), 'integer from 1 to 5, got a string'],
    ['an enum value', () => readEnum('C', 'kind', ['A', 'B']), 'kind must be one of A, B, got "C"'],
    ['an enum that is not a string', () => readEnum(1, 'kind', ['A']), 'kind must be one of A, got a number'],
    ['an object', () => readObject(null, 'o'), 'o must be an object, got null'],
    ['a variable name', () => readVariableName('a b', 'v'), 'got "a b"'],
  ])('reject what is not %s with VALIDATION naming the field', (_, read, message) => {
    expect(read).toThrow(message);
    try {
      read();
    } catch (error) {
      expect(error).toMatchObject({ type: 'VALIDATION', details: { field: expect.any(String) } });
    }
  });
});
