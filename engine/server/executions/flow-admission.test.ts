/**
 * @module Tests of per-flow admission: the concurrency bound, the waiting queue handing slots on in order,
 * the 429-type refusal past the queue bound, and the bus's unbounded wait.
 */
import { describe, expect, it } from 'vitest';
import { FlowAdmission } from './flow-admission.js';

describe('FlowAdmission', () => {
  it('runs at most `concurrency` of a flow, queues the rest in order, and refuses past the queue', async () => {
    const admission = new FlowAdmission({ concurrency: 2, queueSize: 2 });
    const first = await admission.acquire('f');
    const second = await admission.acquire('f');
    const order: string[] = [];
    const third = admission.acquire('f').then((release) => (order.push('third'), release));
    const fourth = admission.acquire('f').then((release) => (order.push('fourth'), release));
    expect(admission.waiting('f')).toBe(2);
    expect(admission.full('f')).toBe(true);
    expect(admission.full('other')).toBe(false);
    await expect(admission.acquire('f')).rejects.toMatchObject({
      type: 'SERVER:BUSY',
      details: { flowId: 'f', retryAfterSeconds: 1 },
    });
    // Another flow has slots of its own.
    (await admission.acquire('other'))();
    first();
    first();
    (await third)();
    second();
    (await fourth)();
    expect(order).toEqual(['third', 'fourth']);
    expect(admission.waiting('f')).toBe(0);
    // All released: a new start runs at once again.
    const again = await admission.acquire('f');
    again();
  });

  it('lets the bus wait even when the queue is full', async () => {
    const admission = new FlowAdmission({ concurrency: 1, queueSize: 0 });
    const running = await admission.acquire('f');
    await expect(admission.acquire('f')).rejects.toMatchObject({ type: 'SERVER:BUSY' });
    const fromBus = admission.acquire('f', true);
    running();
    (await fromBus)();
  });
});
