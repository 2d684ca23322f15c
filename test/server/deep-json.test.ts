/**
 * @module Regression tests of issue 10, finding 7: deeply nested JSON at every entry of a running server is a
 * 400 (a request body) or a listed problem (a file) naming the limit and where it was passed, never a 500;
 * and finding 8: a repeated `ce-*` header is refused.
 */
import { writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, httpFlow, json, raw, setPayload, startTestServer, type TestServer } from './helpers.js';

let server: TestServer;

/** `depth` nested arrays around `1`, as text (JSON.stringify itself overflows on such values). */
const deepArrays = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

/** A flow whose steps are `depth` Try scopes, each inside the previous one's steps, as text. */
function deepTryFlow(depth: number): string {
  const open = (level: number) => `{"id":"t${level}","type":"try","steps":[`;
  const close = '],"catch":[{"id":"c","config":{"errorTypes":["ANY"]},"steps":[]}]}';
  let steps = '';
  for (let level = 0; level < depth; level++) steps += open(level);
  steps += '{"id":"leaf","type":"set-payload","config":{"value":1}}';
  steps += close.repeat(depth);
  const trigger = '{"id":"request","type":"http","config":{"path":"/deep-try"}}';
  return `{"format":"flowbus/flow@1","name":"deep","trigger":${trigger},"steps":[${steps}]}`;
}

const event = (data: string) =>
  `{"specversion":"1.0","id":"e1","source":"test.deep","type":"deep:Event","data":${data}}`;

beforeAll(async () => {
  server = await startTestServer({
    flows: { echo: httpFlow('/echo', [setPayload('keep', { $expr: 'payload' })]) },
  });
});

afterAll(async () => {
  await server?.close();
});

const LIMIT = 'deeper than 128 levels';
const cases: Array<[string, string, RequestInit]> = [
  [
    'a structured CloudEvent with data 5,000 deep',
    '/events',
    raw('POST', 'application/cloudevents+json', event(deepArrays(5000))),
  ],
  ['a batch', '/events', raw('POST', 'application/cloudevents-batch+json', `[${event(deepArrays(5000))}]`)],
  ['a vendor-style event', '/events', raw('POST', 'application/json', event(deepArrays(5000)))],
  [
    'a binary-mode event',
    '/events',
    {
      method: 'POST',
      body: deepArrays(5000),
      headers: {
        'content-type': 'application/json',
        'ce-specversion': '1.0',
        'ce-id': 'b1',
        'ce-source': 's',
        'ce-type': 't',
      },
    },
  ],
  [
    'a PutEvents request',
    '/events',
    raw('POST', 'application/json', `{"EventList":[{"Source":"s","Type":"t","Data":${deepArrays(5000)}}]}`),
  ],
  [
    'a PutEvents Data string',
    '/events',
    raw(
      'POST',
      'application/json',
      JSON.stringify({ EventList: [{ Source: 's', Type: 't', Data: deepArrays(5000) }] }),
    ),
  ],
  ['an HTTP trigger body', '/echo', raw('POST', 'application/json', deepArrays(5000))],
  ['a flow with a 3,000-deep Try', '/api/flows/deep-try', raw('PUT', 'application/json', deepTryFlow(3000))],
  [
    'a flow with a 30,000-deep literal',
    '/api/flows/deep-literal',
    raw(
      'PUT',
      'application/json',
      `{"format":"flowbus/flow@1","name":"x","trigger":{"id":"r","type":"http","config":{"path":"/x"}},"steps":[{"id":"s","type":"set-payload","config":{"value":${deepArrays(30000)}}}]}`,
    ),
  ],
  [
    'a rule',
    '/api/rules/deep',
    raw(
      'PUT',
      'application/json',
      `{"pattern":{"source":"x"},"targets":[{"type":"log-store","config":${deepArrays(5000)}}]}`,
    ),
  ],
  ['a rule check', '/api/rules/validate', raw('POST', 'application/json', `{"pattern":${deepArrays(5000)}}`)],
  [
    'a pattern test',
    '/api/patterns/test',
    raw('POST', 'application/json', `{"pattern":{"source":["a"]},"event":${deepArrays(5000)}}`),
  ],
  [
    'a pattern test with the event as text',
    '/api/patterns/test',
    json('POST', { pattern: { source: ['a'] }, event: deepArrays(5000) }),
  ],
  [
    'a dry run',
    '/api/flows/echo/dry-run',
    raw('POST', 'application/json', `{"input":{"payload":${deepArrays(5000)}}}`),
  ],
  [
    'a connection',
    '/api/connections',
    raw('POST', 'application/json', `{"name":"c","type":"http-auth","values":${deepArrays(5000)}}`),
  ],
];

