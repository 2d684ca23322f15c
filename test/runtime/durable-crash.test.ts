/**
 * @module The durable crash test of issue 11: 2,000 events through a rule to a four-step durable flow
 * (set-variable, HTTP Request to a loopback fake, a Try whose body calls the fake again, set-variable); the
 * server is killed with SIGKILL mid-burst and restarted, three runs. After the restart every acknowledged
 * event's execution completes, every (execution, step) reached the fake, every repeated call carries the
 * key of the first, and no step with effects that had completed (was in a checkpoint) ran again. The
 * set-variable steps are pure: they are not checkpointed, and a resume may compute them again.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryExecutionId } from '../../engine/bus/targets/flow.js';
import type { DeliveryItem } from '../../engine/bus/types.js';
import { ExecutionJournal } from '../../engine/runtime/durable/execution-journal.js';
import { burstAndKill, killAll, startChild, stopChild } from '../bus/crash-harness.js';
import { waitFor } from '../bus/helpers.js';
import { RULE, startCallRecorder, TARGET, writeDurableFlow, type CallRecorder } from './durable-fixture.js';

const SERVER = fileURLToPath(new URL('../bus/server-child.ts', import.meta.url));
const CALL_STEPS = ['call-first', 'call-second'];

let folder: string;
let fake: CallRecorder;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'flowbus-durable-crash-'));
  fake = await startCallRecorder();
});

afterAll(async () => {
  killAll();
  await fake.close();
  await rm(folder, { recursive: true, force: true });
});

const executionIdOf = (eventId: string, attempt: number) =>
  deliveryExecutionId([{ event: { id: eventId } } as DeliveryItem], { bus: 'default', rule: RULE, id: TARGET }, attempt);

/** What the journal held at the kill: per unfinished execution id, the steps in its checkpoints. */
async function stateAtKill(dataDir: string): Promise<Map<string, Set<string>>> {
  const { journal, unfinished } = await ExecutionJournal.open(join(dataDir, 'executions', 'journal'));
  const state = new Map<string, Set<string>>();
  for (const execution of unfinished) {
    state.set(execution.executionId, new Set(execution.trace.map((entry) => entry.stepId)));
  }
  await journal.close();
  return state;
}

async function oneRun(run: number) {
  const source = `durable.crash.${run}`;
  const flowsDir = join(folder, `flows-${run}`);
  const dataDir = join(folder, `data-${run}`);
  await writeDurableFlow(flowsDir, fake.url, source);
  fake.calls.length = 0;
  fake.phase = 0;
  // Before the kill the second call is answered slowly, so executions are in flight between checkpoints
  // when it comes; the kill waits until some of them have passed their first call.
  fake.delayMs = (step) => (step === 'call-second' ? 25 : 0);
  const firstCalls = () => fake.calls.filter((call) => call.step === 'call-first').length;
  const first = await startChild(SERVER, [flowsDir, dataDir]);
  const acked = await burstAndKill(first, {
    total: 2000,
    killAfterAcks: 1000,
    concurrency: 32,
    source,
    killWhen: () => firstCalls() >= 100,
  });
  const atKill = await stateAtKill(dataDir);
  const callsBeforeRestart = fake.calls.length;

  fake.phase = 1;
  fake.delayMs = () => 0;
  const second = await startChild(SERVER, [flowsDir, dataDir]);
  const reached = () => {
    const seen = new Set(fake.calls.filter((call) => call.step === 'call-second').map((call) => call.event));
    return acked.every((id) => seen.has(id));
  };
  await waitFor(reached, 'the last call of every acknowledged event', 90_000);
  await stopChild(second);

  const { journal, unfinished } = await ExecutionJournal.open(join(dataDir, 'executions', 'journal'));
  const completed = acked.filter((id) =>
    [1, 2, 3].some((attempt) => journal.finishedExecution(executionIdOf(id, attempt))?.outcome.status === 'succeeded'),
  );
  await journal.close();

  const firstKey = new Map<string, string | undefined>();
  const seenPairs = new Set<string>();
  let repeatedCalls = 0;
  let keyMismatches = 0;
  let completedRepeated = 0;
  for (const call of fake.calls) {
    const pair = `${call.event}|${call.step}`;
    if (seenPairs.has(pair)) {
      repeatedCalls++;
      if (firstKey.get(pair) !== call.key) keyMismatches++;
    } else {
      seenPairs.add(pair);
      firstKey.set(pair, call.key);
    }
    if (call.phase === 1) {
      // A completed step is one in the execution's checkpoints at the kill, or any step of a finished one.
      const state = atKill.get(executionIdOf(call.event, 1));
      const checkpointed = state === undefined ? firstRunFinished(call.event) : state.has(call.step);
      if (checkpointed) completedRepeated++;
    }
  }
  function firstRunFinished(eventId: string): boolean {
    // Absent from the unfinished ones at the kill: it finished before, or never started (no call before).
    return fake.calls.some((call) => call.phase === 0 && call.event === eventId && call.step === 'call-second');
  }
  const missingPairs = acked.flatMap((id) => CALL_STEPS.filter((step) => !seenPairs.has(`${id}|${step}`)));
  const keysMissing = fake.calls.filter((call) => call.key === undefined).length;
  console.log(
    `durable crash run ${run}: ${acked.length} acknowledged, ${completed.length} completed, ` +
      `${fake.calls.length} calls (${callsBeforeRestart} before the kill), ${repeatedCalls} repeated calls, ` +
      `${keyMismatches} repeated with another key, ${completedRepeated} completed steps repeated, ` +
      `${atKill.size} executions resumed`,
  );
  return { acked, completed, missingPairs, keyMismatches, completedRepeated, keysMissing, unfinished, atKill };
}

describe('durable crash test', () => {
  for (const run of [1, 2, 3]) {
    it(`run ${run}: after SIGKILL and restart every acknowledged execution completes, no completed step again`, async () => {
      const result = await oneRun(run);
      expect(result.acked.length).toBeGreaterThanOrEqual(1000);
      expect(result.atKill.size).toBeGreaterThan(0);
      expect(result.completed.length).toBe(result.acked.length);
      expect(result.unfinished).toEqual([]);
      expect(result.missingPairs).toEqual([]);
      expect(result.keysMissing).toBe(0);
      expect(result.keyMismatches).toBe(0);
      expect(result.completedRepeated).toBe(0);
    }, 150_000);
  }
});
