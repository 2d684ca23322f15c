/**
 * @module Tests of reading one JSON-format event object.
 */
import { describe, expect, it } from 'vitest';
import { readEventObject } from './event-object.js';

const base = { specversion: '1.0', id: 'o-1', source: '/s', type: 't' };
const at = { index: 4, pointer: '/4' };

describe('readEventObject', () => {
  it('puts the required attributes first and keeps an explicit null payload', () => {
    const value = { data: null, type: 't', ext: 'x', source: '/s', id: 'o-1', specversion: '1.0' };
    const parsed = readEventObject(value, at, 'cloudevents');
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(Object.keys(parsed.event)).toEqual(['specversion', 'id', 'source', 'type', 'ext', 'data']);
    expect(parsed.event.data).toBeNull();
  });

  it('accepts every CloudEvents type for extensions', () => {
    const members = { text: 'x', yes: true, low: -2147483648, high: 2147483647, overtwentycharacters1: '' };
    expect(readEventObject({ ...base, ...members }, at, 'cloudevents')).toEqual({
      ok: true,
      event: { ...base, ...members },
    });
  });

  it('accepts a null data_base64 as unset next to data', () => {
    const parsed = readEventObject({ ...base, data: 1, data_base64: null }, at, 'cloudevents');
    expect(parsed).toEqual({ ok: true, event: { ...base, data: 1 } });
  });

  it.each([
    ['text data not a string', { datacontenttype: 'text/xml', data: { a: 1 } }, '/4/data', '"data" must be'],
    ['a datacontenttype not a media type', { datacontenttype: 'xml' }, '/4/datacontenttype', 'type/subtype'],
    ['a relative dataschema', { dataschema: 'schemas/a' }, '/4/dataschema', 'must be an absolute URI'],
    ['an array extension', { list: [1] }, '/4/list', 'must be a string, boolean or integer, got an array'],
    ['an upper-case name, though null', { Bad: null }, '/4/Bad', 'attribute name "Bad" is not allowed'],
    ['data_base64 that is not a string', { data_base64: 12 }, '/4/data_base64', 'must be Base64 (RFC 4648)'],
    ['a subject with a noncharacter', { subject: 'a\uFFFF' }, '/4/subject', 'noncharacter U+FFFF'],
    ['a time with a bad date', { time: '2018-02-30T00:00:00Z' }, '/4/time', 'attribute "time" must be'],
  ])('rejects %s', (_name, members, pointer, reason) => {
    const parsed = readEventObject({ ...base, ...members }, at, 'cloudevents');
    expect(parsed).toEqual({ ok: false, index: 4, pointer, reason: expect.stringContaining(`event 4: `) });
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });

  it('reports a missing required attribute with the pointer it would have', () => {
    expect(readEventObject({ id: '1', source: '/s', type: 't' }, at, 'cloudevents')).toEqual({
      ok: false,
      index: 4,
      pointer: '/4/specversion',
      reason: 'event 4: attribute "specversion" is required',
    });
  });

  it('points at the misspelt member when a vendor typo holds a bad value', () => {
    const parsed = readEventObject({ source: 's', type: 't', timer: 'soon' }, at, 'vendor');
    expect(parsed).toMatchObject({ ok: false, pointer: '/4/timer' });
  });
});
