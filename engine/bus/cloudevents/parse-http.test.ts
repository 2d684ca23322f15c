/**
 * @module Tests of mode selection, batches, the size limit and vendor-style JSON events.
 */
import { describe, expect, it } from 'vitest';
import { parseHttpEvents, readsOtherHeaders } from './parse-http.js';
import type { HttpHeaders, HttpParseResult } from './types.js';

const STRUCTURED = { 'content-type': 'application/cloudevents+json' };
const BATCH = { 'content-type': 'application/cloudevents-batch+json' };
const JSON_TYPE = { 'content-type': 'application/json' };
const BINARY = { 'ce-specversion': '1.0', 'ce-id': '1', 'ce-source': '/s', 'ce-type': 't' };
const minimal = { specversion: '1.0', id: 'e-1', source: '/orders', type: 'com.example.order.created' };

function parse(headers: HttpHeaders, body: unknown, maxEventBytes?: number): HttpParseResult {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return parseHttpEvents(headers, Buffer.from(text), maxEventBytes === undefined ? {} : { maxEventBytes });
}

function invalidReason(result: HttpParseResult): string {
  if (result.mode !== 'invalid') throw new Error(`expected invalid, got ${result.mode}`);
  return result.reason;
}

describe('choosing the mode', () => {
  it.each([
    ['structured', STRUCTURED, minimal],
    ['structured', { 'Content-Type': 'APPLICATION/CLOUDEVENTS+JSON; charset=utf-8' }, minimal],
    ['batch', BATCH, [minimal]],
    ['batch', { 'content-type': 'Application/CloudEvents-Batch+Json' }, []],
    ['binary', BINARY, 'raw'],
    ['put-events', JSON_TYPE, { EventList: [{ Source: 's', Type: 't' }] }],
    ['structured', JSON_TYPE, { ...minimal, specversion: '1.0.2' }],
    ['structured', { 'content-type': 'application/json; charset=utf-8' }, { source: 's', type: 't' }],
  ])('reads %s from %j', (mode, headers, body) => {
    expect(parse(headers, body).mode).toBe(mode);
  });

  it.each([
    [{ EventBusId: 'retail', EventList: [] }, 'retail'],
    [{ EventBusId: '', EventList: [] }, undefined],
    [{ EventBusId: 7, EventList: [] }, undefined],
    [{ EventList: [] }, undefined],
  ])('reads the EventBusId of the PutEvents request %j in the same parse', (body, eventBusId) => {
    const result = parse(JSON_TYPE, body);
    expect(result.mode).toBe('put-events');
    expect(result.mode !== 'invalid' && result.eventBusId).toBe(eventBusId);
  });

  it.each([
    ['application/cloudevents+json', false],
    [' Application/CloudEvents-Batch+JSON; charset=utf-8', false],
    ['application/json', true],
    ['application/cloudevents+avro', true],
    ['text/plain', true],
    [undefined, true],
  ])('knows whether a request with Content-Type %j is read beyond that header (%s)', (contentType, reads) => {
    expect(readsOtherHeaders(contentType)).toBe(reads);
    // Where it says no, the other headers must indeed change nothing.
    if (!reads) {
      const body = contentType!.includes('batch') ? [minimal] : minimal;
      const plain = parse({ 'content-type': contentType }, body);
      const withCeHeaders = { 'content-type': contentType, 'ce-specversion': ['1.0', '0.3'], 'ce-id': 'x' };
      expect(parse(withCeHeaders, body)).toEqual(plain);
    }
  });

  it('prefers binary mode over the vendor shapes when ce-specversion is sent with application/json', () => {
    const headers = { ...BINARY, ...JSON_TYPE };
    const result = parse(headers, { EventList: [] });
    const accepted = { ok: true, event: { data: { EventList: [] } } };
    expect(result).toMatchObject({ mode: 'binary', events: [accepted] });
  });

  it.each([
    ['an unknown content type', { 'content-type': 'text/plain' }, 'hi', 'Content-Type "text/plain" is not'],
    ['no content type and no ce headers', {}, 'hello', 'no Content-Type and no ce-* headers'],
    ['a non-JSON event format', { 'content-type': 'application/cloudevents+avro' }, 'x', 'unsupported event'],
    ['malformed structured JSON', STRUCTURED, '{"specversion": "1.0",', 'body is not valid JSON: '],
    ['malformed batch JSON', BATCH, '[{]', 'body is not valid JSON: '],
    ['malformed application/json', JSON_TYPE, '{"EventList": [', 'body is not valid JSON: '],
    ['a batch that is an object', BATCH, minimal, 'a batch body must be a JSON array, got an object'],
    ['application/json that is no event', JSON_TYPE, { hello: 'world' }, 'must be a PutEvents request'],
    ['application/json that is an array', JSON_TYPE, [minimal], 'must be a PutEvents request'],
  ])('answers invalid for %s', (_name, headers, body, reason) => {
    expect(invalidReason(parse(headers, body))).toContain(reason);
  });

  it('reports a body that is not UTF-8 as such', () => {
    const result = parseHttpEvents(STRUCTURED, Buffer.from([0x7b, 0xff, 0x7d]));
    expect(invalidReason(result)).toBe('body is not valid UTF-8');
  });
});

