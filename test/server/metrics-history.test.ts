/**
 * @module The running server keeps the last hour of its own metrics per minute: an event accepted, matched
 * and delivered to a flow, and the flow's HTTP executions, show in `/api/metrics/history`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpFlow, json, setPayload, startTestServer, type TestServer } from './helpers.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    flows: {
      ping: httpFlow('/ping', [setPayload('pong', 'pong')], { methods: ['GET'] }),
      archive: {
        format: 'flowbus/flow@1',
        name: 'On an alarm',
        trigger: { id: 'on-alarm', type: 'event', config: { bus: 'default' } },
        steps: [setPayload('done', 'done')],
      },
    },
  });
  const rule = {
    format: 'flowbus/rule@1',
    name: 'Alarms',
    pattern: { source: ['cvm.cloud.tencent'] },
    targets: [{ id: 'run', type: 'flow', config: { flow: 'archive' } }],
  };
  expect((await server.request('/api/rules/alarms', json('PUT', rule))).status).toBe(201);
});

afterAll(async () => {
  await server?.close();
});

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe('the metrics history', () => {
  // Sums over the hour, not the last minute alone: the test may run across a minute's end.
  it('counts ingest, matches, deliveries and executions per minute, per flow too', async () => {
    await server.request('/ping');
    await server.request('/ping');
    const event = { specversion: '1.0', id: 'm-1', source: 'cvm.cloud.tencent', type: 'alarm' };
    const sent = await server.request('/events', json('POST', event));
    expect(sent.status).toBeLessThan(300);
    const deliveries = async () => sum((await server.request('/api/metrics/history')).json.series.deliveries);
    await expect.poll(deliveries).toBe(1);
    const { json: history } = await server.request('/api/metrics/history');
    expect(history.minuteMs).toBe(60_000);
    expect(history.minutes).toHaveLength(60);
    expect(sum(history.series.ingest)).toBe(1);
    expect(sum(history.series.matches)).toBe(1);
    expect(sum(history.series.deadLetters)).toBe(0);
    expect(sum(history.series.executions)).toBe(3);
    expect(sum(history.flows.ping)).toBe(2);
    expect(sum(history.flows.archive)).toBe(1);
    const measured = history.latency.p50.filter((value: number | null) => value !== null);
    expect(measured.length).toBeGreaterThanOrEqual(1);
    expect(measured.length).toBeLessThanOrEqual(2);
    expect(history.minutes.at(-1) - history.minutes[0]).toBe(59 * 60_000);
  });
});
