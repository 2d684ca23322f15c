/**
 * @module Interop: the official CloudEvents SDK sends to a loopback server that runs parseHttpEvents.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudEvent, emitterFor, HTTP, httpTransport, Mode } from 'cloudevents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalAttributes, dataKind, toStructuredJson } from './canonical.js';
import { parseHttpEvents } from './parse-http.js';
import type { BusEvent, HttpParseResult } from './types.js';

let server: Server;
let sink: string;
const received: HttpParseResult[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push(parseHttpEvents(request.headers, Buffer.concat(chunks)));
      response.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

/** Runs one send and answers what the server parsed from it. */
async function parsedFrom(send: () => Promise<unknown>): Promise<HttpParseResult> {
  const before = received.length;
  await send();
  expect(received).toHaveLength(before + 1);
  return received[before] as HttpParseResult;
}

function acceptedEvents(result: HttpParseResult): BusEvent[] {
  if (result.mode === 'invalid') throw new Error(result.reason);
  return result.events.map((parsed) => {
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.event;
  });
}

/** What the SDK puts on the wire for an event in JSON: its own serialisation. */
function wireJson(event: CloudEvent<unknown>): Record<string, unknown> {
  return JSON.parse(event.toString()) as Record<string, unknown>;
}

function alarmEvent(overrides: Record<string, unknown> = {}): CloudEvent<unknown> {
  return new CloudEvent<unknown>({
    id: 'sdk-1',
    source: '/flowbus/tests',
    type: 'com.example.alarm.raised',
    subject: 'ins-sjdksjk',
    time: '2021-03-11T02:42:39.146Z',
    dataschema: 'https://example.com/schemas/alarm.json',
    datacontenttype: 'application/json',
    region: 'ap-guangzhou',
    priority: 7,
    urgent: true,
    data: { instanceId: 'ins-sjdksjk', dimensions: { ip: '127.0.0.1' }, values: [1, 'two', null] },
    ...overrides,
  });
}

describe('the cloudevents SDK as client', () => {
  it('structured mode: every attribute keeps its JSON type, data arrives as sent', async () => {
    const sent = alarmEvent();
    const emit = emitterFor(httpTransport(sink), { binding: HTTP, mode: Mode.STRUCTURED });
    const result = await parsedFrom(() => emit(sent));
    expect(result.mode).toBe('structured');
    const [event] = acceptedEvents(result);
    expect(toStructuredJson(event as BusEvent)).toEqual(wireJson(sent));
    expect(event).toMatchObject({ priority: 7, urgent: true });
  });

  it('binary mode with JSON data: attributes arrive as their canonical strings', async () => {
    const sent = alarmEvent();
    const emit = emitterFor(httpTransport(sink), { binding: HTTP, mode: Mode.BINARY });
    const result = await parsedFrom(() => emit(sent));
    expect(result.mode).toBe('binary');
    const [event] = acceptedEvents(result) as [BusEvent];
    const { data, ...attributes } = wireJson(sent);
    expect(canonicalAttributes(event)).toEqual({ ...attributes, priority: '7', urgent: 'true' });
    expect(dataKind(event)).toBe('json');
    expect(event.data).toEqual(data);
  });

  it('binary mode with text data', async () => {
    const sent = alarmEvent({ datacontenttype: 'text/plain; charset=utf-8', data: 'disk read-only' });
    const emit = emitterFor(httpTransport(sink), { binding: HTTP, mode: Mode.BINARY });
    const [event] = acceptedEvents(await parsedFrom(() => emit(sent))) as [BusEvent];
    expect(dataKind(event)).toBe('text');
    expect(event.data).toBe('disk read-only');
    expect(event.datacontenttype).toBe('text/plain; charset=utf-8');
  });

  it('binary mode with bytes: data arrives as the Base64 of the same bytes', async () => {
    const bytes = new Uint8Array([0, 1, 2, 254, 255]);
    const sent = alarmEvent({ datacontenttype: 'application/octet-stream', data: bytes });
    const emit = emitterFor(httpTransport(sink), { binding: HTTP, mode: Mode.BINARY });
    const [event] = acceptedEvents(await parsedFrom(() => emit(sent))) as [BusEvent];
    expect(dataKind(event)).toBe('base64');
    expect(event.data_base64).toBe(Buffer.from(bytes).toString('base64'));
    expect(event.data_base64).toBe(sent.data_base64);
  });

  it('batch mode: the SDK transport sends a JSON batch of SDK events, each arrives as sent', async () => {
    // The SDK serialises single events only; a batch is an array of its events sent by its own transport.
    const batch = [alarmEvent(), alarmEvent({ id: 'sdk-2', urgent: false, data: 'plain string data' })];
    const body = JSON.stringify(batch);
    const transport = httpTransport(sink);
    const headers = { 'content-type': 'application/cloudevents-batch+json; charset=utf-8' };
    const result = await parsedFrom(() => transport({ headers, body }));
    expect(result.mode).toBe('batch');
    expect(acceptedEvents(result).map(toStructuredJson)).toEqual(batch.map(wireJson));
  });

  it('the SDK reads back what toStructuredJson writes', async () => {
    const sent = alarmEvent();
    const emit = emitterFor(httpTransport(sink), { binding: HTTP, mode: Mode.BINARY });
    const [event] = acceptedEvents(await parsedFrom(() => emit(sent))) as [BusEvent];
    const body = JSON.stringify(toStructuredJson(event));
    const readBack = HTTP.toEvent({ headers: { 'content-type': 'application/cloudevents+json' }, body });
    expect(Array.isArray(readBack)).toBe(false);
    expect(readBack).toMatchObject({ id: 'sdk-1', source: '/flowbus/tests', region: 'ap-guangzhou' });
    expect((readBack as CloudEvent<unknown>).data).toEqual(sent.data);
  });
});
