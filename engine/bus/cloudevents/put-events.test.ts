/**
 * @module Tests of the vendor PutEvents mapping through parseHttpEvents.
 */
import { describe, expect, it } from 'vitest';
import { parseHttpEvents } from './parse-http.js';
import type { HttpParseResult, ParsedEvent } from './types.js';

const JSON_HEADERS = { 'Content-Type': 'application/json' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function putEvents(body: unknown): HttpParseResult {
  return parseHttpEvents(JSON_HEADERS, Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)));
}

function events(body: unknown): ParsedEvent[] {
  const result = putEvents(body);
  if (result.mode !== 'put-events') throw new Error(`mode ${result.mode}`);
  return result.events;
}

const ckafkaEntry = {
  Source: 'ckafka.cloud.tencent',
  Type: 'connector:ckafka',
  Subject: 'qcs::ckafka:ap-guangzhou:uin/1250000000:ckafkaId/uin/1250000000/ckafka-123456',
  Time: 1691572461939,
  Data: '{"topic":"test-topic","Partition":1,"offset":37,"msgKey":"test","msgBody":"Hello again!"}',
  Region: 'ap-guangzhou',
  Status: '',
  Id: 'optional-client-id',
  TagList: [{ Key: 'k', Value: 'v' }],
};

describe('PutEvents requests', () => {
  it('maps the documented entry to a bus event', () => {
    const [parsed] = events({ EventBusId: 'eb-12345678', EventList: [ckafkaEntry] });
    expect(parsed).toEqual({
      ok: true,
      event: {
        specversion: '1.0',
        id: 'optional-client-id',
        source: 'ckafka.cloud.tencent',
        type: 'connector:ckafka',
        subject: ckafkaEntry.Subject,
        time: 1691572461939,
        region: 'ap-guangzhou',
        status: '',
        datacontenttype: 'application/json;charset=utf-8',
        tags: { k: 'v' },
        data: { topic: 'test-topic', Partition: 1, offset: 37, msgKey: 'test', msgBody: 'Hello again!' },
      },
    });
  });

  it('generates an id, defaults status to "" and leaves out absent members', () => {
    const [parsed] = events({ EventList: [{ Source: 'app.orders', Type: 'order:created' }] });
    if (!parsed?.ok) throw new Error('rejected');
    expect(parsed.event.id).toMatch(UUID);
    expect(parsed.event.status).toBe('');
    expect(Object.keys(parsed.event)).not.toContain('data');
    expect(Object.keys(parsed.event)).not.toContain('tags');
  });

  it('gives each entry without Id its own id', () => {
    const [first, second] = events({ EventList: [{ Source: 's', Type: 't' }, { Source: 's', Type: 't' }] });
    if (!first?.ok || !second?.ok) throw new Error('rejected');
    expect(first.event.id).not.toBe(second.event.id);
  });

  it.each([
    ['a numeric-string Time', { Time: '1615430559146' }, { time: 1615430559146 }],
    ['an RFC 3339 Time', { Time: '2021-03-11T02:42:39Z' }, { time: '2021-03-11T02:42:39Z' }],
    ['Data that is not JSON, kept as a string', { Data: 'plain words' }, { data: 'plain words' }],
    ['Data holding a JSON string', { Data: '"quoted"' }, { data: 'quoted' }],
    ['Data given as an object', { Data: { a: 1 } }, { data: { a: 1 } }],
    ['a given Status', { Status: '1' }, { status: '1' }],
    ['an empty TagList', { TagList: [] }, { tags: {} }],
  ])('accepts %s', (_name, members, expected) => {
    const [parsed] = events({ EventList: [{ Source: 's', Type: 't', ...members }] });
    expect(parsed).toMatchObject({ ok: true, event: expected });
  });

  it.each([
    { name: 'Source missing', members: { Source: undefined }, reason: 'member "Source" is required' },
    { name: 'Type empty', members: { Type: '' }, reason: 'Type: attribute "type" must not be empty' },
    { name: 'Time not a time', members: { Time: 'yesterday' }, reason: 'Time: attribute "time" must be' },
    { name: 'Subject a number', members: { Subject: 7 }, reason: 'Subject: attribute "subject" must be' },
    { name: 'an unknown member', members: { Foo: 1 }, reason: 'unknown member "Foo" (expected Source, Type' },
    { name: 'TagList not an array', members: { TagList: { k: 'v' } }, reason: 'TagList must be an array' },
    { name: 'a TagList item without Value', members: { TagList: [{ Key: 'k' }] }, reason: 'TagList[0] must' },
    {
      name: 'a TagList key twice',
      members: { TagList: [{ Key: 'k', Value: 'a' }, { Key: 'k', Value: 'b' }] },
      reason: 'TagList has the key "k" twice',
    },
    {
      name: 'Data with a repeated member',
      members: { Data: '{"a": 1, "a": 2}' },
      reason: 'Data repeats the JSON member at /a',
    },
    {
      name: 'a control character in Region',
      members: { Region: 'ap\u0000gz' },
      reason: 'Region: attribute "region" contains the control character U+0000',
    },
  ])('rejects an entry with $name', ({ members, reason }) => {
    const [parsed] = events({ EventList: [{ Source: 's', Type: 't', ...members }] });
    expect(parsed?.ok).toBe(false);
    if (parsed?.ok === false) {
      expect(parsed.reason).toContain(`event 0: ${reason}`);
      const member = Object.keys(members)[0] as string;
      expect(parsed.pointer).toBe(`/EventList/0/${member}`);
    }
  });

  it('judges each entry on its own', () => {
    const outcome = events({ EventList: [{ Source: 's', Type: 't' }, 'not an object', { Source: 's' }] });
    expect(outcome.map((parsed) => parsed.ok)).toEqual([true, false, false]);
    expect(outcome[1]).toMatchObject({ index: 1, pointer: '/EventList/1' });
    expect(outcome[2]).toMatchObject({ index: 2, reason: 'event 2: member "Type" is required' });
  });

  it('rejects an entry that repeats a member, and only that entry', () => {
    const body = '{"EventList": [{"Source": "s", "Type": "t"}, {"Source": "s", "Type": "t", "Type": "u"}]}';
    const outcome = events(body);
    expect(outcome[0]?.ok).toBe(true);
    expect(outcome[1]).toMatchObject({ ok: false, pointer: '/EventList/1/Type' });
  });

  it('accepts an empty EventList', () => {
    expect(putEvents({ EventList: [] })).toEqual({ mode: 'put-events', events: [] });
  });

  it.each([
    ['EventList not an array', { EventList: {} }, '"EventList" must be an array, got an object'],
    ['an unknown top-level member', { EventList: [], Extra: 1 }, 'unknown member "Extra"'],
    ['EventList repeated', '{"EventList": [], "EventList": []}', 'JSON member at /EventList is repeated'],
  ])('rejects a request with %s', (_name, body, reason) => {
    const result = putEvents(body);
    expect(result.mode).toBe('invalid');
    if (result.mode === 'invalid') expect(result.reason).toContain(reason);
  });
});
