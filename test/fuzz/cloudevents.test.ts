/**
 * @module Property tests of the CloudEvents HTTP parsers in every mode (structured, batch, binary headers,
 * the vendor's JSON and PutEvents): generated requests never crash them, every refusal has a reason, every
 * accepted event is well formed and within its size, and a structured event reads back as itself.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseHttpEvents,
  toStructuredJson,
  type HttpParseResult,
} from '../../engine/bus/cloudevents/index.js';
import { eventSize } from '../../engine/bus/cloudevents/canonical.js';
import type { BusEvent, HttpHeaders } from '../../engine/bus/cloudevents/types.js';
import { deepText, jsonValue, mutatedDocument, mutatedText, oddString } from './arbitraries.js';
import { FUZZ_RUNS, REPLAY } from './runs.js';

const EVENT = {
  specversion: '1.0',
  id: '13a3f42d-7258-4ada-da6d-023a333b4662',
  source: 'cvm.cloud.tencent',
  type: 'cvm:ErrorEvent:ping_unreachable',
  subject: 'ins-sjksjk',
  time: '2021-03-11T02:42:39.146Z',
  region: 'ap-guangzhou',
  datacontenttype: 'application/json;charset=utf-8',
  status: '1',
  data: { appId: '1250000011', dimensions: { ip: '127.0.0.1' }, list: [1, 'two', null] },
};
const TEXT_EVENT = { ...EVENT, id: 'b', datacontenttype: 'text/plain', data: 'hello' };
const BASE64_EVENT = { specversion: '1.0', id: 'c', source: 's', type: 't', data_base64: 'aGVsbG8=' };
const VENDOR_EVENT = { ...EVENT, time: 1615430559146, tags: { key1: 'value1' } };
const PUT_EVENTS = {
  EventBusId: 'default',
  EventList: [
    {
      Source: 'app.orders',
      Type: 'order:created',
      Subject: 'o-1',
      Data: '{"n":1}',
      TagList: [{ Key: 'k', Value: 'v' }],
    },
    { Source: 'app.stock', Type: 'stock:received', Data: { sku: 'a', n: 2 } },
  ],
};
const limits = { maxEventBytes: 8 * 1024 };

const contentType = (essence: string) =>
  fc.constantFrom(
    essence,
    essence.toUpperCase(),
    `${essence}; charset=utf-8`,
    `${essence};charset="UTF-8"`,
    ` ${essence} `,
  );

/** What must hold of any parse: no throw (the caller's test fails), reasons given, accepted events sound. */
function checkResult(result: HttpParseResult): void {
  if (result.mode === 'invalid') return assert.ok(result.reason.length > 0, 'a refused request has a reason');
  for (const parsed of result.events) {
    if (!parsed.ok) {
      assert.ok(parsed.reason.length > 0, 'a refused event has a reason');
      continue;
    }
    const event = parsed.event as BusEvent;
    for (const name of ['specversion', 'id', 'source', 'type'] as const) {
      assert.equal(typeof event[name], 'string', `attribute ${name} of an accepted event`);
    }
    assert.ok(eventSize(event) <= limits.maxEventBytes, 'an accepted event is within maxEventBytes');
    assert.equal(infiniteNumberIn(event), undefined, 'an accepted event survives being written as JSON');
  }
}

