/**
 * @module Tests of the routes the bus console reads: recent events searched by their attributes, an event's
 * trace with its body, re-send, dead letters grouped per bus, rule and target, inspected and re-driven all
 * at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSwitchTarget, startBusApp, type BusApp } from './testing.js';

let app: BusApp;
const switchTarget = createSwitchTarget();
const delivered = switchTarget.delivered;

beforeAll(async () => {
  const rule = (name: string, source: string) => ({
    format: 'flowbus/rule@1',
    name,
    pattern: { source: [source] },
    targets: [{ id: 'sw', type: 'switch', retry: { maxAttempts: 1 } }],
  });
  const files = {
    'cvm.rule.json': rule('CVM', 'cvm.cloud.tencent'),
    'cos.rule.json': rule('COS', 'cos.cloud.tencent'),
    'archive.rule.json': {
      format: 'flowbus/rule@1',
      name: 'Archive',
      pattern: { source: ['cos.cloud.tencent'] },
      targets: [{ id: 'keep', type: 'log-store' }],
    },
    'never.rule.json': {
      format: 'flowbus/rule@1',
      name: 'Never',
      pattern: { source: ['never'] },
      targets: [{ id: 'run', type: 'flow', config: { flow: 'on-alarm' } }],
    },
  };
  app = await startBusApp(files, { targetTypes: [switchTarget.definition] });
});
afterAll(() => app.close());

const structured = { 'content-type': 'application/cloudevents+json' };
const event = (id: string, source: string, subject: string) => ({
  specversion: '1.0',
  id,
  source,
  type: 'alarm',
  subject,
  data: { reading: 42 },
});
const ids = (body: { items: Array<{ eventId: string }> }) => body.items.map((item) => item.eventId);

describe('the console routes', () => {
  it('searches recent events, shows one with its body and traces, and re-sends it as a new event', async () => {
    const from = Date.now();
    await app.post('/events', event('e-1', 'cvm.cloud.tencent', 'ins-1'), structured);
    await app.post('/events', event('e-2', 'cos.cloud.tencent', 'bucket-1'), structured);
    await app.post('/events', event('e-3', 'cvm.cloud.tencent', 'ins-2'), structured);
    await app.bus.idle();
    expect(ids((await app.get(`/api/events?from=${from}`)).body)).toEqual(['e-3', 'e-2', 'e-1']);
    expect(ids((await app.get('/api/events?source=cvm.cloud.tencent&subject=ins-1')).body)).toEqual(['e-1']);
    expect(ids((await app.get('/api/events?rule=cos&type=alarm')).body)).toEqual(['e-2']);
    expect(ids((await app.get('/api/events?bus=other')).body)).toEqual([]);
    const failed = await app.get('/api/events?status=dead-lettered&limit=2');
    expect(failed.body).toMatchObject({ total: 3, items: [{ eventId: 'e-3' }, { eventId: 'e-2' }] });
    expect(failed.body.items[0].event).toBeUndefined();

    const one = await app.get('/api/events/e-1');
    expect(one.body).toMatchObject({ source: 'cvm.cloud.tencent', subject: 'ins-1', event: { data: { reading: 42 } } });

    const resent = await app.post('/api/events/e-1/resend', {});
    expect(resent).toMatchObject({ status: 202, body: { bus: 'default', resentFrom: 'e-1' } });
    expect(resent.body.id).not.toBe('e-1');
    await app.bus.idle();
    const copy = await app.get(`/api/events/${resent.body.id}`);
    expect(copy.body).toMatchObject({ matchedRules: ['cvm'], event: { subject: 'ins-1', data: { reading: 42 } } });
  });

  it('groups dead letters per bus, rule and target, inspects one and re-drives all of a rule', async () => {
    const groups = await app.get('/api/dead-letters/groups');
    const cvm = groups.body.groups.find((group: { rule: string }) => group.rule === 'cvm');
    expect(cvm).toMatchObject({ bus: 'default', target: 'sw', count: 3, lastError: { type: 'SWITCH:DOWN' } });
    const [letter] = (await app.get('/api/dead-letters?rule=cvm&limit=1')).body.items;
    expect((await app.get(`/api/dead-letters/${letter.id}`)).body).toMatchObject({ rule: 'cvm', attempts: 1 });

    const stillFailing = await app.post('/api/dead-letters/redrive?rule=cvm', {});
    expect(stillFailing.body).toMatchObject({ attempted: 3, delivered: 0, remaining: 3 });
    expect(stillFailing.body.failed[0].error.type).toBe('SWITCH:DOWN');

    const sw = async () => (await app.get('/api/events/e-1')).body.targets[0];
    expect(await sw()).toMatchObject({ status: 'dead-lettered', attempts: 2, error: { type: 'SWITCH:DOWN' } });
    expect((await sw()).attemptLog).toEqual([
      { attempt: 1, at: expect.any(Number), outcome: 'failed', error: expect.objectContaining({ type: 'SWITCH:DOWN' }) },
      { attempt: 2, at: expect.any(Number), outcome: 'failed', error: expect.objectContaining({ type: 'SWITCH:DOWN' }) },
    ]);

    switchTarget.failing = false;
    const redriven = await app.post('/api/dead-letters/redrive?rule=cvm', {});
    expect(redriven.body).toMatchObject({ attempted: 3, delivered: 3, failed: [], remaining: 0 });
    const after = await sw();
    expect(after).toMatchObject({ status: 'delivered', attempts: 3 });
    expect(after.deadLetterId).toBeUndefined();
    expect(after.attemptLog.map((entry: { outcome: string }) => entry.outcome)).toEqual(['failed', 'failed', 'redriven']);
    expect(delivered.sort()).toHaveLength(3);
    expect((await app.get('/api/dead-letters/groups')).body).toMatchObject({ total: 1, groups: [{ rule: 'cos' }] });
  });

  it('finds a log-store entry by event id, and names the flow of a flow target in the rule list', async () => {
    const found = await app.get('/api/log-store/search?id=e-2');
    expect(found.body).toMatchObject({ total: 1, items: [{ eventId: 'e-2', rules: ['archive'] }] });
    expect((await app.get('/api/log-store/search?id=e-1')).body.total).toBe(0);
    const rules = (await app.get('/api/rules')).body.rules;
    const never = rules.find((rule: { id: string }) => rule.id === 'never');
    expect(never.targets).toEqual([{ id: 'run', type: 'flow', flow: 'on-alarm' }]);
    const cvm = rules.find((rule: { id: string }) => rule.id === 'cvm');
    expect(cvm.targets).toEqual([{ id: 'sw', type: 'switch' }]);
  });

  it.each([
    ['/api/events?status=lost', 400, 'query parameter "status": "lost" is not one of pending, retrying'],
    ['/api/events?from=soon', 400, 'query parameter "from": "soon" is not epoch milliseconds or an ISO 8601 date'],
    ['/api/events?limit=1000', 400, 'query parameter "limit": "1000" is not an integer from 1 to 100'],
    ['/api/dead-letters?offset=-1', 400, 'query parameter "offset": "-1" is not an integer of 0 or more'],
    ['/api/events?bus=a&bus=b', 400, 'query parameter "bus" must be given once'],
    ['/api/dead-letters/none', 404, 'no dead letter "none"'],
  ])('answers %s with %i', async (path, status, message) => {
    const answer = await app.get(path);
    expect(answer.status).toBe(status);
    expect(answer.body.error.message).toContain(message);
  });

  it('refuses to re-send an event it does not know', async () => {
    const answer = await app.post('/api/events/never/resend', {});
    expect(answer).toMatchObject({ status: 404, body: { error: { type: 'BUS:EVENT_NOT_FOUND' } } });
  });

  it('stops starting re-drives once its time budget is spent, and says how many are left', async () => {
    // Each reading of this clock is 8 s later: the third re-drive would start past the 20 s budget.
    let time = Date.now();
    const clock = { now: () => (time += 8_000), sleep: async () => {} };
    const slow = createSwitchTarget();
    const rule = {
      format: 'flowbus/rule@1',
      name: 'Slow',
      pattern: { source: ['cvm.cloud.tencent'] },
      targets: [{ id: 'sw', type: 'switch', retry: { maxAttempts: 1 } }],
    };
    const other = await startBusApp({ 'slow.rule.json': rule }, { targetTypes: [slow.definition], clock });
    try {
      for (const id of ['s-1', 's-2', 's-3', 's-4']) {
        await other.post('/events', event(id, 'cvm.cloud.tencent', id), structured);
      }
      await other.bus.idle();
      expect((await other.get('/api/dead-letters')).body.total).toBe(4);
      slow.failing = false;
      const answer = await other.post('/api/dead-letters/redrive', {});
      expect(answer.body.attempted).toBeGreaterThan(0);
      expect(answer.body.attempted).toBeLessThan(4);
      expect(answer.body).toMatchObject({ failed: [], remaining: 4 - answer.body.attempted });
      expect(slow.delivered).toHaveLength(answer.body.attempted);
    } finally {
      await other.close();
    }
  });
});
