/**
 * @module Delivery state across a SIGKILL: a message-push notification deferred to a time window that opens
 * about 10 s later fires on time after the bus is killed and restarted, with no attempt counted and the
 * receiver that was notified before the kill not notified again (the send ledger is durable); and a
 * webhook delivery failing with retries keeps its attempt count and trace across the kill.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventTrace } from '../../engine/bus/index.js';
import { exited, killAll, startChild, stopChild, type Child } from './crash-harness.js';
import { ruleFile, startReceiver, STRUCTURED, waitFor, type Receiver } from './helpers.js';

const CHILD = fileURLToPath(new URL('./push-crash-child.ts', import.meta.url));
const folders: string[] = [];
let receiver: Receiver;
/** When each request reached the receiver, by path. */
const arrivals = new Map<string, number[]>();
let failing = true;

beforeAll(async () => {
  receiver = await startReceiver();
  receiver.status = (request) => {
    const path = request.url.pathname;
    arrivals.set(path, [...(arrivals.get(path) ?? []), Date.now()]);
    return path === '/flaky' && failing ? 503 : 200;
  };
});

afterAll(async () => {
  killAll();
  await receiver.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function prepare(rule: Record<string, unknown>): Promise<{ dataDir: string; flowsDir: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'flowbus-delivery-state-'));
  folders.push(folder);
  const flowsDir = join(folder, 'flows');
  await mkdir(flowsDir);
  await writeFile(join(flowsDir, 'test.rule.json'), JSON.stringify(rule));
  return { dataDir: join(folder, 'data'), flowsDir };
}

async function post(child: Child, id: string): Promise<void> {
  const event = { specversion: '1.0', id, source: 'state.test', type: 'cvm:ErrorEvent:PingUnreachable' };
  const body = JSON.stringify(event);
  const response = await fetch(`${child.url}/events`, { method: 'POST', headers: STRUCTURED, body });
  expect(response.status).toBe(202);
}

async function traceOf(child: Child, id: string): Promise<EventTrace> {
  const response = await fetch(`${child.url}/api/events/${id}`);
  expect(response.status).toBe(200);
  return (await response.json()) as EventTrace;
}