describe('deeply nested JSON bodies', () => {
  it.each(cases)('refuses %s with 400, the limit and the pointer', async (_what, path, init) => {
    const answer = await server.request(path, init);
    expect(answer.status, answer.text).toBe(400);
    expect(answer.json.error.message).toContain(LIMIT);
    expect(answer.json.error.message).toMatch(/at \/(0\/)*0|at \/[a-zA-Z]/);
  });

  it('accepts the same shapes within the limit', async () => {
    const ingest = await server.request(
      '/events',
      raw('POST', 'application/cloudevents+json', event(deepArrays(100))),
    );
    expect(ingest.status).toBe(202);
    const trigger = await server.request('/echo', raw('POST', 'application/json', deepArrays(120)));
    expect(trigger.status).toBe(200);
  });

  it('answers a flow nesting scopes too deeply with 422 and the pointer of the sequence', async () => {
    const answer = await server.request(
      '/api/flows/deep-scopes',
      raw('PUT', 'application/json', deepTryFlow(20)),
    );
    expect(answer.status).toBe(422);
    const issue = answer.json.error.issues.find((found: { code: string }) => found.code === 'too-deep');
    expect(issue.message).toContain('deeper than 16 levels of scopes');
    expect(issue.pointer).toBe(`/steps/0${'/steps/0'.repeat(15)}/steps`);
  });

  it('lists a flow file nested too deeply as invalid, with its file and problem, and logs the file', async () => {
    await server.writeFlow('dropped-deep', deepTryFlow(3000));
    const listed = await eventually(async () => {
      const { json: body } = await server.request('/api/flows');
      return body.flows.find((flow: { id: string }) => flow.id === 'dropped-deep');
    }, 15_000);
    expect(listed).toMatchObject({ status: 'invalid', file: 'flows/dropped-deep.flow.json' });
    const detail = (await server.request('/api/flows/dropped-deep')).json;
    expect(detail.issues[0]).toMatchObject({ code: 'json-depth', file: 'flows/dropped-deep.flow.json' });
    expect(detail.issues[0].message).toContain(LIMIT);
    expect(server.logs.some((line) => line.includes('dropped-deep.flow.json'))).toBe(true);
  });

  it('lists rule and bus files nested too deeply as invalid, with their file and problem', async () => {
    const deepRule = `{"format":"flowbus/rule@1","name":"r","pattern":{"source":["s"]},"targets":${deepArrays(3000)}}`;
    await writeFile(join(server.flowsDir, 'deep.rule.json'), deepRule);
    await writeFile(
      join(server.flowsDir, 'deep.bus.json'),
      `{"format":"flowbus/bus@1","name":${deepArrays(3000)}}`,
    );
    const rule = await eventually(async () => {
      const { json: body } = await server.request('/api/rules');
      return body.rules.find((found: { id: string }) => found.id === 'deep');
    }, 15_000);
    expect(rule).toMatchObject({ valid: false, file: 'deep.rule.json' });
    expect(rule.issues[0]).toMatchObject({
      code: 'json-depth',
      file: 'deep.rule.json',
      pointer: `/targets${'/0'.repeat(127)}`,
    });
    // The two files are picked up one at a time by the watcher: the bus may come after the rule.
    const deepBus = await eventually(async () => {
      const { json: buses } = await server.request('/api/buses');
      return buses.buses.find((found: { id: string }) => found.id === 'deep');
    }, 15_000);
    expect(deepBus.issues[0]).toMatchObject({ code: 'json-depth', file: 'deep.bus.json' });
    expect(deepBus.issues[0].message).toContain(LIMIT);
  });

  it('never logged an unexpected error for any of it', () => {
    const levels = server.logs.map((line) => (JSON.parse(line) as { level: string }).level);
    expect(levels).toContain('info');
    expect(levels.filter((level) => level === 'error')).toEqual([]);
  });
});

describe('repeated ce-* headers', () => {
  it('refuses two ce-id headers with 400 naming the header, instead of the id "a, b"', async () => {
    const { port } = new URL(server.url);
    const headers = {
      'content-type': 'text/plain',
      'ce-specversion': '1.0',
      'ce-id': ['a', 'b'],
      'ce-source': 's',
      'ce-type': 't',
    };
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const sent = httpRequest(
        { host: '127.0.0.1', port, path: '/events', method: 'POST', headers },
        (response) => {
          let body = '';
          response.on('data', (chunk) => (body += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      sent.on('error', reject);
      sent.end('hello');
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error.message).toBe('event 0: header "ce-id" is sent more than once');
  });
});