describe('batches', () => {
  it('judges each event on its own, with its index and pointer', () => {
    const body = [minimal, { ...minimal, specversion: '0.3' }, 'text', { ...minimal, time: 'noon' }, minimal];
    const result = parse(BATCH, body);
    if (result.mode !== 'batch') throw new Error(result.mode);
    expect(result.events.map((parsed) => parsed.ok)).toEqual([true, false, false, false, true]);
    expect(result.events[1]).toEqual({
      ok: false,
      index: 1,
      reason: 'event 1: attribute "specversion" must be "1.0", got "0.3"',
      pointer: '/1/specversion',
    });
    const notObject = 'event 2: an event must be a JSON object, got "text"';
    expect(result.events[2]).toEqual({ ok: false, index: 2, pointer: '/2', reason: notObject });
    expect(result.events[3]).toMatchObject({ index: 3, pointer: '/3/time' });
  });

  it('rejects only the element that repeats a member', () => {
    const repeated = '{"specversion": "1.0", "id": "a", "id": "b", "source": "/s", "type": "t"}';
    const body = `[${JSON.stringify(minimal)}, ${repeated}]`;
    const result = parse(BATCH, body);
    if (result.mode !== 'batch') throw new Error(result.mode);
    expect(result.events[0]?.ok).toBe(true);
    const reason = 'event 1: JSON member at /1/id is repeated';
    expect(result.events[1]).toEqual({ ok: false, index: 1, reason, pointer: '/1/id' });
  });

  it('accepts an empty batch with zero events', () => {
    expect(parse(BATCH, [])).toEqual({ mode: 'batch', events: [] });
  });
});

describe('the size limit', () => {
  const big = { ...minimal, data: 'x'.repeat(2000) };

  it('rejects only the events over the limit, naming it', () => {
    const result = parse(BATCH, [minimal, big, minimal], 1000);
    if (result.mode !== 'batch') throw new Error(result.mode);
    expect(result.events.map((parsed) => parsed.ok)).toEqual([true, false, true]);
    expect(result.events[1]).toMatchObject({
      index: 1,
      reason: expect.stringMatching(/^event 1: the event is 2\d{3} bytes, over the limit of 1000 bytes/),
    });
  });

  it('defaults to 65536 bytes', () => {
    const overhead = JSON.stringify({ ...minimal, data: '' }).length;
    const atLimit = parse(STRUCTURED, { ...minimal, data: 'x'.repeat(65536 - overhead) });
    const overLimit = parse(STRUCTURED, { ...minimal, data: 'x'.repeat(65537 - overhead) });
    expect(atLimit).toMatchObject({ events: [{ ok: true }] });
    const reason = expect.stringContaining('over the limit of 65536 bytes');
    expect(overLimit).toMatchObject({ events: [{ ok: false, reason }] });
  });

  it('counts UTF-8 bytes, and applies to binary and PutEvents events too', () => {
    const binary = { ...BINARY, ...JSON_TYPE };
    expect(parse(binary, JSON.stringify('é'.repeat(600)), 1000)).toMatchObject({ events: [{ ok: false }] });
    expect(parse(binary, JSON.stringify('e'.repeat(600)), 1000)).toMatchObject({ events: [{ ok: true }] });
    const request = { EventList: [{ Source: 's', Type: 't', Data: 'x'.repeat(1000) }] };
    const rejected = { ok: false, reason: expect.stringContaining('limit of 1000') };
    expect(parse(JSON_TYPE, request, 1000)).toMatchObject({ events: [rejected] });
  });
});

