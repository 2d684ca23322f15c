import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../logging/redact.js';
import type { CompiledFlow, ExecutionRecord } from '../../runtime/types.js';
import { compileTrigger } from './compile-trigger.js';
import { sendResult, serializeBody } from './response.js';

/** A response double that keeps what was written. */
function capture() {
  const sent: { status?: number; headers?: Record<string, unknown>; body?: string } = {};
  const response = {
    headersSent: false,
    writeHead(status: number, headers: Record<string, unknown>) {
      sent.status = status;
      sent.headers = headers;
      return response;
    },
    end(body?: string | Buffer) {
      sent.body = body === undefined ? '' : String(body);
    },
  };
  return { response: response as unknown as ServerResponse, sent };
}

function entryFor(response: Record<string, unknown>) {
  const flow = {
    id: 'f',
    document: {
      format: 'flowbus/flow@1',
      name: 'f',
      trigger: { id: 't', type: 'http', config: { path: '/f', response } },
      steps: [],
    },
  } as unknown as CompiledFlow;
  return compileTrigger(flow, 'v1')!;
}

const record = (payload: unknown): ExecutionRecord =>
  ({ id: 'ex-1', result: { payload, attributes: {}, vars: { n: 2 } } }) as unknown as ExecutionRecord;

describe('sendResult', () => {
  it('evaluates status, headers and body expressions against the final message', async () => {
    const { response, sent } = capture();
    const entry = entryFor({
      status: { $expr: '200 + vars.n' },
      headers: { 'X-Count': { $expr: '$string(vars.n)' } },
      body: { $expr: '{"got": payload.id}' },
    });
    await sendResult(response, entry, record({ id: 7 }), createRedactor());
    expect(sent).toEqual({
      status: 202,
      headers: {
        'X-Count': '2',
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': 9,
        'X-Flowbus-Execution': 'ex-1',
      },
      body: '{"got":7}',
    });
  });

  it.each([
    ['a status out of range', { status: 99 }, 'the response status must be an integer from 100 to 599'],
    ['a status that is text', { status: { $expr: '"ok"' } }, 'the response status must be an integer'],
    ['headers that are a list', { headers: { $expr: '[1]' } }, 'the response headers must be an object'],
    ['a bad header name', { headers: { 'bad name': 'x' } }, 'bad response header'],
  ])('answers 500 for %s', async (_name, settings, message) => {
    const { response, sent } = capture();
    await sendResult(response, entryFor(settings), record(null), createRedactor());
    expect(sent.status).toBe(500);
    const { error } = JSON.parse(sent.body!);
    expect(error).toMatchObject({ type: 'HTTP:RESPONSE', step: 't', executionId: 'ex-1' });
    expect(error.message).toContain(message);
  });
});

describe('the reply bound', () => {
  it.each([
    ['a long text', 'x'.repeat(2000), '2000 bytes is larger than the 1000 bytes allowed (limits.replyBytes)'],
    ['a large object', { list: Array.from({ length: 500 }, (_, n) => n) }, 'the answer is larger than the 1000'],
    ['a text of many-byte characters', '界'.repeat(400), '1200 bytes is larger than the 1000 bytes allowed'],
  ])('answers 500 HTTP:RESPONSE_TOO_LARGE naming the trigger for %s', async (_name, payload, message) => {
    const { response, sent } = capture();
    await sendResult(response, entryFor({}), record(payload), createRedactor(), 1000);
    expect(sent.status).toBe(500);
    const { error } = JSON.parse(sent.body!);
    expect(error).toMatchObject({ type: 'HTTP:RESPONSE_TOO_LARGE', step: 't', executionId: 'ex-1' });
    expect(error.message).toContain(message);
  });

  it('sends an answer within the bound', async () => {
    const { response, sent } = capture();
    await sendResult(response, entryFor({}), record('x'.repeat(1000)), createRedactor(), 1000);
    expect(sent.status).toBe(200);
    expect(sent.body).toHaveLength(1000);
  });
});

describe('serializeBody', () => {
  it.each([
    [null, undefined, undefined],
    ['text', 'text', 'text/plain; charset=utf-8'],
    [{ a: 1 }, '{"a":1}', 'application/json; charset=utf-8'],
    [[1], '[1]', 'application/json; charset=utf-8'],
    [0, '0', 'application/json; charset=utf-8'],
  ])('%j', (body, data, contentType) => {
    expect(serializeBody(body)).toEqual(data === undefined ? {} : { data, contentType });
  });
});
