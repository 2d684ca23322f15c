/**
 * @module Tests of the webhook target against a loopback server: bodies, content types, credentials from a
 * connection, and which failures are retried; sent with the target's own keep-alive agent and with a given fetch.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realClock } from '../../runtime/clock.js';
import type { BusServices, DeliveryContext, DeliveryItem } from '../types.js';
import { SIGNATURE_HEADER, webhookTarget, type WebhookTargetConfig } from './webhook.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The client's port: the same one again means the connection was kept alive. */
  port: number | undefined;
}

let server: Server;
let origin: string;
const seen: Seen[] = [];
let answerStatus = 200;
/** What the target sends with: its own keep-alive agent (no fetch given), or a fetch the bus was given. */
let sendWith: 'agent' | 'fetch' = 'agent';

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const port = request.socket.remotePort;
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body, port });
      if (request.url === '/slow') return void setTimeout(() => response.end('late'), 300);
      const text = answerStatus === 200 ? 'ok' : 'x'.repeat(500);
      response.writeHead(answerStatus, { 'content-type': 'text/plain' }).end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const event = {
  specversion: '1.0',
  id: 'e-1',
  source: 'cvm.cloud.tencent',
  type: 'cvm:ErrorEvent:GuestReboot',
};

function item(payload: unknown = event, transformed = false): DeliveryItem {
  return { event, payload, transformed, bus: 'default', rule: 'r', acceptedAt: 1 };
}

function context(
  config: WebhookTargetConfig,
  connections?: Record<string,
  Record<string,
  unknown>>,
): DeliveryContext<WebhookTargetConfig> {
  const services: BusServices = {
    ...(sendWith === 'fetch' ? { fetch } : {}),
    clock: realClock,
    logStore: { append: async () => {} },
    ...(connections ? { connections: { get: async (name: string) => connections[name] ?? {} } } : {}),
  };
  return {
    config,
    target: { bus: 'default', rule: 'r', id: 'hook', type: 'webhook' },
    attempt: 1,
    signal: new AbortController().signal,
    services,
  };
}

async function send(
  batch: DeliveryItem[],
  config: WebhookTargetConfig,
  connections?: Record<string,
  Record<string,
  unknown>>,
): Promise<Seen> {
  const before = seen.length;
  await webhookTarget.deliver(batch, context(config, connections));
  return seen[before]!;
}

describe.each(['agent', 'fetch'] as const)('webhook target, sent with %s', (sender) => {
  beforeAll(() => {
    sendWith = sender;
  });

  it('posts one event in CloudEvents structured JSON with the configured headers', async () => {
    const request = await send([item()], { url: `${origin}/hook?x=1`, headers: { 'X-Team': 'ops' } });
    expect(request).toMatchObject({ method: 'POST', url: '/hook?x=1' });
    expect(request.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
    expect(request.headers['x-team']).toBe('ops');
    expect(JSON.parse(request.body)).toEqual(event);
  });

  it('posts a transformed payload as JSON, and a batch as {"EventList": [...]}', async () => {
    const single = await send([item({ sessionId: 'e-1' }, true)], { url: `${origin}/hook`, method: 'PUT' });
    expect(single.method).toBe('PUT');
    expect(single.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(single.body)).toEqual({ sessionId: 'e-1' });
    const batch = await send([item(), item({ n: 2 }, true)], { url: `${origin}/hook` });
    expect(JSON.parse(batch.body)).toEqual({ EventList: [event, { n: 2 }] });
  });

  it.each([
    [{ token: 't0k' }, 'Bearer t0k'],
    [{ username: 'ops', password: 'pw' }, `Basic ${Buffer.from('ops:pw').toString('base64')}`],
  ])('authenticates with %j from a connection', async (values, authorization) => {
    const request = await send(
      [item()],
      { url: `${origin}/hook`, connection: 'callback' },
      { callback: values },
    );
    expect(request.headers.authorization).toBe(authorization);
  });

  it('signs the body with the connection secret', async () => {
    const request = await send(
      [item()],
      { url: `${origin}/hook`, connection: 'signed' },
      { signed: { secret: 's3cret' } },
    );
    const expected = `sha256=${createHmac('sha256', 's3cret').update(request.body).digest('hex')}`;
    expect(request.headers[SIGNATURE_HEADER.toLowerCase()]).toBe(expected);
  });

  it('fails without retry when a connection is named but the bus has no connection store', async () => {
    await expect(send([item()], { url: `${origin}/hook`, connection: 'x' })).rejects.toMatchObject({
      type: 'BUS:NO_CONNECTIONS',
      details: { retryable: false },
    });
  });

  it.each([
    [500, true],
    [503, true],
    [429, true],
    [408, true],
    [400, false],
    [404, false],
  ])('an answer %i fails with HTTP:STATUS, retryable %s, and a short body', async (status, retryable) => {
    answerStatus = status;
    try {
      const failure = webhookTarget.deliver([item()], context({ url: `${origin}/hook` }));
      await expect(failure).rejects.toMatchObject({ type: 'HTTP:STATUS', details: { status, retryable } });
      await expect(failure).rejects.toThrow(/answered \d+: x{200}\.\.\.$/);
    } finally {
      answerStatus = 200;
    }
  });

  it('fails with HTTP:CONNECTIVITY when nothing listens, HTTP:TIMEOUT when the answer is late', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = webhookTarget.deliver([item()], context({ url: `http://127.0.0.1:${port}/` }));
    await expect(refused).rejects.toMatchObject({
      type: 'HTTP:CONNECTIVITY',
      message: expect.stringContaining('ECONNREFUSED'),
    });
    const late = webhookTarget.deliver([item()], context({ url: `${origin}/slow`, timeoutMs: 50 }));
    await expect(late).rejects.toMatchObject({
      type: 'HTTP:TIMEOUT',
    });
  });
});

describe('webhook target without a fetch', () => {
  it('sends one request after another over one kept-alive connection', async () => {
    sendWith = 'agent';
    const first = await send([item()], { url: `${origin}/hook` });
    const second = await send([item()], { url: `${origin}/hook` });
    expect(first.port).toBeDefined();
    expect(second.port).toBe(first.port);
    expect(first.headers['content-length']).toBe(String(Buffer.byteLength(first.body)));
  });
});
