/**
 * @module Tests of writing events out: canonical strings, structured JSON, data kinds, size.
 */
import { describe, expect, it } from 'vitest';
import { canonicalAttributes, dataKind, eventSize, structuredText, toStructuredJson } from './canonical.js';
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

describe('structured JSON written once', () => {
  const shapes: Array<[string, BusEvent]> = [
    ['in form', { ...base, subject: 'x', data: { a: 1 } }],
    ['in form, null data', { ...base, data: null }],
    ['in form, Base64 data', { ...base, data_base64: 'YQ==' }],
    ['a null attribute', { ...base, region: null, data: 1 }],
    ['an undefined attribute', { ...base, subject: undefined }],
    ['data before an attribute', { ...base, data: 1, subject: 'x' }],
    ['both data members', { ...base, data: 1, data_base64: 'YQ==' }],
    ['a null data_base64', { ...base, data_base64: null } as unknown as BusEvent],
  ];

  it.each(shapes)('answers the event itself only when it is in form (%s)', (name, event) => {
    const inForm = name.startsWith('in form');
    const copy = structuredClone(event);
    const json = toStructuredJson(event);
    expect(json === event).toBe(inForm);
    expect(event).toEqual(copy);
  });

  it('keeps the text on the event where no copy, JSON or key listing sees it', () => {
    const event: BusEvent = { ...base, data: { a: 1 } };
    const text = structuredText(event);
    expect(Object.keys(event)).toEqual(['specversion', 'id', 'source', 'type', 'data']);
    expect(JSON.stringify(event)).toBe(text);
    const copy = { ...event, id: 'c-2' };
    expect(structuredText(copy)).toBe(text.replace('"c-1"', '"c-2"'));
    expect(structuredText(Object.freeze({ ...base }))).toBe(JSON.stringify(base));
  });

  it.each(shapes)('has the text of the structured JSON, and the same text on every call (%s)', (_name, event) => {
    const built: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(event)) {
      if (key !== 'data' && key !== 'data_base64' && value !== undefined && value !== null) built[key] = value;
    }
    if (event.data_base64 !== undefined) built.data_base64 = event.data_base64;
    else if ('data' in event && event.data !== undefined) built.data = event.data;
    expect(structuredText(event)).toBe(JSON.stringify(built));
    expect(structuredText(event)).toBe(structuredText(event));
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
