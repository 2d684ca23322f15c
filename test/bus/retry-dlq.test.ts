/**
 * @module Retries, dead letters and re-drive end to end: a failing webhook is retried with exponential
 * backoff and full jitter, ends in the dead-letter store after its attempts, survives a restart there, and is
 * delivered once by a re-drive when the receiver is back; a bus restarted while a delivery was pending
 * delivers it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../engine/core/step-definition.js';
import { fastClock, startBusApp, type BusApp } from '../../engine/server/api/testing.js';
import { ruleFile, startReceiver, STRUCTURED, waitFor, type Receiver } from './helpers.js';

let receiver: Receiver;
let folder: string;
const down = new Set<string>(['/flaky', '/dropped', '/later']);

/** The fast clock, recording what each sleep asked for. */
const asked: number[] = [];
const base = fastClock();
const clock: Clock = { now: base.now, sleep: (ms, signal) => (asked.push(ms), base.sleep(ms, signal)) };

const retry = { maxAttempts: 4, initialDelayMs: 200, maxDelayMs: 500, maxAgeMs: 3_600_000 };

function files() {
  const hook = (id: string, path: string, extra: Record<string, unknown> = {}) => ({
    id,
    type: 'webhook',
    config: { url: `${receiver.origin}${path}` },
    retry,
    ...extra,
  });
  return {
    'flaky.rule.json': ruleFile({ type: ['flaky'] }, [hook('hook', '/flaky')]),
    'reject.rule.json': ruleFile({ type: ['reject'] }, [hook('hook', '/reject')]),
    'dropped.rule.json': ruleFile({ type: ['dropped'] }, [hook('hook', '/dropped', { deadLetter: 'DROP' })]),
    'later.rule.json': ruleFile(
      { type: ['later'] },
      [
        hook(
          'hook',
          '/later',
          { retry: { ...retry, maxAttempts: 200, initialDelayMs: 5000, maxDelayMs: 5000 } },
        ),
      ],
    ),
  };
}

async function start(): Promise<BusApp> {
  return startBusApp(files(), { clock, random: () => 0.999 }, folder);
}

const event = (id: string, type: string) => ({ specversion: '1.0', id, source: 'retry.tests', type });
const attemptsAt = (path: string, id: string) =>
  receiver.requests.filter((request) => request.url.pathname === path && JSON.parse(request.body).id === id);

beforeAll(async () => {
  receiver = await startReceiver();
  receiver.status = (request) => {
    if (down.has(request.url.pathname)) return 503;
    return request.url.pathname === '/reject' ? 400 : 200;
  };
  folder = await mkdtemp(join(tmpdir(), 'flowbus-retry-'));
});

afterAll(async () => {
  await receiver.close();
  await rm(folder, { recursive: true, force: true });
});

describe('retries, dead letters and re-drive', () => {
  it('retries with backoff, dead-letters, keeps the letter over a restart, and re-drives it', async () => {
    let app = await start();
    asked.length = 0;
    expect((await app.post('/events', event('f-1', 'flaky'), STRUCTURED)).status).toBe(202);
    await app.bus.idle();
    expect(attemptsAt('/flaky', 'f-1')).toHaveLength(4);
    // full jitter with random() = 0.999: just under each cap 200, 400, 500 (capped)
    expect(asked).toEqual([199, 399, 499]);
    const letters = (await app.get('/api/dead-letters')).body;
    expect(letters.items).toEqual([
      expect.objectContaining({
        rule: 'flaky',
        target: 'hook',
        attempts: 4,
        error: expect.objectContaining({ type: 'HTTP:STATUS' }),
      }),
    ]);
    const trace = (await app.get('/api/events/f-1')).body;
    expect(trace.targets[0]).toMatchObject({
      status: 'dead-lettered',
      attempts: 4,
      detail: 'gave up after 4 attempts',
    });
    const retries = 'flowbus_bus_delivery_retries_total{rule="flaky",target="hook"} 3';
    expect((await app.bus.metrics.text()).split('\n')).toContain(retries);

    await app.close(true);
    app = await start();
    const [letter] = (await app.get('/api/dead-letters')).body.items;
    expect(letter).toMatchObject({ event: { id: 'f-1' } });

    down.delete('/flaky');
    const redriven = await app.post(`/api/dead-letters/${letter.id}/redrive`, {});
    expect(redriven.status).toBe(200);
    expect(attemptsAt('/flaky', 'f-1')).toHaveLength(5);
    expect((await app.get('/api/dead-letters')).body.total).toBe(0);
    await app.close(true);
  });

  it('does not retry an answer that will not change (400) and drops after retries under DROP', async () => {
    const app = await start();
    await app.post('/events', event('r-1', 'reject'), STRUCTURED);
    await app.post('/events', event('d-1', 'dropped'), STRUCTURED);
    await app.bus.idle();
    expect(attemptsAt('/reject', 'r-1')).toHaveLength(1);
    expect(attemptsAt('/dropped', 'd-1')).toHaveLength(4);
    expect((await app.get('/api/events/r-1')).body.targets[0]).toMatchObject({
      status: 'dead-lettered',
      detail: 'the error is not retryable',
    });
    expect((await app.get('/api/events/d-1')).body.targets[0]).toMatchObject({ status: 'dropped' });
    const { items } = (await app.get('/api/dead-letters')).body;
    const letters = items.map((item: { event: { id: string } }) => item.event.id);
    expect(letters).toEqual(['r-1']);
    await app.close(true);
  });

  it('delivers after a restart what was still being retried when the bus stopped', async () => {
    let app = await start();
    await app.post('/events', event('l-1', 'later'), STRUCTURED);
    await waitFor(() => attemptsAt('/later', 'l-1').length >= 2, 'a retry');
    await app.close(true);
    down.delete('/later');
    app = await start();
    const before = attemptsAt('/later', 'l-1').length;
    await app.bus.idle();
    expect(attemptsAt('/later', 'l-1')).toHaveLength(before + 1);
    expect(app.bus.traces.get('l-1')).toMatchObject({
      replayed: true,
      targets: [expect.objectContaining({ status: 'delivered' })],
    });
    await app.close(true);
  });
});
