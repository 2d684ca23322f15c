import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  expr,
  httpFlow,
  json,
  raw,
  setPayload,
  startTestServer,
  step,
  type TestServer,
} from './helpers.js';

const FORM = 'application/x-www-form-urlencoded';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    server: { limits: { bodyBytes: 1024 } },
    flows: {
      orders: httpFlow(
        '/orders/{orderId}',
        [
          {
            id: 'describe',
            type: 'set-payload',
            config: {
              value: expr(
                '{"id": attributes.params.orderId, "method": attributes.method, "path": attributes.path, ' +
                  '"query": attributes.query, "body": payload, "from": attributes.remoteAddress}',
              ),
            },
          },
        ],
        { methods: ['GET', 'POST', 'PUT'] },
      ),
      files: httpFlow('/files/*', [setPayload('rest', expr('$lookup(attributes.params, "*")'))], {
        methods: ['GET'],
      }),
      custom: httpFlow('/custom', [], {
        // Literals: the trigger's schema refuses expressions in `response` for now (see response.test.ts).
        response: {
          status: 201,
          headers: { 'X-Flow': 'custom', 'Content-Type': 'application/vnd.order+json' },
          body: { accepted: true },
        },
      }),
      later: httpFlow('/later', [step('remember', 'set-variable', { name: 'seen', value: true })], {
        response: { mode: 'async' },
      }),
      fails: httpFlow('/fails', [
        step('reject', 'raise-error', { errorType: 'ORDER_REJECTED', message: 'order has no lines' }),
      ]),
      echo: httpFlow('/echo', [], { methods: ['POST', 'GET'] }),
    },
  });
});

afterAll(async () => {
  await server?.close();
});

