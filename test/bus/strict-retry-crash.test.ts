/**
 * @module The strict-retry crash test: a rule sends every event to a flow target that has one attempt and
 * drops what fails (`"retry": {"maxAttempts": 1}, "deadLetter": "DROP"`); the whole server runs in a child
 * that is killed with SIGKILL mid-burst and restarted on the same data folder, three times. Every
 * acknowledged event must run its flow: recovery may not deliver before the flow runner is wired, and a
 * failure of flowbus's own wiring may not use up the one attempt.
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

const CHILD = fileURLToPath(new URL('./server-child.ts', import.meta.url));
const folders: string[] = [];
let receiver: Recorder;

beforeAll(async () => {
  receiver = await startRecorder();
});

afterAll(async () => {
  killAll();
  await receiver.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

/** A flow started by the bus that posts the event id to the receiver. */
function recordingFlow(url: string): Record<string, unknown> {
  return {
    format: 'flowbus/flow@1',
    name: 'Record the event id',
    trigger: { id: 'on-event', type: 'event', config: { bus: 'default' } },
    steps: [
      {
        id: 'record',
        type: 'http-request',
        // Held calls before the kill must not time out: that would be a failure the policy rightly drops.
        config: {
          method: 'POST',
          url,
          bodyType: 'json',
          body: { $expr: "{ 'id': payload.id }" },
          timeoutMs: 120_000,
        },
      },
    ],
  };
}

async function prepare(): Promise<{ flowsDir: string; dataDir: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'flowbus-strict-crash-'));
  folders.push(folder);
  const flowsDir = join(folder, 'flows');
  await mkdir(flowsDir);
  await writeFile(join(flowsDir, 'record.flow.json'), JSON.stringify(recordingFlow(receiver.url)));
  const target = {
    id: 'run-record',
    type: 'flow',
    config: { flow: 'record' },
    retry: { maxAttempts: 1 },
    deadLetter: 'DROP',
  };
  const rule = ruleFile({ source: ['strict.crash'] }, [target]);
  await writeFile(join(flowsDir, 'strict.rule.json'), JSON.stringify(rule));
  return { flowsDir, dataDir: join(folder, 'data') };
}

describe('strict-retry crash test', () => {
  it.each([1, 2, 3])('run %i: loses none of the acknowledged events', async (run) => {
    receiver.received.clear();
    const started = Date.now();
    const phases: string[] = [];
    const phase = (name: string) => phases.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const { flowsDir, dataDir } = await prepare();
    const first = await startChild(CHILD, [flowsDir, dataDir]);
    // The receiver answers nothing before the kill: every acknowledged event is still to run after it,
    // the oldest first, which is what recovery delivered before the flow runner existed.
    receiver.holding = true;
    const burst = { total: 1500, killAfterAcks: 750, concurrency: 16, source: 'strict.crash' };
    phase('started');
    const acked = await burstAndKill(first, burst);
    phase('killed');
    const pendingAtKill = acked.filter((id) => !receiver.received.has(id)).length;
    receiver.holding = false;

    const second = await startChild(CHILD, [flowsDir, dataDir]);
    phase('restarted');
    const everyAcked = () => acked.every((id) => receiver.received.has(id));
    await waitFor(everyAcked, 'every acknowledged event', 90_000).catch((error: Error) => {
      const missing = acked.filter((id) => !receiver.received.has(id));
      const problems = second.logs.filter((line) => /"level":"(warn|error)"/.test(line));
      const shown = [...missing.slice(0, 5), ...problems.slice(0, 5)].join('\n');
      throw new Error(`${error.message}: ${missing.length} missing:\n${shown}`);
    });
    phase('delivered');
    const lost = acked.filter((id) => !receiver.received.has(id)).length;
    console.log(
      `strict-retry crash run ${run}: ${acked.length} acknowledged, ${pendingAtKill} still to run at the ` +
        `kill, ${acked.length - lost} delivered, ${lost} lost, ${receiver.duplicates()} delivered twice`,
    );
    expect(pendingAtKill).toBeGreaterThan(0);
    expect(lost).toBe(0);
    const dropped = [...first.logs, ...second.logs].filter((line) => line.includes('delivery dropped'));
    expect(dropped).toEqual([]);
    await stopChild(second);
    phase('stopped');
    console.log(phases.join(', '));
  }, 150_000);
});
