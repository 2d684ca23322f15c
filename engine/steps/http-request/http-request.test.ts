/**
 * @module HTTP Request against a real HTTP server on loopback.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_METHODS } from '../http/index.js';
import { runStep } from '../testing.js';
import { httpRequestStep } from './index.js';
import type { HttpRequestConfig } from './index.js';

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

function json(response: ServerResponse, status: number, value: unknown, type = 'application/json'): void {
  response.writeHead(status, { 'content-type': type });
  response.end(JSON.stringify(value));
}

const routes: Record<string, Handler> = {
  '/echo': (request, body, response) =>
    json(response, 200, {
      method: request.method,
      search: new URL(request.url!, 'http://x').search,
      contentType: request.headers['content-type'] ?? null,
      custom: request.headers['x-custom'] ?? null,
      idempotencyKey: request.headers['idempotency-key'] ?? null,
      requestId: request.headers['x-request-id'] ?? null,
      body,
    }),
  '/text': (_, __, response) => {
    response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'x-reply': 'yes' });
    response.end('hello');
  },
  '/problem': (_, __, response) =>
    json(response, 200, { ok: true }, 'application/problem+json; charset=utf-8'),
  '/bad-json': (_, __, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{not json');
  },
  '/no-content': (_, __, response) => {
    response.writeHead(204);
    response.end();
  },
  '/not-found': (_, __, response) => json(response, 404, { error: 'nope' }),
  '/fail': (_, __, response) => {
    response.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '5' });
    response.end('down for maintenance');
  },
  '/huge-fail': (_, __, response) => {
    response.writeHead(500, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ trace: 'é'.repeat(5000) }));
  },
  '/never': () => undefined,
  '/slow-body': (_, __, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.write('partial');
  },
  '/reset': (request) => request.socket.destroy(),
};

let server: Server;
let base: string;
let closedPortUrl: string;
const received: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = new URL(request.url!, 'http://x').pathname;
      received.push(path);
      const route = routes[path] ?? ((_, __, res: ServerResponse) => json(res, 404, { route: 'unknown' }));
      route(request, Buffer.concat(chunks).toString('utf8'), response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedPortUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/x`;
  await new Promise((resolve) => closed.close(resolve));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function send(config: Partial<HttpRequestConfig>, overrides: Parameters<typeof runStep>[1] = {}) {
  return runStep(httpRequestStep, { ...overrides, config: { url: `${base}/echo`, ...config } });
}

describe('http-request: requests', () => {
  it.each(HTTP_METHODS.filter((method) => method !== 'HEAD'))('sends %s', async (method) => {
    const { message } = await send({ method });
    expect(message.payload).toMatchObject({ method });
  });

  it('sends HEAD and outputs a null body', async () => {
    const { message } = await send({ method: 'HEAD' });
    expect(message.payload).toBeNull();
    expect(message.attributes).toMatchObject({ statusCode: 200 });
  });

  it('defaults to GET without a body', async () => {
    const { message } = await send({});
    expect(message.payload).toMatchObject({ method: 'GET', body: '', contentType: null });
  });

  it('sends headers', async () => {
    const { message } = await send({ headers: { 'X-Custom': 'v1' } });
    expect(message.payload).toMatchObject({ custom: 'v1' });
  });

  it.each([
    ['durable', 'durable', 'e-1:send:1'],
    ['durable', 'express', null],
    ['always', 'express', 'e-1:send:1'],
    ['never', 'durable', null],
  ] as const)('with sendIdempotencyKey %s in a %s flow sends Idempotency-Key %s', async (mode, execution, key) => {
    const { message } = await send({ sendIdempotencyKey: mode }, { idempotencyKey: 'e-1:send:1', execution });
    expect(message.payload).toMatchObject({ idempotencyKey: key });
  });

  it('sends the idempotency key under the configured header name, unless headers set it', async () => {
    const context = { idempotencyKey: 'e-1:send:2', execution: 'durable' } as const;
    const renamed = await send({ idempotencyKeyHeader: 'X-Request-Id' }, context);
    expect(renamed.message.payload).toMatchObject({ requestId: 'e-1:send:2', idempotencyKey: null });
    const explicit = await send({ headers: { 'Idempotency-Key': 'mine' } }, context);
    expect(explicit.message.payload).toMatchObject({ idempotencyKey: 'mine' });
  });

  it('appends URL-encoded query parameters after those in the URL, skipping null ones', async () => {
    const { message } = await send({
      url: `${base}/echo?x=1`,
      query: { q: 'a b&c=d/é', n: 2, flag: false, skipped: null as unknown as string },
    });
    expect(message.payload).toMatchObject({ search: '?x=1&q=a+b%26c%3Dd%2F%C3%A9&n=2&flag=false' });
  });

  it.each<[string, Partial<HttpRequestConfig>, { contentType: string; body: string }]>([
    [
      'an object as JSON',
      { body: { a: [1, 'é'] } },
      { contentType: 'application/json', body: '{"a":[1,"é"]}' },
    ],
    ['an array as JSON', { body: [1, 2] }, { contentType: 'application/json', body: '[1,2]' }],
    ['a number as JSON', { body: 0 }, { contentType: 'application/json', body: '0' }],
    ['a string as it is', { body: '<xml/>' }, { contentType: 'text/plain;charset=UTF-8', body: '<xml/>' }],
    [
      'JSON with the content type from the headers',
      { body: { a: 1 }, headers: { 'Content-Type': 'application/vnd.api+json' } },
      { contentType: 'application/vnd.api+json', body: '{"a":1}' },
    ],
    ['text', { body: 'plain', bodyType: 'text' }, { contentType: 'text/plain;charset=UTF-8', body: 'plain' }],
    [
      'a number as text',
      { body: 12, bodyType: 'text' },
      { contentType: 'text/plain;charset=UTF-8', body: '12' },
    ],
    [
      'a form from an object',
      { body: { a: 1, b: 'x y&z', list: [1, 2], none: null }, bodyType: 'form' },
      { contentType: 'application/x-www-form-urlencoded', body: 'a=1&b=x+y%26z&list=1&list=2' },
    ],
    [
      'a form given as a string',
      { body: 'a=1&b=2', bodyType: 'form' },
      { contentType: 'application/x-www-form-urlencoded', body: 'a=1&b=2' },
    ],
  ])('sends %s', async (_, config, expected) => {
    const { message } = await send({ method: 'POST', ...config });
    expect(message.payload).toMatchObject(expected);
  });
});

describe('http-request: responses', () => {
  it('outputs a JSON body as the payload and status and headers as attributes', async () => {
    const { message } = await send({ method: 'POST', body: { a: 1 } }, { message: { vars: { v: 1 } } });
    expect(message.payload).toMatchObject({ method: 'POST' });
    expect(message.attributes).toMatchObject({
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
    });
    expect(message.vars).toEqual({ v: 1 });
  });

  it.each<[string, Partial<HttpRequestConfig>, unknown]>([
    ['a text body as a string', { url: '/text' }, 'hello'],
    ['a +json content type as JSON', { url: '/problem' }, { ok: true }],
    ['JSON as text when responseType is text', { url: '/problem', responseType: 'text' }, '{"ok":true}'],
    ['a text body parsed for responseType json', { url: '/echo', responseType: 'json' }, expect.any(Object)],
    ['a bad JSON body as text when responseType is auto', { url: '/bad-json' }, '{not json'],
    ['no content as null when responseType is json', { url: '/no-content', responseType: 'json' }, null],
    ['no content as an empty string when responseType is auto', { url: '/no-content' }, ''],
  ])('outputs %s', async (_, config, payload) => {
    const { message } = await send({ ...config, url: `${base}${config.url}` });
    expect(message.payload).toEqual(payload);
  });

  it('puts the answer in outputVariable and leaves payload and attributes alone', async () => {
    const { message } = await send(
      { url: `${base}/text`, outputVariable: 'reply' },
      { message: { payload: 'keep', attributes: { a: 1 }, vars: { v: 1 } } },
    );
    expect(message).toEqual({
      payload: 'keep',
      attributes: { a: 1 },
      vars: {
        v: 1,
        reply: { status: 200, headers: expect.objectContaining({ 'x-reply': 'yes' }), body: 'hello' },
      },
    });
  });

  it('outputs an error status as an answer when failOnStatus is false', async () => {
    const { message } = await send({ url: `${base}/fail`, failOnStatus: false });
    expect(message.payload).toBe('down for maintenance');
    expect(message.attributes).toMatchObject({ statusCode: 503 });
  });
});

describe('http-request: errors', () => {
  it('raises HTTP:STATUS for 404 with status, parsed body and headers, without the query', async () => {
    const error = await send({ url: `${base}/not-found?token=s3cret` }).catch((thrown) => thrown);
    expect(error).toMatchObject({
      type: 'HTTP:STATUS',
      message: `GET ${base}/not-found answered 404`,
      details: { status: 404, body: { error: 'nope' }, headers: { 'content-type': 'application/json' } },
    });
    expect(JSON.stringify(error.details)).not.toContain('s3cret');
  });

  it('raises HTTP:STATUS for 503 with the text body', async () => {
    await expect(send({ method: 'POST', url: `${base}/fail` })).rejects.toMatchObject({
      type: 'HTTP:STATUS',
      message: `POST ${base}/fail answered 503`,
      details: { status: 503, body: 'down for maintenance', headers: { 'retry-after': '5' } },
    });
  });

  it('keeps at most 4 KB of a failed response body', async () => {
    const error = await send({ url: `${base}/huge-fail` }).catch((thrown) => thrown);
    expect(error.type).toBe('HTTP:STATUS');
    expect(typeof error.details.body).toBe('string');
    expect(Buffer.byteLength(error.details.body)).toBeLessThanOrEqual(4096);
    expect(Buffer.byteLength(error.details.body)).toBeGreaterThan(4090);
    expect(error.details.body).toMatch(/^\{"trace":"é+$/);
    expect(error.details.bodyTruncated).toBe(true);
  });

  it('raises HTTP:PARSE for a body that is not JSON when responseType is json', async () => {
    await expect(send({ url: `${base}/bad-json`, responseType: 'json' })).rejects.toMatchObject({
      type: 'HTTP:PARSE',
      message: `GET ${base}/bad-json answered a body that is not JSON`,
    });
  });

  it('raises HTTP:TIMEOUT when the server never answers', async () => {
    const started = Date.now();
    await expect(send({ url: `${base}/never`, timeoutMs: 200 })).rejects.toMatchObject({
      type: 'HTTP:TIMEOUT',
      message: `GET ${base}/never got no complete answer within 200 ms`,
      details: { timeoutMs: 200 },
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('raises HTTP:TIMEOUT when the body never ends', async () => {
    await expect(send({ url: `${base}/slow-body`, timeoutMs: 200 })).rejects.toMatchObject({
      type: 'HTTP:TIMEOUT',
    });
  });

  it('raises HTTP:CONNECTIVITY with ECONNREFUSED for a closed port', async () => {
    await expect(send({ url: closedPortUrl })).rejects.toMatchObject({
      type: 'HTTP:CONNECTIVITY',
      message: `GET ${closedPortUrl} failed: connection refused (ECONNREFUSED)`,
      details: { code: 'ECONNREFUSED' },
    });
  });

  it('raises HTTP:CONNECTIVITY when the server drops the connection', async () => {
    await expect(send({ url: `${base}/reset` })).rejects.toMatchObject({
      type: 'HTTP:CONNECTIVITY',
      details: { code: expect.stringMatching(/^(UND_ERR_SOCKET|ECONNRESET)$/) },
    });
  });

  it('raises HTTP:CANCELLED when the execution is cancelled during the request', async () => {
    const outer = new AbortController();
    const run = send({ url: `${base}/never` }, { signal: outer.signal });
    setTimeout(() => outer.abort(), 50);
    await expect(run).rejects.toMatchObject({
      type: 'HTTP:CANCELLED',
      message: `GET ${base}/never was cancelled`,
    });
  });

  it('raises HTTP:CANCELLED without sending when the execution is already cancelled', async () => {
    const count = received.length;
    await expect(send({ url: `${base}/echo` }, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      type: 'HTTP:CANCELLED',
    });
    expect(received.length).toBe(count);
  });
});
