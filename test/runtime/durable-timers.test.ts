/**
 * @module Durable timers across a crash (issue 11): a Catch retry due in 5 s is checkpointed with its due
 * time; the server is killed with SIGKILL while it waits and restarted; the retry fires on time (5 s after
 * the failed call, not 5 s after the restart) and counts no extra attempt.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanSegment } from '../../engine/store/segments/index.js';
import { EXECUTION_JOURNAL_KIND } from '../../engine/runtime/durable/execution-journal.js';
import { exited, killAll, startChild, stopChild } from '../bus/crash-harness.js';
import { ruleFile, STRUCTURED, waitFor } from '../bus/helpers.js';
import { startCallRecorder, type CallRecorder } from './durable-fixture.js';

const SERVER = fileURLToPath(new URL('../bus/server-child.ts', import.meta.url));
const RETRY_MS = 5000;
const DOWNTIME_MS = 1500;

let folder: string;
let fake: CallRecorder;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'flowbus-durable-timers-'));
  fake = await startCallRecorder();
  // The first call fails; the retry succeeds.
  fake.status = (call) => (fake.calls.filter((seen) => seen.event === call.event).length === 1 ? 503 : 200);
});

afterAll(async () => {
  killAll();
  await fake.close();
  await rm(folder, { recursive: true, force: true });
});

/** Whether the live journal (read without changing it) holds a checkpoint of a Try waiting to retry. */
async function waitingCheckpointWritten(dir: string): Promise<boolean> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.seg'));
  for (const name of names) {
    const scan = scanSegment(await readFile(join(dir, name)), { kind: EXECUTION_JOURNAL_KIND, newest: true });
    if (scan.records.some(({ value }) => JSON.stringify((value as { s?: unknown }).s ?? null).includes('"waiting"'))) {
      return true;
    }
  }
  return false;
}

describe('durable timers', () => {
  it('a Catch retry due in 5 s fires on time after SIGKILL and restart, without counting an attempt', async () => {
    const flowsDir = join(folder, 'flows');
    const dataDir = join(folder, 'data');
    await mkdir(flowsDir, { recursive: true });
    const call = {
      id: 'call',
      type: 'http-request',
      config: { method: 'POST', url: `${fake.url}/call`, body: { $expr: "{ 'event': payload.id, 'step': 'call' }" } },
    };
    const flow = {
      format: 'flowbus/flow@1',
      name: 'Retry across a crash',
      trigger: { id: 'on-event', type: 'event', config: { bus: 'default' } },
      steps: [
        {
          id: 'guard',
          type: 'try',
          steps: [call],
          catch: [{ id: 'retry', config: { errorTypes: ['HTTP'], retries: 1, retryIntervalMs: RETRY_MS }, steps: [] }],
        },
      ],
    };
    await writeFile(join(flowsDir, 'retry.flow.json'), JSON.stringify(flow));
    const target = { id: 'run', type: 'flow', config: { flow: 'retry' } };
    await writeFile(join(flowsDir, 'retry.rule.json'), JSON.stringify(ruleFile({ source: ['timers.test'] }, [target])));

    const first = await startChild(SERVER, [flowsDir, dataDir]);
    const event = { specversion: '1.0', id: 'timer-1', source: 'timers.test', type: 'timers.event', data: {} };
    const posted = await fetch(`${first.url}/events`, { method: 'POST', headers: STRUCTURED, body: JSON.stringify(event) });
    expect(posted.status).toBe(202);
    await waitFor(() => fake.calls.length === 1, 'the first, failing call');
    const journalDir = join(dataDir, 'executions', 'journal');
    await waitFor(() => waitingCheckpointWritten(journalDir), 'the checkpoint of the waiting retry', 4000);
    first.process.kill('SIGKILL');
    await exited(first.process);
    // The server stays down a while: a retry timed from the restart would come at least this much late.
    await new Promise((resolve) => setTimeout(resolve, DOWNTIME_MS));

    const second = await startChild(SERVER, [flowsDir, dataDir]);
    const ready = Date.now();
    await waitFor(() => fake.calls.length >= 2, 'the retry after the restart', 15_000);
    const due = fake.calls[0].at + RETRY_MS;
    // On time: at its due time, or as soon as the server is back when it came back later than that. A timer
    // started again at the restart would come a whole interval after `ready`.
    const late = fake.calls[1].at - Math.max(due, ready);
    console.log(
      `durable timers: the retry came ${fake.calls[1].at - fake.calls[0].at} ms after the failed call, ` +
        `${late} ms after it could (the server was back ${ready - fake.calls[0].at} ms after the call)`,
    );
    await stopChild(second);

    expect(fake.calls[1].at).toBeGreaterThanOrEqual(due - 50);
    expect(late).toBeLessThan(DOWNTIME_MS);
    expect(fake.calls).toHaveLength(2);
    // The key's attempt is the Try's run: 1 for the failed call, 2 for its one retry, none counted by the restart.
    expect(fake.calls.map((seen) => seen.key?.split(':').at(-1))).toEqual(['1', '2']);
  }, 60_000);
});