describe('HTTP triggers', () => {
  it('passes path params, query, method and body, and answers with the final payload', async () => {
    const answer = await server.request('/orders/42?x=1&x=2&y=z', json('POST', { lines: [1] }));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(answer.json).toEqual({
      id: '42',
      method: 'POST',
      path: '/orders/42',
      query: { x: ['1', '2'], y: 'z' },
      body: { lines: [1] },
      from: '127.0.0.1',
    });
  });

  it('decodes path segments and ignores a trailing slash', async () => {
    expect((await server.request('/orders/a%20b/', { method: 'GET' })).json.id).toBe('a b');
    expect((await server.request('/orders/%E0%A4%A', { method: 'GET' })).status).toBe(400);
  });

  it('answers 405 with Allow for another method, 204 for OPTIONS, and HEAD like GET', async () => {
    const refused = await server.request('/orders/1', { method: 'DELETE' });
    expect(refused.status).toBe(405);
    expect(refused.headers.get('allow')).toBe('GET, POST, PUT');
    expect(refused.json.error.type).toBe('HTTP:METHOD_NOT_ALLOWED');
    const options = await server.request('/orders/1', { method: 'OPTIONS' });
    expect([options.status, options.headers.get('allow')]).toEqual([204, 'GET, POST, PUT']);
    const head = await server.request('/orders/1', { method: 'HEAD' });
    expect([head.status, head.text]).toEqual([200, '']);
    expect(head.headers.get('x-flowbus-execution')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives a trailing wildcard the rest of the path', async () => {
    expect((await server.request('/files/a/b/c.txt')).text).toBe('a/b/c.txt');
    expect((await server.request('/files')).status).toBe(200);
  });

  it('answers with the configured status, headers and body', async () => {
    const answer = await server.request('/custom', json('POST', { id: 'o-9' }));
    expect(answer.status).toBe(201);
    expect(answer.headers.get('x-flow')).toBe('custom');
    expect(answer.headers.get('content-type')).toBe('application/vnd.order+json');
    expect(answer.json).toEqual({ accepted: true });
  });

  it('answers an async trigger with 202 and the execution id, and runs the flow after', async () => {
    const answer = await server.request('/later', json('POST', { n: 1 }));
    expect(answer.status).toBe(202);
    expect(answer.json.executionId).toBe(answer.headers.get('x-flowbus-execution'));
    const execution = await eventually(async () => {
      const found = await server.request(`/api/executions/${answer.json.executionId}`);
      return found.status === 200 && found.json;
    });
    expect(execution).toMatchObject({ status: 'succeeded', flowId: 'later', trigger: 'http' });
    expect(execution.result.vars).toEqual({ seen: true });
  });

  it('answers an unhandled error with 500: type, message, step and execution id, never a stack', async () => {
    const answer = await server.request('/fails', json('POST', {}));
    expect(answer.status).toBe(500);
    const executionId = answer.headers.get('x-flowbus-execution');
    expect(answer.json).toEqual({
      error: { type: 'CUSTOM:ORDER_REJECTED', message: 'order has no lines', step: 'reject', executionId },
    });
    expect(answer.text).not.toMatch(/stack|at .*\.ts/);
    const trace = await server.request(`/api/executions/${executionId}`);
    const error = { type: 'CUSTOM:ORDER_REJECTED', step: 'reject' };
    expect(trace.json).toMatchObject({ status: 'failed', error });
  });

  it('makes the trace of a run findable from the execution header, with every step', async () => {
    const answer = await server.request('/orders/5', json('PUT', { a: 1 }));
    const trace = await server.request(`/api/executions/${answer.headers.get('x-flowbus-execution')}`);
    expect(trace.json).toMatchObject({
      flowId: 'orders',
      status: 'succeeded',
      input: { payload: { a: 1 }, attributes: { method: 'PUT', params: { orderId: '5' } } },
      steps: [{ stepId: 'describe', type: 'set-payload', status: 'succeeded' }],
    });
  });

  it('answers an unknown path with a JSON 404 that lists nothing', async () => {
    const answer = await server.request('/nothing/here', json('POST', {}));
    expect(answer.status).toBe(404);
    expect(answer.json.error.type).toBe('HTTP:NOT_FOUND');
    expect(answer.text).not.toMatch(/orders|files|custom|echo/);
  });

  it('answers malformed JSON with a 400 that says so', async () => {
    const answer = await server.request('/echo', raw('POST', 'application/json', '{"a":'));
    expect(answer.status).toBe(400);
    const message = expect.stringMatching(/^malformed JSON body/);
    expect(answer.json.error).toMatchObject({ type: 'HTTP:BAD_REQUEST', message });
  });

  it('answers a body over the limit with a JSON 413, announced or streamed', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(4000) });
    const announced = await server.request('/echo', raw('POST', 'application/json', big));
    expect(announced.status).toBe(413);
    expect(announced.json.error.type).toBe('HTTP:PAYLOAD_TOO_LARGE');
    const chunks = [big.slice(0, 900), big.slice(900)];
    const stream = new ReadableStream({
      pull(controller) {
        const chunk = chunks.shift();
        if (chunk === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(chunk));
      },
    });
    const streamed = await server.request('/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it.each([
    ['text', 'text/plain; charset=utf-8', 'héllo', 'héllo', undefined],
    ['a form', FORM, 'a=1&a=2&b=%C3%A9', { a: ['1', '2'], b: 'é' }, undefined],
    ['binary', 'application/octet-stream', new Uint8Array([0, 1, 254]), 'AAH+', 'base64'],
    ['no body', undefined, undefined, null, undefined],
  ])('parses %s into the payload', async (_name, type, body, payload, encoding) => {
    const answer = await server.request('/echo', raw('POST', type, body as BodyInit | undefined));
    expect(answer.status).toBe(200);
    const trace = await server.request(`/api/executions/${answer.headers.get('x-flowbus-execution')}`);
    expect(trace.json.input.payload).toEqual(payload);
    expect(trace.json.input.attributes.bodyEncoding).toBe(encoding);
  });

  it('sends a string payload as text and a null payload as an empty body', async () => {
    const text = await server.request('/echo', raw('POST', 'text/plain', 'hi'));
    expect([text.headers.get('content-type'), text.text]).toEqual(['text/plain; charset=utf-8', 'hi']);
    const empty = await server.request('/echo', { method: 'GET' });
    expect([empty.status, empty.text, empty.headers.get('content-length')]).toEqual([200, '', '0']);
  });
});
