/**
 * @module Tests of `POST /events`: every HTTP mode and PutEvents accepted durably with 202, a reason per
 * rejected event, 207 for a partly valid batch, and the request-level errors.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBusApp, type BusApp } from './testing.js';

let app: BusApp;

beforeAll(async () => {
  app = await startBusApp(
    { 'retail.bus.json': { format: 'flowbus/bus@1', name: 'Retail' } },
    { limits: { maxEventBytes: 2048, maxEventsPerRequest: 3, maxBodyBytes: 16_384 } },
  );
});
afterAll(() => app.close());

const event = (id: string, extra: Record<string, unknown> = {}) => ({
  specversion: '1.0',
  id,
  source: 'orders',
  type: 'order:created',
  ...extra,
});
const structured = { 'content-type': 'application/cloudevents+json' };
const batch = { 'content-type': 'application/cloudevents-batch+json' };

describe('POST /events', () => {
  it('accepts a structured event with 202 and its id, once it is in the journal', async () => {
    const answer = await app.post('/events', event('s-1'), structured);
    expect(answer).toEqual({
      status: 202,
      body: {
        bus: 'default',
        mode: 'structured',
        accepted: 1,
        rejected: 0,
        ids: ['s-1'],
        results: [{ index: 0, status: 'accepted', id: 's-1' }],
      },
    });
    const accepted = await app.bus.metrics.value('flowbus_bus_events_accepted_total', { bus: 'default' });
    expect(accepted).toBeGreaterThanOrEqual(1);
  });

  it('accepts a binary-mode event on a named bus', async () => {
    const headers = {
      'ce-specversion': '1.0',
      'ce-id': 'b-1',
      'ce-source': 'orders',
      'ce-type': 'order:created',
      'content-type': 'application/json',
    };
    const answer = await app.post('/events/retail', { n: 1 }, headers);
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ bus: 'retail', mode: 'binary', ids: ['b-1'] });
  });

  it('accepts a PutEvents request and takes its EventBusId as the bus', async () => {
    const body = {
      EventBusId: 'retail',
      EventList: [{ Source: 'orders', Type: 'order:created', Subject: 'o-1', Data: '{"n":1}' }],
    };
    const answer = await app.post('/events', body);
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ bus: 'retail', mode: 'put-events', accepted: 1 });
    expect(answer.body.ids[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 207 for a batch with valid and invalid events, accepting the valid ones', async () => {
    const answer = await app.post('/events', [event('m-1'), { id: 'm-2' }, event('m-3')], batch);
    expect(answer.status).toBe(207);
    expect(answer.body).toMatchObject({ accepted: 2, rejected: 1, ids: ['m-1', 'm-3'] });
    expect(answer.body.results[1]).toMatchObject({
      index: 1,
      status: 'rejected',
      reason: expect.stringContaining('event 1:'),
    });
    const rejected = await app.bus.metrics.value('flowbus_bus_events_rejected_total', { bus: 'default' });
    expect(rejected).toBeGreaterThanOrEqual(1);
  });

  it('answers 400 with a reason per event when no event of a batch is valid', async () => {
    const answer = await app.post(
      '/events',
      [{ specversion: '1.0' }, event('x', { specversion: '0.3' })],
      batch,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error.type).toBe('BUS:INVALID_EVENT');
    expect(answer.body.results.map((result: { status: string }) => result.status)).toEqual([
      'rejected',
      'rejected',
    ]);
    expect(answer.body.accepted).toBe(0);
  });

  it.each([
    ['a body that is not JSON', '{"id": ', structured, 400, 'BUS:INVALID_EVENT'],
    [
      'no content type and no ce-* headers',
      'hello',
      { 'content-type': 'text/plain' },
      400,
      'BUS:INVALID_EVENT',
    ],
    [
      'an event without source',
      JSON.stringify({ specversion: '1.0', id: 'x', type: 't' }),
      structured,
      400,
      'BUS:INVALID_EVENT',
    ],
    [
      'an event over the size limit',
      JSON.stringify(event('big', { data: 'x'.repeat(3000) })),
      structured,
      400,
      'BUS:INVALID_EVENT',
    ],
    [
      'a body over the request limit',
      JSON.stringify([event('1', { data: 'x'.repeat(20_000) })]),
      batch,
      413,
      'API:PAYLOAD_TOO_LARGE',
    ],
    [
      'more events than a request may hold',
      JSON.stringify([event('1'), event('2'), event('3'), event('4')]),
      batch,
      413,
      'API:PAYLOAD_TOO_LARGE',
    ],
    ['an unknown bus', JSON.stringify(event('x')), structured, 404, 'BUS:NOT_FOUND', '/events/nope'],
    [
      'a PutEvents bus that is not the bus of the path',
      JSON.stringify({ EventBusId: 'retail', EventList: [] }),
      { 'content-type': 'application/json' },
      400,
      'API:BAD_REQUEST',
      '/events/default',
    ],
  ])('answers %s with %i', async (_name, body, headers, status, type, path = '/events') => {
    const answer = await app.post(path, body, headers);
    expect(answer.status).toBe(status);
    expect(answer.body.error).toMatchObject({ type, message: expect.any(String) });
  });

  it('answers an empty batch with 400', async () => {
    const answer = await app.post('/events', [], batch);
    expect(answer).toMatchObject({
      status: 400,
      body: { error: { message: 'the request holds no event' }, accepted: 0 },
    });
  });

  // Guards the route's choice of header form: a repeated ce-* header must reach binary mode as a list.
  it('refuses a binary-mode event whose ce-id header is sent twice', async () => {
    const headers = { 'ce-specversion': '1.0', 'ce-id': ['r-1', 'r-2'], 'ce-source': 'orders', 'ce-type': 't' };
    const answer = await postRaw('/events', '{}', { ...headers, 'content-type': 'application/json' });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('ce-id');
  });
});

/** A POST with node's client, which sends a header given as a list as repeated lines (fetch would join them). */
function postRaw(path: string, body: string, headers: Record<string, string | string[]>) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const outgoing = request(`${app.url}${path}`, { method: 'POST', headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
