/**
 * @module Tests of the delivery trace, dead-letter and log-store routes, with a target type added through
 * `targetTypes` whose failures the test switches on and off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSwitchTarget, startBusApp, type BusApp } from './testing.js';

let app: BusApp;
const switchTarget = createSwitchTarget();
const delivered = switchTarget.delivered;

beforeAll(async () => {
  app = await startBusApp(
    {
      'alarms.rule.json': {
        format: 'flowbus/rule@1',
        name: 'Alarms',
        pattern: { source: ['cvm.cloud.tencent'] },
        targets: [
          { id: 'sw', type: 'switch', retry: { maxAttempts: 2, initialDelayMs: 10 } },
          { id: 'archive', type: 'log-store' },
        ],
      },
    },
    { targetTypes: [switchTarget.definition] },
  );
});
afterAll(() => app.close());

const structured = { 'content-type': 'application/cloudevents+json' };
const event = (id: string, subject: string) => ({
  specversion: '1.0',
  id,
  source: 'cvm.cloud.tencent',
  type: 't',
  subject,
  status: '1',
});

describe('traces, dead letters and the log store', () => {
  it('traces a failed delivery, keeps a dead letter, and re-drives it once the target works', async () => {
    await app.post('/events', event('d-1', 'ins-1'), structured);
    await app.bus.idle();
    const trace = await app.get('/api/events/d-1');
    expect(trace.body).toMatchObject({ eventId: 'd-1', bus: 'default', matchedRules: ['alarms'] });
    const sw = trace.body.targets.find((target: { target: string }) => target.target === 'sw');
    expect(sw).toMatchObject({
      status: 'dead-lettered',
      attempts: 2,
      error: { type: 'SWITCH:DOWN' },
      deadLetterId: expect.any(String),
    });
    const archive = trace.body.targets.find((target: { target: string }) => target.target === 'archive');
    expect(archive).toMatchObject({
      status: 'delivered',
    });

    const letters = await app.get('/api/dead-letters?rule=alarms');
    expect(letters.body).toMatchObject({
      total: 1,
      items: [{ id: sw.deadLetterId, target: 'sw', attempts: 2, event: { id: 'd-1' } }],
    });

    const again = await app.post(`/api/dead-letters/${sw.deadLetterId}/redrive`, {});
    expect(again).toMatchObject({ status: 502, body: { error: { type: 'BUS:REDRIVE_FAILED' } } });
    expect((await app.get('/api/dead-letters')).body.items[0]).toMatchObject({ redrives: 1, attempts: 3 });

    switchTarget.failing = false;
    const redriven = await app.post(`/api/dead-letters/${sw.deadLetterId}/redrive`, {});
    expect(redriven).toMatchObject({ status: 200, body: { status: 'delivered' } });
    expect(delivered).toEqual(['d-1']);
    expect((await app.get('/api/dead-letters')).body.total).toBe(0);
    expect((await app.post(`/api/dead-letters/${sw.deadLetterId}/redrive`, {})).status).toBe(404);
    const deadLetters = 'flowbus_bus_dead_letters_total{rule="alarms",target="sw"} 1';
    expect((await app.bus.metrics.text()).split('\n')).toContain(deadLetters);
  });

  it('deletes a dead letter', async () => {
    switchTarget.failing = true;
    await app.post('/events', event('d-2', 'ins-2'), structured);
    await app.bus.idle();
    const [letter] = (await app.get('/api/dead-letters')).body.items;
    const removed = await fetch(`${app.url}/api/dead-letters/${letter.id}`, { method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect((await fetch(`${app.url}/api/dead-letters/${letter.id}`, { method: 'DELETE' })).status).toBe(404);
    switchTarget.failing = false;
  });

  it('searches the log store, newest first, with filters and paging', async () => {
    const from = Date.now();
    for (const [id, subject] of [['l-1', 'ins-a'], ['l-2', 'ins-b'], ['l-3', 'ins-a']]) await app.post(
      '/events',
      event(id!, subject!),
      structured,
    );
    await app.bus.idle();
    const filters = 'subject=ins-a&source=cvm.cloud.tencent&status=1';
    const search = await app.get(`/api/log-store/search?from=${from}&${filters}`);
    expect(search.body.items.map((entry: { eventId: string }) => entry.eventId)).toEqual(['l-3', 'l-1']);
    expect(search.body.items[0]).toMatchObject({ bus: 'default', rules: ['alarms'], type: 't' });
    const page = await app.get(`/api/log-store/search?from=${new Date(from).toISOString()}&limit=1&offset=1`);
    expect(page.body).toMatchObject({ total: 3, items: [{ eventId: 'l-2' }] });
    expect((await app.get('/api/log-store/search?to=0')).body.total).toBe(0);
  });

  it.each([
    ['/api/log-store/search?limit=0', 400],
    ['/api/log-store/search?limit=x', 400],
    ['/api/log-store/search?offset=-1', 400],
    ['/api/log-store/search?from=yesterday', 400],
    ['/api/log-store/search?bus=a&bus=b', 400],
    ['/api/events/never-seen', 404],
  ])('answers %s with %i', async (path, status) => {
    const answer = await app.get(path);
    expect(answer.status).toBe(status);
    expect(answer.body.error.message).toEqual(expect.any(String));
  });
});
