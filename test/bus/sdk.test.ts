/**
 * @module The official CloudEvents SDK as the client of `POST /events` in every mode (structured, binary with
 * JSON, text and bytes, batch), and as the reader of what the webhook target delivers.
 */
import { CloudEvent, emitterFor, HTTP, httpTransport, Mode } from 'cloudevents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBusApp, type BusApp } from '../../engine/server/api/testing.js';
import { ruleFile, startReceiver, waitFor, type Receiver } from './helpers.js';

let app: BusApp;
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
  const targets = [{ id: 'hook', type: 'webhook', config: { url: `${receiver.origin}/sdk` } }];
  app = await startBusApp({
    'sdk.bus.json': { format: 'flowbus/bus@1', name: 'SDK senders' },
    'sdk-default.rule.json': ruleFile({ source: ['/sdk/tests'] }, targets),
    'sdk-custom.rule.json': ruleFile({ source: ['/sdk/tests'] }, targets, { bus: 'sdk' }),
  });
});

afterAll(async () => {
  await app.close();
  await receiver.close();
});

function sdkEvent(id: string, overrides: Record<string, unknown> = {}): CloudEvent<unknown> {
  return new CloudEvent<unknown>({
    id,
    source: '/sdk/tests',
    type: 'com.example.alarm',
    subject: 'ins-1',
    datacontenttype: 'application/json',
    region: 'ap-guangzhou',
    data: { instanceId: 'ins-1', values: [1, 'two'] },
    ...overrides,
  });
}

/** What the receiver got for an event id, read back by the SDK from the delivered request. */
function deliveredEvent(id: string): CloudEvent<unknown> | undefined {
  for (const request of receiver.requests) {
    const read = HTTP.toEvent({ headers: request.headers as Record<string, string>, body: request.body });
    const found = (Array.isArray(read) ? read : [read]).find((event) => event.id === id);
    if (found) return found as CloudEvent<unknown>;
  }
  return undefined;
}

describe('the cloudevents SDK as the client', () => {
  it.each([
    ['structured', Mode.STRUCTURED, '/events', {}],
    ['binary with JSON data', Mode.BINARY, '/events', {}],
    [
      'binary with text data',
      Mode.BINARY,
      '/events/sdk',
      { datacontenttype: 'text/plain', data: 'disk read-only' },
    ],
    [
      'binary with bytes',
      Mode.BINARY,
      '/events/sdk',
      { datacontenttype: 'application/octet-stream', data: new Uint8Array([0, 1, 254, 255]) },
    ],
  ])('%s: accepted and delivered as sent', async (name, mode, path, overrides) => {
    const id = `sdk-${name.replace(/\W+/g, '-')}`;
    const sent = sdkEvent(id, overrides);
    const emit = emitterFor(httpTransport(`${app.url}${path}`), { binding: HTTP, mode });
    // The SDK's transport resolves with the answer's headers and body, not its status.
    const answer = (await emit(sent)) as { body: string };
    expect(JSON.parse(answer.body)).toMatchObject({ accepted: 1, rejected: 0, ids: [id] });
    await waitFor(() => deliveredEvent(id) !== undefined, `delivery of ${id}`);
    const delivered = deliveredEvent(id)!;
    expect(delivered).toMatchObject({
      source: '/sdk/tests',
      type: 'com.example.alarm',
      subject: 'ins-1',
      region: 'ap-guangzhou',
    });
    if (sent.data_base64) expect(delivered.data_base64).toBe(sent.data_base64);
    else expect(delivered.data).toEqual(sent.data);
    expect(app.bus.traces.get(id)?.bus).toBe(path === '/events' ? 'default' : 'sdk');
  });

  it('batch: a JSON batch of SDK events sent by the SDK transport is accepted per event', async () => {
    const batch = [sdkEvent('sdk-batch-1'), sdkEvent('sdk-batch-2', { data: 'plain text' })];
    const transport = httpTransport(`${app.url}/events`);
    const headers = { 'content-type': 'application/cloudevents-batch+json; charset=utf-8' };
    const answer = (await transport({ headers, body: JSON.stringify(batch) })) as { body: string };
    expect(JSON.parse(answer.body)).toMatchObject({
      mode: 'batch',
      accepted: 2,
      ids: ['sdk-batch-1', 'sdk-batch-2'],
    });
    await waitFor(() => deliveredEvent('sdk-batch-2') !== undefined, 'delivery of the batch');
    expect(deliveredEvent('sdk-batch-1')?.data).toEqual(batch[0]!.data);
    expect(deliveredEvent('sdk-batch-2')?.data).toBe('plain text');
  });

  it('an event the SDK itself would not validate is refused with a reason', async () => {
    const transport = httpTransport(`${app.url}/events`);
    const headers = { 'content-type': 'application/cloudevents+json' };
    const body = JSON.stringify({ specversion: '1.0', id: 'x', type: 't' });
    const refused = (await transport({ headers, body })) as { body: string };
    expect(JSON.parse(refused.body).error).toEqual({
      type: 'BUS:INVALID_EVENT',
      message: expect.stringContaining('source'),
    });
  });
});