/** Polls the trace until `done` holds for it. */
async function pollTrace(child: Child, id: string, done: (trace: EventTrace) => boolean): Promise<EventTrace> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const trace = await traceOf(child, id);
    if (done(trace)) return trace;
    if (Date.now() > deadline) throw new Error(`the trace of ${id} never got there: ${JSON.stringify(trace)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function kill(child: Child): Promise<void> {
  child.process.kill('SIGKILL');
  await exited(child.process);
}

/** `HH:mm:ss` in UTC. */
const timeOfDay = (ms: number) => new Date(ms).toISOString().slice(11, 19);

describe('delivery state across a SIGKILL', () => {
  it('fires a notification held for its window on time after a restart, counting no attempt', async () => {
    // The window opens at the start of a whole second about 10 s from now.
    const opensAt = Math.ceil((Date.now() + 10_000) / 1000) * 1000;
    const target = {
      id: 'notify',
      type: 'message-push',
      config: {
        timeZone: 'UTC',
        receivers: [
          { name: 'now', channels: ['webhook'], webhook: { url: `${receiver.origin}/now` } },
          {
            name: 'held',
            channels: ['webhook'],
            webhook: { url: `${receiver.origin}/held` },
            timeWindow: { from: timeOfDay(opensAt), to: timeOfDay(opensAt + 600_000) },
          },
        ],
      },
    };
    const paths = await prepare(ruleFile({ source: ['state.test'] }, [target]));
    const first = await startChild(CHILD, [paths.dataDir, paths.flowsDir]);
    await post(first, 'held-1');
    await waitFor(() => arrivals.get('/now')?.length === 1, 'the receiver whose window is open');
    await waitFor(
      () => first.logs.some((line) => line.includes('delivery deferred by its target')),
      'the deferral',
    );
    const before = await traceOf(first, 'held-1');
    expect(before.targets[0]).toMatchObject({ status: 'scheduled', attempts: 0, dueAt: opensAt });
    await kill(first);

    const second = await startChild(CHILD, [paths.dataDir, paths.flowsDir]);
    const replayed = await traceOf(second, 'held-1');
    expect(replayed).toMatchObject({ replayed: true });
    expect(replayed.targets[0]).toMatchObject({ status: 'scheduled', attempts: 0, dueAt: opensAt });
    expect(arrivals.get('/held')).toBeUndefined();
    await waitFor(() => arrivals.get('/held')?.length === 1, 'the held receiver', 20_000);
    const lateMs = arrivals.get('/held')![0]! - opensAt;
    const after = await pollTrace(second, 'held-1', (trace) => trace.targets[0]?.status !== 'scheduled');
    console.log(`held notification: sent ${lateMs} ms after its window opened, across a SIGKILL and restart`);
    expect(lateMs).toBeGreaterThanOrEqual(0);
    expect(lateMs).toBeLessThan(1_500);
    expect(after.targets[0]).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(after.targets[0]!.detail).toContain('webhook (sent by an earlier attempt)');
    expect(arrivals.get('/now')).toHaveLength(1);
    await stopChild(second);
  }, 60_000);

  it('keeps the attempt count and the trace of a retried delivery across a SIGKILL', async () => {
    const target = {
      id: 'flaky',
      type: 'webhook',
      config: { url: `${receiver.origin}/flaky` },
      retry: { maxAttempts: 10, initialDelayMs: 200, maxDelayMs: 400 },
    };
    const paths = await prepare(ruleFile({ source: ['state.test'] }, [target]));
    const first = await startChild(CHILD, [paths.dataDir, paths.flowsDir]);
    await post(first, 'flaky-1');
    await waitFor(() => (arrivals.get('/flaky')?.length ?? 0) >= 3, 'three failed attempts');
    await kill(first);
    const callsBeforeKill = arrivals.get('/flaky')!.length;

    const second = await startChild(CHILD, [paths.dataDir, paths.flowsDir]);
    const replayed = await traceOf(second, 'flaky-1');
    expect(replayed.replayed).toBe(true);
    expect(replayed.targets[0]!.attempts).toBeGreaterThanOrEqual(callsBeforeKill - 1);
    expect(replayed.targets[0]!.error?.type).toBe('HTTP:STATUS');
    failing = false;
    const delivered = await pollTrace(second, 'flaky-1', (trace) => trace.targets[0]?.status === 'delivered');
    const calls = arrivals.get('/flaky')!.length;
    const attempts = delivered.targets[0]!.attempts;
    console.log(`retried delivery: ${callsBeforeKill} calls before the kill, ${calls} in all, ${attempts} attempts`);
    // The count went on from the journal's: at most the attempt in flight at the kill is made again.
    expect(attempts).toBeGreaterThan(callsBeforeKill - 1);
    expect(attempts).toBeGreaterThanOrEqual(calls - 1);
    expect(attempts).toBeLessThanOrEqual(calls);

    // A settled event's trace survives a kill too, once written (traces are written a few ms after a change).
    const tracesDir = join(paths.dataDir, 'bus', 'traces');
    const written = async () => {
      const names = await readdir(tracesDir);
      const texts = await Promise.all(names.map((name) => readFile(join(tracesDir, name), 'utf8')));
      return texts.some((text) => text.includes('"eventId":"flaky-1"') && text.includes('"status":"delivered"'));
    };
    for (let tries = 0; !(await written()); tries++) {
      if (tries > 200) throw new Error('the delivered trace was never written');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await kill(second);
    const third = await startChild(CHILD, [paths.dataDir, paths.flowsDir]);
    expect((await traceOf(third, 'flaky-1')).targets[0]).toMatchObject({ status: 'delivered', attempts });
    await stopChild(third);
  }, 60_000);
});
