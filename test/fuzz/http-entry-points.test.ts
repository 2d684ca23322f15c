/**
 * @module Property test of the HTTP entry points of a real server started in-process: `/events`, an HTTP
 * trigger, `PUT /api/flows/:id`, `PUT /api/rules/:id` and the pattern test. Whatever is sent, the answer
 * is never a 5xx, every refusal is a 4xx with a reason, and nothing is logged as an unexpected error.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpFlow, setPayload, startTestServer, type TestServer } from '../server/helpers.js';
import { deepText, mutatedDocument, mutatedText, oddString } from './arbitraries.js';
import { FUZZ_RUNS, REPLAY } from './runs.js';

let server: TestServer;

const echo = httpFlow('/echo', [setPayload('keep', { $expr: 'payload' })]);
const EVENT = {
  specversion: '1.0',
  id: 'e-1',
  source: 'fuzz.test',
  type: 'fuzz:Event',
  data: { a: [1, 'b'] },
};
const RULE = {
  format: 'flowbus/rule@1',
  name: 'fuzz',
  bus: 'default',
  pattern: { source: ['fuzz.test'] },
  targets: [{ id: 'keep', type: 'log-store' }],
};
const FLOW = httpFlow('/fuzz-flow', [setPayload('one', { n: 1 })]);

type Sent = { method: string; path: string; contentType: string; body: string };

/** Percent-encodes a path segment; a lone surrogate becomes the bytes of one, which is not UTF-8. */
function segment(text: string): string {
  return [...text]
    .map((char) => (/[\uD800-\uDFFF]/.test(char) ? '%ED%A0%80' : encodeURIComponent(char)))
    .join('');
}

const id = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('fz-a', 'fz-b', 'fz-c') },
  { weight: 1, arbitrary: oddString },
);
const jsonType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
  '',
);
const body = (documents: unknown[]) =>
  fc.oneof(
    { weight: 6, arbitrary: mutatedText(mutatedDocument(documents, 3), 2) },
    { weight: 1, arbitrary: deepText },
  );

// Weighted towards the cheap entry points: a flow save validates, compiles and writes a file.
const request: fc.Arbitrary<Sent> = fc.oneof(
  fc.record({
    method: fc.constant('POST'),
    path: fc.constantFrom('/events', '/events/default', '/events/nope'),
    contentType: fc.constantFrom(
      'application/cloudevents+json',
      'application/cloudevents-batch+json',
      'application/json',
    ),
    body: body([EVENT, [EVENT, EVENT], { EventList: [{ Source: 's', Type: 't', Data: '{"a":1}' }] }]),
  }),
  fc.record({
    method: fc.constantFrom('POST', 'PUT', 'GET'),
    path: fc.constant('/echo'),
    contentType: jsonType,
    body: body([EVENT, [1, 'two', { three: null }], 'text']),
  }),
  fc.record({
    method: fc.constant('PUT'),
    path: id.map((flowId) => `/api/flows/${segment(flowId)}`),
    contentType: jsonType,
    body: body([FLOW]),
  }),
  fc.record({
    method: fc.constant('PUT'),
    path: id.map((ruleId) => `/api/rules/${segment(ruleId)}`),
    contentType: jsonType,
    body: body([RULE]),
  }),
  fc.record({
    method: fc.constant('POST'),
    path: fc.constant('/api/patterns/test'),
    contentType: fc.constant('application/json'),
    body: body([
      { pattern: RULE.pattern, event: EVENT },
      { pattern: JSON.stringify(RULE.pattern), event: JSON.stringify(EVENT) },
    ]),
  }),
);

async function send(sent: Sent): Promise<void> {
  const headers: Record<string, string> = sent.contentType === '' ? {} : { 'content-type': sent.contentType };
  const init = { method: sent.method, headers, ...(sent.method === 'GET' ? {} : { body: sent.body }) };
  const answer = await server.request(sent.path, init);
  expect(answer.status, `${sent.method} ${sent.path} answered ${answer.text.slice(0, 300)}`).toBeLessThan(
    500,
  );
  if (answer.status >= 400) {
    expect(typeof answer.json?.error?.message, answer.text.slice(0, 300)).toBe('string');
    expect(answer.json.error.message.length).toBeGreaterThan(0);
  }
}

beforeAll(async () => {
  server = await startTestServer({ flows: { echo } });
});

afterAll(async () => {
  await server?.close();
});

describe('HTTP entry points under generated requests', () => {
  it('answer every request below 500, with a reason for every refusal', async () => {
    // Three requests at a time, so that a few thousand fit in the time of a unit test.
    await fc.assert(
      fc.asyncProperty(fc.tuple(request, request, request), async (batch) => {
        await Promise.all(batch.map(send));
      }),
      { ...REPLAY, numRuns: Math.ceil(FUZZ_RUNS.http / 3) },
    );
    const unexpected = server.logs.filter(
      (line) => (JSON.parse(line) as { level: string }).level === 'error',
    );
    expect(unexpected).toEqual([]);
  }, 120_000);
});