/** Where a value holds a number JSON cannot write (it would come back as null after a restart). */
function infiniteNumberIn(value: unknown, path = ''): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path || '/';
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = infiniteNumberIn(item, `${path}/${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * An event accepted in a CloudEvents content type (not the vendor's lenient JSON) reads back, from its own
 * structured JSON, as the same event.
 */
function checkReadsBack(result: HttpParseResult, given: string): void {
  if (result.mode === 'invalid' || !/^\s*application\/cloudevents(-batch)?\+json/i.test(given)) return;
  for (const parsed of result.events) {
    if (!parsed.ok) continue;
    const text = JSON.stringify(toStructuredJson(parsed.event as BusEvent));
    const again = parseHttpEvents(
      { 'content-type': 'application/cloudevents+json' },
      Buffer.from(text),
      limits,
    );
    assert.deepStrictEqual(again.mode === 'structured' && again.events[0], { ok: true, event: parsed.event });
  }
}

describe('CloudEvents HTTP parsers under generated requests', () => {
  it('reads structured, batch and vendor JSON bodies', () => {
    const events = mutatedDocument([EVENT, TEXT_EVENT, BASE64_EVENT, VENDOR_EVENT], 3);
    const body = fc.oneof(
      { weight: 3, arbitrary: mutatedText(events, 2) },
      { weight: 2, arbitrary: mutatedText(fc.array(events, { maxLength: 4 }), 2) },
      { weight: 2, arbitrary: mutatedText(mutatedDocument([PUT_EVENTS], 4), 2) },
      { weight: 1, arbitrary: jsonValue.map((value) => JSON.stringify(value) ?? '') },
    );
    const type = fc.oneof(
      contentType('application/cloudevents+json'),
      contentType('application/cloudevents-batch+json'),
      contentType('application/json'),
      fc.constantFrom('application/cloudevents+xml', 'text/plain', ''),
    );
    fc.assert(
      fc.property(type, body, (given, text) => {
        const headers: HttpHeaders = given === '' ? {} : { 'content-type': given };
        const result = parseHttpEvents(headers, Buffer.from(text), limits);
        checkResult(result);
        checkReadsBack(result, given);
      }),
      { ...REPLAY, numRuns: FUZZ_RUNS.eventBodies },
    );
  }, 120_000);

  it('reads binary-mode headers, repeated and odd ones included', () => {
    const value = fc.oneof(
      oddString,
      fc.constantFrom('1.0', '0.3', '%E2%82%AC', '%zz', '%', '2021-03-11T02:42:39Z', 'https://a/b'),
    );
    const name = fc.constantFrom(
      'ce-specversion',
      'ce-id',
      'ce-source',
      'ce-type',
      'ce-subject',
      'ce-time',
      'ce-datacontenttype',
      'ce-dataschema',
      'ce-region',
      'CE-Status',
      'ce-',
      'ce-Bad_Name',
      'ce-tags',
    );
    const headerValue = fc.oneof(
      { weight: 5, arbitrary: value },
      { weight: 1, arbitrary: fc.array(value, { minLength: 2, maxLength: 3 }) },
    );
    const headers = fc
      .tuple(
        fc.dictionary(name, headerValue, { maxKeys: 6 }),
        fc.boolean(),
        fc.option(contentType('application/json')),
      )
      .map(([extra, complete, type]) => {
        const base: HttpHeaders = complete
          ? { 'ce-specversion': '1.0', 'ce-id': 'i', 'ce-source': 's', 'ce-type': 't' }
          : {};
        return { ...base, ...extra, ...(type === null ? {} : { 'content-type': type }) } as HttpHeaders;
      });
    const body = fc.oneof(
      mutatedText(fc.constantFrom(EVENT.data), 2),
      fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
    );
    fc.assert(
      fc.property(headers, body, (given, text) =>
        checkResult(parseHttpEvents(given, Buffer.from(text, 'latin1'), limits)),
      ),
      { ...REPLAY, numRuns: FUZZ_RUNS.binaryHeaders },
    );
  }, 120_000);

  it('reads PutEvents requests whose members have the wrong types', () => {
    const entry = fc.record(
      {
        Source: fc.oneof(oddString, jsonValue),
        Type: fc.oneof(oddString, jsonValue),
        Subject: fc.oneof(oddString, jsonValue),
        Time: fc.oneof(fc.integer(), oddString, jsonValue),
        Data: fc.oneof(
          jsonValue.map((data) => JSON.stringify(data) ?? ''),
          jsonValue,
          deepText,
        ),
        TagList: fc.oneof(
          fc.array(fc.record({ Key: oddString, Value: oddString }), { maxLength: 3 }),
          jsonValue,
        ),
        Id: fc.oneof(oddString, jsonValue),
      },
      { requiredKeys: [] },
    );
    const request = fc.record(
      {
        EventList: fc.oneof(fc.array(entry, { maxLength: 4 }), jsonValue),
        EventBusId: fc.oneof(oddString, jsonValue),
      },
      { requiredKeys: ['EventList'] },
    );
    fc.assert(
      fc.property(request, (given) => {
        checkResult(
          parseHttpEvents({ 'content-type': 'application/json' }, Buffer.from(JSON.stringify(given)), limits),
        );
      }),
      { ...REPLAY, numRuns: FUZZ_RUNS.putEvents },
    );
  }, 120_000);

  it('refuses deep nesting in every mode with a reason that names the limit', () => {
    const mode = fc.constantFrom(
      'application/cloudevents+json',
      'application/cloudevents-batch+json',
      'application/json',
      'binary',
    );
    fc.assert(
      fc.property(mode, deepText, (given, deep) => {
        const event = `{"specversion":"1.0","id":"i","source":"s","type":"t","data":${deep}}`;
        const headers: HttpHeaders =
          given === 'binary'
            ? {
                'content-type': 'application/json',
                'ce-specversion': '1.0',
                'ce-id': 'i',
                'ce-source': 's',
                'ce-type': 't',
              }
            : { 'content-type': given };
        const body = given === 'binary' ? deep : given.includes('batch') ? `[${event}]` : event;
        const result = parseHttpEvents(headers, Buffer.from(body), limits);
        checkResult(result);
        const nests = deep.startsWith('[') ? deep.indexOf('1') : deep.indexOf('1') / 5;
        const around = given === 'binary' ? 0 : given.includes('batch') ? 2 : 1;
        if (nests + around > 128) {
          const reason =
            result.mode === 'invalid'
              ? result.reason
              : result.events[0]?.ok === false
                ? result.events[0].reason
                : '';
          expect(reason).toContain('deeper than 128 levels');
        }
      }),
      { ...REPLAY, numRuns: FUZZ_RUNS.eventsDeep },
    );
  }, 120_000);
});
