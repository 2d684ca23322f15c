/**
 * @module Tests of the test tools: pattern test with the failing field and why, invalid patterns, the event
 * templates and sending a test event where only `data` may change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBusApp, type BusApp } from './testing.js';

let app: BusApp;

beforeAll(async () => {
  app = await startBusApp({
    'cvm.rule.json': {
      format: 'flowbus/rule@1',
      name: 'CVM',
      pattern: { source: 'cvm.cloud.tencent' },
      targets: [{ id: 'archive', type: 'log-store' }],
    },
  });
});
afterAll(() => app.close());

const event = {
  specversion: '1.0',
  id: 'e',
  source: 'cvm.cloud.tencent',
  type: 'cvm:ErrorEvent:DiskReadOnly',
  subject: 'ins-1',
};

describe('POST /api/patterns/test', () => {
  it('answers match true', async () => {
    const answer = await app.post(
      '/api/patterns/test',
      { pattern: { source: ['cvm.cloud.tencent'], subject: [{ prefix: 'ins-' }] }, event },
    );
    expect(answer).toEqual({ status: 200, body: { match: true, failures: [] } });
  });

  it('answers match false with the field that failed and why', async () => {
    const answer = await app.post(
      '/api/patterns/test',
      { pattern: { source: ['cvm.cloud.tencent'], type: ['cvm:ErrorEvent:PingUnreachable'] }, event },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.match).toBe(false);
    expect(answer.body.failures).toEqual([
      { pointer: '/type', reason: expect.stringContaining('"cvm:ErrorEvent:DiskReadOnly" does not match') },
    ]);
    expect(answer.body.reason).toMatch(/^\/type: /);
  });

  it('takes the pattern and the event as JSON text, as the vendor API does', async () => {
    const answer = await app.post(
      '/api/patterns/test',
      { pattern: '{"subject": ["ins-1"]}', event: JSON.stringify(event) },
    );
    expect(answer.body.match).toBe(true);
  });

  it.each([
    ['an invalid pattern', { pattern: { source: [{ prefix: 1 }] }, event }, 'BUS:INVALID_PATTERN'],
    ['pattern text that is not JSON', { pattern: '{"a": ', event }, 'BUS:INVALID_PATTERN'],
    ['event text that is not JSON', { pattern: { a: [1] }, event: '{' }, 'API:BAD_REQUEST'],
    ['no event', { pattern: { a: [1] } }, 'API:BAD_REQUEST'],
    ['no body', 'null', 'API:BAD_REQUEST'],
  ])('answers 400 for %s', async (_name, body, type) => {
    const answer = await app.post('/api/patterns/test', body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.type).toBe(type);
    if (type === 'BUS:INVALID_PATTERN') expect(answer.body.error.issues.length).toBeGreaterThan(0);
  });
});

describe('event templates', () => {
  it('lists the templates', async () => {
    const { body } = await app.get('/api/event-templates');
    const titles = body.templates.map((template: { title: string }) => template.title);
    expect(titles).toContain('CVM - instance reboot');
  });

  it('sends a test event with new data, which the rules then route', async () => {
    const answer = await app.post(
      '/api/event-templates/cvm-instance-reboot/send',
      { data: { instanceId: 'ins-test' } },
    );
    expect(answer.status).toBe(202);
    expect(answer.body.event).toMatchObject({
      type: 'cvm:ErrorEvent:InstanceReboot',
      data: { instanceId: 'ins-test' },
    });
    await app.bus.idle();
    const trace = await app.get(`/api/events/${answer.body.id}`);
    expect(trace.body.targets).toEqual([expect.objectContaining({ rule: 'cvm', status: 'delivered' })]);
  });

  it.each([
    ['a change of another field', 'cvm-guest-reboot', { data: {}, source: 'x' }, 400],
    ['an unknown template', 'nope', {}, 404],
    ['an unknown bus', 'cvm-guest-reboot', { bus: 'nope' }, 404],
    ['a bus that is not a string', 'cvm-guest-reboot', { bus: 1 }, 400],
  ])('refuses %s', async (_name, id, body, status) => {
    expect((await app.post(`/api/event-templates/${id}/send`, body)).status).toBe(status);
  });
});
