/**
 * @module The counterexamples the property tests found, kept as a table so each stays fixed (with the
 * fast-check seed that found it where there was one; replay with FLOWBUS_FUZZ_SEED).
 */
import { describe, expect, it } from 'vitest';
import { parseHttpEvents } from '../../engine/bus/cloudevents/index.js';
import type { HttpHeaders } from '../../engine/bus/cloudevents/types.js';
import { createAppRegistry } from '../../app/registry.js';
import { parseFlowText } from '../../engine/flow/load.js';
import { FUZZ_TOTAL } from './runs.js';

const JSON_TYPE = { 'content-type': 'application/json' };
const BINARY = { ...JSON_TYPE, 'ce-specversion': '1.0', 'ce-id': 'i', 'ce-source': 's', 'ce-type': 't' };
const deep = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

/** [what it guards, headers, body, the reason the event or request is refused with] */
const EVENT_CASES: Array<[string, HttpHeaders, string, string]> = [
  [
    // seed 425200345: a PutEvents Data string with 1e999 was accepted as Infinity, journaled as null.
    'a PutEvents request whose Data holds a number no double holds',
    JSON_TYPE,
    '{"EventList":[{"Source":"app.orders","Type":"order:created","Data":{"n":1e999}}]}',
    'the number at /EventList/0/Data/n is too large for a double',
  ],
  [
    // seed 1500352459: binary-mode data with -1e400 became -Infinity, and null after a restart.
    'binary-mode data with a number no double holds',
    BINARY,
    '{"list":[-1e400,"two",null]}',
    'the number at /list/0 is too large for a double',
  ],
  [
    'an extension attribute with a number no double holds',
    { 'content-type': 'application/cloudevents-batch+json' },
    '[{"specversion":"1.0","id":"i","source":"s","type":"t","status":-1e999}]',
    'the number at /0/status is too large for a double',
  ],
  [
    // Issue 10, finding 7: 5,000 levels of data answered 500 from the recursive code after the parser.
    'a structured event with data 5,000 deep',
    { 'content-type': 'application/cloudevents+json' },
    `{"specversion":"1.0","id":"i","source":"s","type":"t","data":${deep(5000)}}`,
    `JSON nests deeper than 128 levels at /data${'/0'.repeat(127)}`,
  ],
  ['binary-mode data 5,000 deep', BINARY, deep(5000), `deeper than 128 levels at ${'/0'.repeat(128)}`],
  [
    'a PutEvents Data string 5,000 deep',
    JSON_TYPE,
    JSON.stringify({ EventList: [{ Source: 's', Type: 't', Data: deep(5000) }] }),
    `Data is too deeply nested: JSON nests deeper than 128 levels at ${'/0'.repeat(128)}`,
  ],
  [
    'two ce-id headers (Node joins them into "a, b")',
    { ...BINARY, 'content-type': 'text/plain', 'ce-id': ['a', 'b'] },
    'hello',
    'header "ce-id" is sent more than once',
  ],
];

describe('the property tests', () => {
  it('generate 100,000 inputs in all', () => {
    expect(FUZZ_TOTAL).toBe(100_000);
  });
});

describe('counterexamples found by the property tests', () => {
  it.each(EVENT_CASES)('refuses %s', (_what, headers, body, reason) => {
    const result = parseHttpEvents(headers, Buffer.from(body));
    const given =
      result.mode === 'invalid'
        ? result.reason
        : result.events.map((event) => (event.ok ? 'accepted' : event.reason)).join('; ');
    expect(given).toContain(reason);
  });

  it('keeps a number that no double holds as text when a PutEvents Data string holds it', () => {
    const body = JSON.stringify({ EventList: [{ Source: 's', Type: 't', Data: '{"n":1e999}' }] });
    const result = parseHttpEvents(JSON_TYPE, Buffer.from(body));
    expect(result.mode === 'put-events' && result.events[0]).toMatchObject({
      ok: true,
      event: { data: '{"n":1e999}' },
    });
  });

  it('lists a flow whose literal nests 30,000 deep as one json-depth issue instead of overflowing', () => {
    const trigger = '{"id":"r","type":"http","config":{"path":"/x"}}';
    const text = `{"format":"flowbus/flow@1","name":"d","trigger":${trigger},"steps":[{"id":"s","type":"set-payload","config":{"value":${deep(30_000)}}}]}`;
    const parsed = parseFlowText(text, 'flows/d.flow.json', createAppRegistry());
    expect(parsed.issues).toEqual([
      expect.objectContaining({
        file: 'flows/d.flow.json',
        code: 'json-depth',
        pointer: `/steps/0/config/value${'/0'.repeat(124)}`,
      }),
    ]);
  });
});
