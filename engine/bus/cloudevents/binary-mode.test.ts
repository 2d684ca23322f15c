/**
 * @module Tests of binary content mode: data by Content-Type, header errors.
 */
import { describe, expect, it } from 'vitest';
import { dataKind } from './canonical.js';
import { parseHttpEvents } from './parse-http.js';
import type { HttpHeaders, ParsedEvent } from './types.js';

const REQUIRED = { 'ce-specversion': '1.0', 'ce-id': 'b-1', 'ce-source': '/sensors', 'ce-type': 'reading' };
const JSON_TYPE = { 'content-type': 'application/json' };

function binary(headers: HttpHeaders, body: Buffer | string = ''): ParsedEvent {
  const result = parseHttpEvents({ ...REQUIRED, ...headers }, Buffer.from(body));
  if (result.mode !== 'binary') throw new Error(`mode ${result.mode}`);
  return result.events[0] as ParsedEvent;
}

function accepted(parsed: ParsedEvent) {
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.event;
}

describe('binary mode data', () => {
  it.each([
    ['application/json', '{"a": [1, 2]}', 'json', { a: [1, 2] }],
    ['application/vnd.example+json; charset=utf-8', '"text"', 'json', 'text'],
    ['text/plain', 'hello ☃', 'text', 'hello ☃'],
    ['text/csv; charset=UTF-8', 'a,b', 'text', 'a,b'],
    ['application/xml', '<a/>', 'text', '<a/>'],
    ['application/atom+xml', '<feed/>', 'text', '<feed/>'],
  ])('reads a %s body as %s data', (contentType, body, kind, data) => {
    const event = accepted(binary({ 'content-type': contentType }, body));
    expect(dataKind(event)).toBe(kind);
    expect(event.data).toEqual(data);
    expect(event.datacontenttype).toBe(contentType);
  });

  it.each([
    ['application/octet-stream', { 'content-type': 'application/octet-stream' }],
    ['no content type', {}],
    ['text in a charset other than UTF-8', { 'content-type': 'text/plain; charset=iso-8859-1' }],
  ])('keeps the bytes as Base64 for %s', (_name, headers) => {
    const bytes = Buffer.from([0x00, 0xff, 0x10, 0xe9]);
    const event = accepted(binary(headers, bytes));
    expect(dataKind(event)).toBe('base64');
    expect(Buffer.from(event.data_base64 as string, 'base64')).toEqual(bytes);
  });

  it('has no data for an empty body', () => {
    const event = accepted(binary({ 'content-type': 'application/json' }));
    expect(dataKind(event)).toBe('absent');
    expect(Object.keys(event)).not.toContain('data');
  });

  it('keeps extensions as strings and decodes percent-encoding', () => {
    const headers = { 'ce-count': '5', 'ce-flag': 'true', 'ce-subject': 'a%20b', 'CE-Time': '1615430559146' };
    const event = accepted(binary(headers));
    expect(event).toMatchObject({ count: '5', flag: 'true', subject: 'a b', time: 1615430559146 });
  });
});

describe('binary mode errors', () => {
  it.each([
    ['an invalid JSON body', JSON_TYPE, "I'm just a string", 'body is not valid JSON'],
    ['a repeated JSON member', JSON_TYPE, '{"a": 1, "a": 2}', 'repeats the JSON member at /a'],
    ['text not in UTF-8', { 'content-type': 'text/plain' }, Buffer.from([0xc3, 0x28]), 'not valid UTF-8'],
    ['a header sent twice', { 'ce-subject': ['a', 'b'] }, '', 'header "ce-subject" is sent more than once'],
    ['a reserved attribute name', { 'ce-data': 'x' }, '', 'attribute name "data" is not allowed'],
    ['an invalid attribute name', { 'ce-my_ext': 'x' }, '', 'attribute name "my_ext" is not allowed'],
    ['a control character', { 'ce-subject': 'a%0Ab' }, '', '"subject" contains the control character U+000A'],
    ['a bad time', { 'ce-time': 'yesterday' }, '', 'header "ce-time": attribute "time" must be'],
    ['a relative dataschema', { 'ce-dataschema': '/schema' }, '', 'must be an absolute URI'],
    ['a content type that is no media type', { 'content-type': 'json' }, '', 'must be a type/subtype'],
    ['a bad percent sign', { 'ce-subject': '100%' }, '', 'header "ce-subject" has a "%" not followed'],
  ])('rejects %s', (_name, headers, body, reason) => {
    const parsed = binary(headers as HttpHeaders, body);
    expect(parsed).toMatchObject({ ok: false, index: 0, reason: expect.stringContaining(reason) });
  });

  it("reads headers in Node's headersDistinct form, one list per header", () => {
    const headers = Object.fromEntries(Object.entries(REQUIRED).map(([name, value]) => [name, [value]]));
    expect(parseHttpEvents(headers, Buffer.from(''))).toMatchObject({ events: [{ ok: true }] });
  });

  it('counts the same header in two letter cases as sent twice', () => {
    const parsed = binary({ 'ce-subject': 'a', 'CE-SUBJECT': 'b' });
    expect(parsed).toMatchObject({ ok: false, reason: expect.stringContaining('sent more than once') });
  });

  it('reports a missing required header by its name', () => {
    const headers = { 'ce-specversion': '1.0', 'ce-source': '/s', 'ce-type': 't' };
    const result = parseHttpEvents(headers, Buffer.from(''));
    expect(result).toEqual({
      mode: 'binary',
      events: [{ ok: false, index: 0, reason: 'event 0: attribute "id" is required (header "ce-id")' }],
    });
  });
});
