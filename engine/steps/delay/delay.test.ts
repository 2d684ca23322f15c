/**
 * Delay: waits its duration; resumed from a checkpoint it waits only what was left of it.
 */
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../core/step-definition.js';
import { memorySink } from '../../runtime/durable/memory-sink.js';
import { compileFlow } from '../../runtime/compile.js';
import { flow, testRegistry } from '../../runtime/test-helpers.js';

function fakeClock() {
  const sleeps: number[] = [];
  let wake: (() => void) | undefined;
  const clock: Clock & { time: number } = {
    time: 1_000_000,
    now: () => clock.time,
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        sleeps.push(ms);
        wake = resolve;
      }),
  };
  return { clock, sleeps, wake: () => wake?.() };
}

const document = { ...flow([{ id: 'wait', type: 'delay', config: { durationMs: 60_000 } }]), execution: 'durable' as const };

describe('delay', () => {
  it('waits its duration and leaves the message unchanged', async () => {
    const { clock, sleeps, wake } = fakeClock();
    const running = compileFlow('delay', document, testRegistry).execute({ payload: 7 }, { services: { clock } });
    await expect.poll(() => sleeps).toEqual([60_000]);
    wake();
    const record = await running;
    expect(record.status).toBe('succeeded');
    expect(record.result?.payload).toBe(7);
    expect(record.steps.map((entry) => [entry.stepId, entry.status])).toEqual([['wait', 'succeeded']]);
  });

  it('resumed after a crash, waits until the due time in its checkpoint, not a whole duration', async () => {
    const { clock, sleeps, wake } = fakeClock();
    const compiled = compileFlow('delay', document, testRegistry);
    const memory = memorySink();
    const controller = new AbortController();
    const options = { executionId: 'd-1', checkpoints: memory.sink, services: { clock } };
    const crashed = compiled.execute({ payload: 7 }, { ...options, signal: controller.signal });
    await expect.poll(() => sleeps.length).toBe(1);
    const saved = structuredClone(memory.unfinished.get('d-1')!);
    controller.abort();
    await crashed;

    clock.time += 45_000;
    const resumed = compiled.execute(saved.input, { ...options, resume: saved });
    await expect.poll(() => sleeps.length).toBe(2);
    expect(sleeps[1]).toBe(15_000);
    wake();
    expect((await resumed).status).toBe('succeeded');
  });

  it('does not wait in a dry run', async () => {
    const record = await compileFlow('delay', document, testRegistry).execute({ payload: 1 }, { dryRun: true });
    expect(record.steps[0].status).toBe('stubbed');
  });
});
