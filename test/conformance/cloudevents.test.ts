/**
 * @module Conformance: every CloudEvents HTTP case of the shared acceptance suite through parseHttpEvents.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  canonicalAttributes,
  dataKind,
  parseHttpEvents,
  type BusEvent,
  type HttpParseResult,
} from '../../engine/bus/cloudevents/index.js';

interface ExpectedData {
  kind: 'json' | 'text' | 'base64' | 'absent';
  value?: unknown;
  placeholder?: boolean;
}

interface AcceptanceCase {
  id: string;
  mode: 'structured' | 'binary' | 'batch';
  headers: Record<string, string>;
  body: string;
  valid: boolean;
  expect: Record<string, string> | Array<Record<string, string>> | null;
  expect_json_types?: Record<string, string> | Array<Record<string, string>>;
  expect_data: ExpectedData | ExpectedData[] | null;
}

/**
 * The cases this parser answers differently from the suite, each with the reason; the only place to list one.
 * An excepted case is still run: its test asserts the behaviour we chose instead.
 */
const EXCEPTED_CASES: Record<string, string> = {
  'ce-json-batch-example':
    'the spec example carries the placeholder "... base64 encoded string ..." as data_base64, which ' +
    'must be RFC 4648 Base64 (case ce-structured-bad-base64): that event is rejected, the other one accepted',
};

const acceptanceFolder = new URL('../../../shared/acceptance/', import.meta.url);
const casesFile = new URL('cloudevents.json', acceptanceFolder);
const haveSuite = existsSync(fileURLToPath(acceptanceFolder));
const cases: AcceptanceCase[] = haveSuite ? JSON.parse(readFileSync(casesFile, 'utf8')) : [];

function parseCase(testCase: AcceptanceCase): HttpParseResult {
  return parseHttpEvents(testCase.headers, Buffer.from(testCase.body, 'utf8'));
}

type Strings = Record<string, string>;

function expectEvent(event: BusEvent, attributes: Strings, data: ExpectedData, types: Strings = {}): void {
  expect(canonicalAttributes(event)).toEqual(attributes);
  for (const [name, type] of Object.entries(types)) {
    if (type === 'Integer') expect(Number.isInteger(event[name]), `${name} is an Integer`).toBe(true);
    if (type === 'Boolean') expect(typeof event[name], `${name} is a Boolean`).toBe('boolean');
  }
  expect(dataKind(event)).toBe(data.kind);
  if (data.kind === 'json' || data.kind === 'text') expect(event.data).toEqual(data.value);
  if (data.kind === 'base64') expect(event.data_base64).toBe(data.value);
}

function acceptedEvents(result: HttpParseResult): BusEvent[] {
  if (result.mode === 'invalid') throw new Error(`request rejected: ${result.reason}`);
  return result.events.map((parsed) => {
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.event;
  });
}

describe.skipIf(!haveSuite)('CloudEvents acceptance suite (shared/acceptance/cloudevents.json)', () => {
  it('holds the 70 documented cases and every excepted id exists', () => {
    expect(cases).toHaveLength(70);
    const ids = new Set(cases.map((testCase) => testCase.id));
    for (const id of Object.keys(EXCEPTED_CASES)) expect(ids.has(id), id).toBe(true);
  });

  const regular = cases.filter((testCase) => !(testCase.id in EXCEPTED_CASES));

  it.each(regular.filter((testCase) => testCase.valid).map((testCase) => [testCase.id, testCase] as const))(
    'accepts %s',
    (_id, testCase) => {
      const result = parseCase(testCase);
      const events = acceptedEvents(result);
      expect(result.mode).toBe(testCase.mode);
      const attributes = [testCase.expect].flat() as Array<Record<string, string>>;
      const data = [testCase.expect_data].flat() as ExpectedData[];
      const types = [testCase.expect_json_types ?? []].flat() as Array<Record<string, string>>;
      expect(events).toHaveLength(attributes.length);
      events.forEach((event, index) => {
        expectEvent(event, attributes[index] as Strings, data[index] as ExpectedData, types[index]);
      });
    },
  );

  it.each(regular.filter((testCase) => !testCase.valid).map((testCase) => [testCase.id, testCase] as const))(
    'rejects %s',
    (_id, testCase) => {
      const result = parseCase(testCase);
      if (result.mode === 'invalid') {
        expect(result.reason).not.toBe('');
        return;
      }
      expect(result.mode).toBe(testCase.mode);
      const rejected = result.events.filter((parsed) => !parsed.ok);
      expect(rejected.length).toBeGreaterThan(0);
      for (const parsed of rejected) if (!parsed.ok) expect(parsed.reason).toMatch(/^event \d+: \S/);
    },
  );

  it('ce-json-batch-example (excepted): rejects the placeholder Base64 event, accepts the other', () => {
    const testCase = cases.find((candidate) => candidate.id === 'ce-json-batch-example') as AcceptanceCase;
    const result = parseCase(testCase);
    if (result.mode === 'invalid') throw new Error(result.reason);
    const [first, second] = result.events;
    expect(first).toMatchObject({ ok: false, index: 0, pointer: '/0/data_base64' });
    if (!second?.ok) throw new Error('second event rejected');
    const attributes = (testCase.expect as Array<Record<string, string>>)[1] as Record<string, string>;
    const data = (testCase.expect_data as ExpectedData[])[1] as ExpectedData;
    expectEvent(second.event, attributes, data, { comexampleothervalue: 'Integer' });
  });
});
