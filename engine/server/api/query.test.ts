/**
 * @module Tests of the API's query reader: typed parameters, and a 400 for each bad one that names the
 * parameter, the value and what was expected.
 */
import { describe, expect, it } from 'vitest';
import { readQuery } from './query.js';

describe('readQuery', () => {
  it('reads typed values, and an empty parameter as absent', () => {
    const query = readQuery({ s: 'a', n: '7', b: 'false', t: '2026-01-01T00:00:00Z', ms: '1000', e: '' });
    expect(query.string('s')).toBe('a');
    expect(query.string('e')).toBeUndefined();
    expect(query.integer('n', { min: 1, max: 10 })).toBe(7);
    expect(query.boolean('b')).toBe(false);
    expect(query.time('t')).toBe(Date.UTC(2026, 0, 1));
    expect(query.time('ms')).toBe(1000);
    expect(query.oneOf('s', ['a', 'b'])).toBe('a');
    expect(query.paging()).toEqual({ limit: 20, offset: 0 });
  });

  it.each([
    [{ x: ['a', 'b'] }, (q: ReturnType<typeof readQuery>) => q.string('x'), 'query parameter "x" must be given once'],
    [{ x: 'c' }, (q: ReturnType<typeof readQuery>) => q.oneOf('x', ['a', 'b']), 'query parameter "x": "c" is not one of a, b'],
    [{ limit: '0' }, (q: ReturnType<typeof readQuery>) => q.paging(), '"limit": "0" is not an integer from 1 to 100'],
    [{ limit: '2.5' }, (q: ReturnType<typeof readQuery>) => q.paging(50), '"limit": "2.5" is not an integer from 1 to 50'],
    [{ offset: '-1' }, (q: ReturnType<typeof readQuery>) => q.paging(), '"offset": "-1" is not an integer of 0 or more'],
    [{ h: 'yes' }, (q: ReturnType<typeof readQuery>) => q.boolean('h'), '"h": "yes" is not true or false'],
    [{ t: 'soon' }, (q: ReturnType<typeof readQuery>) => q.time('t'), '"t": "soon" is not epoch milliseconds or an ISO 8601 date'],
  ])('refuses %j', (query, read, message) => {
    expect(() => read(readQuery(query))).toThrow(expect.objectContaining({ type: 'API:BAD_REQUEST', message: expect.stringContaining(message) }));
  });

  it('refuses a parameter it does not know when given the known ones', () => {
    expect(() => readQuery({ stauts: 'x' }, ['status', 'limit'])).toThrow('unknown query parameter "stauts"; expected one of status, limit');
    expect(() => readQuery({ status: 'x' }, ['status'])).not.toThrow();
  });
});
