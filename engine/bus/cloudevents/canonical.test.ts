/**
 * @module Tests of writing events out: canonical strings, structured JSON, data kinds, size.
 */
import { describe, expect, it } from 'vitest';
import { canonicalAttributes, dataKind, eventSize, toStructuredJson } from './canonical.js';
import type { BusEvent } from './types.js';

const base: BusEvent = { specversion: '1.0', id: 'c-1', source: '/s', type: 't' };

describe('canonicalAttributes', () => {
  it('writes every attribute type as its canonical string and leaves data out', () => {
    const event: BusEvent = {
      ...base,
      time: 1615430559146,
      count: -2147483648,
      flag: false,
      tags: { key1: 'value1' },
      resource: ['qcs::eb:ap-guangzhou'],
      unset: null,
      data: { a: 1 },
    };
    expect(canonicalAttributes(event)).toEqual({
      specversion: '1.0',
      id: 'c-1',
      source: '/s',
      type: 't',
      time: '2021-03-11T02:42:39.146Z',
      count: '-2147483648',
      flag: 'false',
      tags: '{"key1":"value1"}',
      resource: '["qcs::eb:ap-guangzhou"]',
    });
  });

  it('keeps an RFC 3339 time exactly as it came', () => {
    const time = '2018-04-05T17:31:00+08:00';
    expect(canonicalAttributes({ ...base, time }).time).toBe(time);
  });
});

describe('toStructuredJson', () => {
  it('writes attributes with their JSON values, data last, and keeps a millisecond time a number', () => {
    const event = { ...base, data: { a: 1 }, time: 1615430559146, count: 5, dropped: undefined };
    const json = toStructuredJson(event);
    expect(json).toEqual({ ...base, time: 1615430559146, count: 5, data: { a: 1 } });
    expect(Object.keys(json).at(-1)).toBe('data');
  });

  it('writes an explicit null payload but no data member when data is absent', () => {
    expect(toStructuredJson({ ...base, data: null })).toEqual({ ...base, data: null });
    expect(Object.keys(toStructuredJson(base))).not.toContain('data');
  });

  it('writes binary data as data_base64 only', () => {
    expect(toStructuredJson({ ...base, data_base64: 'YQ==' })).toEqual({ ...base, data_base64: 'YQ==' });
  });
});

describe('dataKind', () => {
  it.each([
    [{ data: { a: 1 } }, 'json'],
    [{ data: 'plain', datacontenttype: 'application/json' }, 'json'],
    [{ data: 'x', datacontenttype: 'application/cloudevents+json' }, 'json'],
    [{ data: '<a/>', datacontenttype: 'text/xml' }, 'text'],
    [{ data_base64: 'YQ==', datacontenttype: 'application/json' }, 'base64'],
    [{ data: null }, 'json'],
    [{}, 'absent'],
  ])('tells %j is %s', (fields, kind) => {
    expect(dataKind({ ...base, ...fields })).toBe(kind);
  });
});

describe('eventSize', () => {
  it('counts UTF-8 bytes of the compact structured JSON', () => {
    const event = { ...base, data: 'é' };
    expect(eventSize(event)).toBe(Buffer.byteLength(JSON.stringify({ ...base, data: 'é' })));
    expect(eventSize(event)).toBe(JSON.stringify(event).length + 1);
  });
});
