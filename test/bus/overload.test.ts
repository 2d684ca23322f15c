/**
 * @module The overload test: for 10 s, clients offer events as fast as they can to a server (a child
 * process) whose only target is a slow webhook that drains about 20 events a second. The server must
 * refuse what it cannot hold (429/503 with Retry-After) before acknowledging it, keep its memory under a
 * stated bound, and deliver every event it acknowledged.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAll, startChild, startRecorder, stopChild, type Child, type Recorder } from './crash-harness.js';
import { ruleFile, waitFor } from './helpers.js';

const CHILD = fileURLToPath(new URL('./server-child.ts', import.meta.url));
/** The bound the server's resident memory must stay under while it is flooded. */
const RSS_BOUND_MB = 400;
const OFFER_MS = 10_000;
const SENDERS = 32;
/** Events per request (CloudEvents batch mode): one journal write per request makes the offer large. */
const BATCH = 20;
const BATCH_MODE = { 'content-type': 'application/cloudevents-batch+json' };
const EVENT = { specversion: '1.0', source: 'flood.test', type: 'flood.event', data: { pad: 'x'.repeat(512) } };

let folder: string;
let receiver: Recorder;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'flowbus-overload-'));
  receiver = await startRecorder();
  receiver.delayMs = 100;
  const flowsDir = join(folder, 'flows');
  const dataDir = join(folder, 'data');
  await mkdir(flowsDir);
  await mkdir(dataDir);
  const target = { id: 'slow', type: 'webhook', config: { url: receiver.url }, concurrency: 2 };
  await writeFile(join(flowsDir, 'all.rule.json'), JSON.stringify(ruleFile({ source: ['flood.test'] }, [target])));
  const limits = { busUnsettledEvents: 2_000, targetQueueSize: 1_000 };
  await writeFile(join(dataDir, 'flowbus.config.json'), JSON.stringify({ limits }));
});

afterAll(async () => {
  killAll();
  await receiver.close();
  await rm(folder, { recursive: true, force: true });
});

/** Resident memory of a process, from /proc (Linux), in MB. */
async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

interface Offered {
  acked: string[];
  refused: Map<number, number>;
  withoutRetryAfter: number;
  other: Map<number, number>;
}

async function flood(child: Child, until: number): Promise<Offered> {
  const offered: Offered = { acked: [], refused: new Map(), withoutRetryAfter: 0, other: new Map() };
  let next = 0;
  const sender = async () => {
    while (Date.now() < until) {
      const ids = Array.from({ length: BATCH }, () => `flood-${next++}`);
      const events = ids.map((id) => ({ ...EVENT, id }));
      const response = await fetch(`${child.url}/events`, { method: 'POST', headers: BATCH_MODE, body: JSON.stringify(events) });
      await response.arrayBuffer();
      const { status } = response;
      if (status === 202) offered.acked.push(...ids);
      else if (status === 429 || status === 503) {
        offered.refused.set(status, (offered.refused.get(status) ?? 0) + BATCH);
        if (!response.headers.get('retry-after')) offered.withoutRetryAfter += 1;
      } else offered.other.set(status, (offered.other.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: SENDERS }, sender));
  return offered;
}

describe('overload', () => {
  it('refuses with 429/503 and Retry-After, stays under its memory bound, and loses no acknowledged event', async () => {
    const child = await startChild(CHILD, [join(folder, 'flows'), join(folder, 'data')]);
    const pid = child.process.pid!;
    let maxRss = await rssMb(pid);
    const sampler = setInterval(() => {
      void rssMb(pid).then((rss) => (maxRss = Math.max(maxRss, rss)), () => undefined);
    }, 200);
    const started = Date.now();
    const offered = await flood(child, started + OFFER_MS);
    clearInterval(sampler);
    const refused = [...offered.refused.values()].reduce((sum, count) => sum + count, 0);
    const deliveredDuringFlood = receiver.received.size;

    receiver.delayMs = 0;
    await waitFor(() => offered.acked.every((id) => receiver.received.has(id)), 'every acknowledged event', 60_000);
    const lost = offered.acked.filter((id) => !receiver.received.has(id)).length;
    console.log(
      `overload: ${offered.acked.length + refused} offered in ${OFFER_MS / 1000} s, ${offered.acked.length} acknowledged, ` +
        `${deliveredDuringFlood} drained meanwhile, refused ${JSON.stringify(Object.fromEntries(offered.refused))}, ` +
        `max RSS ${Math.round(maxRss)} MB (bound ${RSS_BOUND_MB} MB), lost ${lost}`,
    );
    expect(offered.other).toEqual(new Map());
    expect(refused).toBeGreaterThan(offered.acked.length);
    expect(offered.withoutRetryAfter).toBe(0);
    expect(maxRss).toBeLessThan(RSS_BOUND_MB);
    expect(lost).toBe(0);
    await stopChild(child);
  }, 120_000);
});
