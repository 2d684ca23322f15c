/**
 * Durable executions in the runtime: a checkpoint at the boundary after each step with effects, a resume from one that runs no
 * completed step again and re-runs the step in flight with the same idempotency key.
 */
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../core/registry.js';
import { defineStep } from '../../core/step-definition.js';
import { builtinSteps } from '../../steps/index.js';
import { compileFlow } from '../compile.js';
import { expr, flow } from '../test-helpers.js';
import type { ExecuteOptions } from '../types.js';
import { memorySink } from './memory-sink.js';

/** Records each call's idempotency key; blocks while `hold` is set. */
const calls: Array<{ step: string; key: string }> = [];
let hold: Promise<void> | undefined;
const recordStep = defineStep<Record<string, never>>({
  type: 'record',
  title: 'Record',
  category: 'flow-control',
  kind: 'action',
  description: 'Test-only step.',
  config: { type: 'object', properties: {} },
  async execute({ step, idempotencyKey, message }) {
    calls.push({ step: step.id, key: idempotencyKey! });
    if (hold && step.id === 'second') await hold;
    return { vars: { ...message.vars, [step.id]: true } };
  },
});
const registry = createRegistry([...builtinSteps, recordStep]);

const steps = [
  { id: 'first', type: 'record' },
  {
    id: 'guard',
    type: 'try',
    steps: [{ id: 'second', type: 'record' }],
    catch: [{ id: 'any', config: { errorTypes: ['ANY'] }, steps: [] }],
  },
  { id: 'third', type: 'set-variable', config: { name: 'done', value: expr('vars.first and vars.second') } },
];

describe('durable executions', () => {
  it('checkpoints every step boundary and, resumed, re-runs only the step in flight with its key', async () => {
    calls.length = 0;
    const compiled = compileFlow('durable', { ...flow(steps), execution: 'durable' }, registry);
    expect(compiled.execution).toBe('durable');
    const memory = memorySink();
    let release!: () => void;
    hold = new Promise((resolve) => (release = resolve));
    const options: ExecuteOptions = { executionId: 'e-1', checkpoints: memory.sink };
    // The first run is abandoned while "second" is in flight, as a crash would leave it.
    const controller = new AbortController();
    const abandoned = compiled.execute({ payload: { n: 1 } }, { ...options, signal: controller.signal });
    await expect.poll(() => calls.length).toBe(2);
    const crashed = structuredClone(memory.unfinished.get('e-1')!);
    controller.abort();
    await abandoned;
    release();
    hold = undefined;
    expect(crashed.trace.map((entry) => entry.stepId)).toEqual(['first']);

    calls.length = 0;
    const record = await compiled.execute(crashed.input, { ...options, resume: crashed });
    expect(record.status).toBe('succeeded');
    expect(record.result?.vars.done).toBe(true);
    expect(calls).toEqual([{ step: 'second', key: 'e-1:second:1' }]);
    expect(record.steps.map((entry) => entry.stepId)).toEqual(['first', 'second', 'third']);
    expect(memory.finished.has('e-1')).toBe(true);
  });

  it('a flow without scopes checkpoints once per step too (it runs through the machine)', async () => {
    const linear = [steps[0], { id: 'middle', type: 'record' }, steps[2]];
    const compiled = compileFlow('linear', { ...flow(linear), execution: 'durable' }, registry);
    const memory = memorySink();
    const record = await compiled.execute({ payload: {} }, { executionId: 'e-2', checkpoints: memory.sink });
    expect(record.status).toBe('succeeded');
    // After each step but the last, whose end is the finish record (the start record stands for the start).
    expect(memory.checkpoints()).toBe(2);
  });

  it('writes no checkpoint after pure steps: they are re-run from the last one after a crash', async () => {
    const pure = [
      { id: 'a', type: 'set-variable', config: { name: 'a', value: 1 } },
      { id: 'b', type: 'set-variable', config: { name: 'b', value: 2 } },
      steps[0],
      { id: 'c', type: 'set-variable', config: { name: 'c', value: 3 } },
    ];
    const compiled = compileFlow('pure', { ...flow(pure), execution: 'durable' }, registry);
    const memory = memorySink();
    const record = await compiled.execute({ payload: {} }, { executionId: 'e-6', checkpoints: memory.sink });
    expect(record.status).toBe('succeeded');
    // One, after "first" (the step with effects); none for a, b and c (c's end is in the finish record).
    expect(memory.checkpoints()).toBe(1);
  });

  it('fails with EXECUTION:RESUME when the flow changed so that the checkpointed state is gone', async () => {
    const before = compileFlow('changed', { ...flow(steps), execution: 'durable' }, registry);
    const memory = memorySink();
    let release!: () => void;
    hold = new Promise((resolve) => (release = resolve));
    const controller = new AbortController();
    const options = { executionId: 'e-4', checkpoints: memory.sink };
    const abandoned = before.execute({ payload: {} }, { ...options, signal: controller.signal });
    await expect.poll(() => memory.unfinished.get('e-4')?.snapshot).toBeDefined();
    const saved = structuredClone(memory.unfinished.get('e-4')!);
    controller.abort();
    await abandoned;
    release();
    hold = undefined;
    const renamed = [steps[0], { ...steps[1], id: 'other-guard' }, steps[2]];
    const after = compileFlow('changed', { ...flow(renamed), execution: 'durable' }, registry);
    const record = await after.execute(saved.input, { ...options, resume: saved });
    expect(record.status).toBe('failed');
    expect(record.error).toMatchObject({ type: 'EXECUTION:RESUME' });
    expect(record.error?.message).toContain('cannot resume execution e-4 of flow "changed"');
  });

  it('fails with EXECUTION:CHECKPOINT, before the next step, when a checkpoint cannot be written', async () => {
    calls.length = 0;
    const memory = memorySink();
    const failing = { ...memory.sink, checkpoint: async () => Promise.reject(new Error('ENOSPC: no space left')) };
    const linear = [steps[0], { id: 'next', type: 'record' }];
    const compiled = compileFlow('full-disk', { ...flow(linear), execution: 'durable' }, registry);
    const record = await compiled.execute({ payload: {} }, { executionId: 'e-5', checkpoints: failing });
    expect(record.status).toBe('failed');
    expect(record.error).toMatchObject({ type: 'EXECUTION:CHECKPOINT' });
    expect(record.error?.message).toContain('could not write the checkpoint of execution e-5: ENOSPC');
    expect(calls.map((call) => call.step)).toEqual(['first']);
  });

  it('express flows write no checkpoint and steps see execution "express"', async () => {
    const compiled = compileFlow('express', flow([steps[0]]), registry);
    expect(compiled.execution).toBe('express');
    const memory = memorySink();
    await compiled.execute({ payload: {} }, { executionId: 'e-3', checkpoints: memory.sink });
    expect(memory.checkpoints()).toBe(0);
  });
});
