/**
 * @module The crash test: about 3000 events posted concurrently to a bus in a child process, which is
 * killed with SIGKILL midway and restarted on the same data folder; every event that was acknowledged (202)
 * reaches the webhook target at least once.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  burstAndKill,
  killAll,
  startChild,
  startRecorder,
  stopChild,
  type Recorder,
} from './crash-harness.js';
import { ruleFile, waitFor } from './helpers.js';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));

let folder: string;
let receiver: Recorder;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'flowbus-crash-'));
  receiver = await startRecorder();
  await mkdir(join(folder, 'flows'));
  const target = {
    id: 'sink',
    type: 'webhook',
    config: { url: receiver.url },
    batch: { maxEvents: 25, maxWaitMs: 20 },
    concurrency: 2,
  };
  await writeFile(
    join(folder, 'flows', 'all.rule.json'),
    JSON.stringify(ruleFile({ source: ['crash.test'] }, [target])),
  );
});

afterAll(async () => {
  killAll();
  await receiver.close();
  await rm(folder, { recursive: true, force: true });
});

const startBus = () => startChild(CHILD, [join(folder, 'data'), join(folder, 'flows')]);

describe('crash test', () => {
  it('delivers every acknowledged event at least once after a SIGKILL and a restart', async () => {
    const first = await startBus();
    const burst = { total: 3000, killAfterAcks: 1500, concurrency: 48, source: 'crash.test' };
    const acked = await burstAndKill(first, burst);
    const lostBeforeRestart = acked.filter((id) => !receiver.received.has(id)).length;

    const second = await startBus();
    await waitFor(
      () => acked.every((id) => receiver.received.has(id)),
      'every acknowledged event at the receiver',
      30_000,
    );
    console.log(
      `crash test: ${acked.length} acknowledged, ${lostBeforeRestart} undelivered at the kill and ` +
        `delivered after the restart, ${receiver.duplicates()} delivered twice`,
    );
    expect(acked.length).toBeGreaterThanOrEqual(burst.killAfterAcks);
    expect(lostBeforeRestart).toBeGreaterThan(0);
    await stopChild(second);
  }, 60_000);
});