describe('vendor-style events sent as application/json', () => {
  const standardEvent = {
    specversion: '0',
    id: '13a3f42d-7258-4ada-da6d-023a333b4662',
    source: 'cvm.cloud.tencent',
    type: 'cvm:ErrorEvent:ping_unreachable',
    subjuect: 'ins-sjdksjk',
    timer: '1615430559146',
    region: 'ap-guangzhou',
    resource: ['qcs::eb:ap-guangzhou:uid1250000000:eventbusid/eventruleid'],
    dataContentType: 'application/json;charset=utf-8',
    tags: { key1: 'value1' },
    status: '1',
    data: { instanceId: 'ins-sjdksjk' },
  };

  it('reads the typos as their attributes, any specversion as 1.0 and JSON-valued extensions', () => {
    expect(parse(JSON_TYPE, standardEvent)).toEqual({
      mode: 'structured',
      events: [
        {
          ok: true,
          event: {
            specversion: '1.0',
            id: '13a3f42d-7258-4ada-da6d-023a333b4662',
            source: 'cvm.cloud.tencent',
            type: 'cvm:ErrorEvent:ping_unreachable',
            subject: 'ins-sjdksjk',
            time: 1615430559146,
            region: 'ap-guangzhou',
            resource: ['qcs::eb:ap-guangzhou:uid1250000000:eventbusid/eventruleid'],
            datacontenttype: 'application/json;charset=utf-8',
            tags: { key1: 'value1' },
            status: '1',
            data: { instanceId: 'ins-sjdksjk' },
          },
        },
      ],
    });
  });

  it('generates the id when the event has none', () => {
    const result = parse(JSON_TYPE, { source: 's', type: 't' });
    const id = expect.stringMatching(/^[0-9a-f-]{36}$/);
    const accepted = { ok: true, event: { specversion: '1.0', id } };
    expect(result).toMatchObject({ events: [accepted] });
  });

  it('keeps a lower-case typo as an ordinary extension in CloudEvents modes', () => {
    const result = parse(STRUCTURED, { ...minimal, subjuect: 'ins-1' });
    expect(result).toMatchObject({ events: [{ ok: true, event: { subjuect: 'ins-1' } }] });
    expect(result).not.toMatchObject({ events: [{ event: { subject: 'ins-1' } }] });
  });

  it('accepts a numeric millisecond time in CloudEvents modes too', () => {
    const result = parse(STRUCTURED, { ...minimal, time: 1615430559146 });
    expect(result).toMatchObject({ events: [{ ok: true, event: { time: 1615430559146 } }] });
  });

  it.each([
    ['a typo next to the real name', { subject: 'a', subjuect: 'b' }, 'attribute "subject" is given twice'],
    ['an upper-case name', { Region: 'x' }, 'attribute name "Region" is not allowed'],
    ['a bad time', { time: 'noon' }, 'attribute "time" must be RFC 3339'],
    ['no source', { source: undefined }, 'attribute "source" is required'],
  ])('rejects %s', (_name, members, reason) => {
    const result = parse(JSON_TYPE, { ...minimal, ...members });
    const rejected = { ok: false, reason: expect.stringContaining(`event 0: ${reason}`) };
    expect(result).toMatchObject({ mode: 'structured', events: [rejected] });
  });

  it.each([
    ['typos', { dataContentType: 'text/plain' }, 'attribute name "dataContentType" is not allowed'],
    ['object-valued extensions', { tags: { a: 'b' } }, 'attribute "tags" must be a string, boolean or'],
    ['any specversion', { specversion: '1.0.2' }, 'attribute "specversion" must be "1.0", got "1.0.2"'],
  ])('keeps the CloudEvents rules for %s in structured mode', (_name, members, reason) => {
    expect(parse(STRUCTURED, { ...minimal, ...members })).toMatchObject({
      events: [{ ok: false, reason: expect.stringContaining(`event 0: ${reason}`) }],
    });
  });
});
