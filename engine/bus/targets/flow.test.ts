/**
 * @module Tests of the flow target: the input a flow gets for one event, a transformed one and a batch, and a
 * failed execution as a failed delivery.
 */
import { describe, expect, it } from 'vitest';
import { realClock } from '../../runtime/clock.js';
import type { ExecutionRecord } from '../../runtime/types.js';
import type { BusServices, DeliveryContext, DeliveryItem, RunFlow } from '../types.js';
import { flowInput, flowTarget, type FlowTargetConfig } from './flow.js';

const event = {
  specversion: '1.0',
  id: 'e-1',
  source: 'cvm.cloud.tencent',
  type: 't',
  subject: 'ins-1',
  data: { a: 1 },
};
const item = (payload: unknown = event, transformed = false, id = 'e-1'): DeliveryItem => ({
  event: { ...event, id },
  payload,
  transformed,
  bus: 'default',
  rule: 'cvm',
  acceptedAt: 1,
});

function record(status: ExecutionRecord['status'], error?: ExecutionRecord['error']): ExecutionRecord {
  return {
    id: 'x-1',
    flowId: 'f',
    status,
    startedAt: 0,
    endedAt: 1,
    durationMs: 1,
    input: { payload: null },
    steps: [],
    logs: [],
    ...(error ? { error } : {}),
  };
}

function context(runFlow?: RunFlow): DeliveryContext<FlowTargetConfig> {
  const services: BusServices = {
    fetch,
    clock: realClock,
    logStore: { append: async () => {} },
    ...(runFlow ? { runFlow } : {}),
  };
  return {
    config: { flow: 'alarm' },
    target: { bus: 'default', rule: 'cvm', id: 'f', type: 'flow' },
    attempt: 1,
    signal: new AbortController().signal,
    services,
  };
}

describe('flowInput', () => {
  it('gives one event as the event trigger does: the event as payload, attributes with bus and rule', () => {
    expect(flowInput([item()])).toEqual({
      payload: event,
      attributes: {
        specversion: '1.0',
        id: 'e-1',
        source: 'cvm.cloud.tencent',
        type: 't',
        subject: 'ins-1',
        bus: 'default',
        rule: 'cvm',
      },
    });
  });

  it('gives a transformed event its transform output as payload, and a batch {"EventList": [...]}', () => {
    expect(flowInput([item({ x: 1 }, true)]).payload).toEqual({ x: 1 });
    expect(flowInput([item(), item({ y: 2 }, true, 'e-2')])).toEqual({
      payload: { EventList: [event, { y: 2 }] },
      attributes: { bus: 'default', rule: 'cvm', batch: true, eventIds: ['e-1', 'e-2'] },
    });
  });
});

describe('flow target', () => {
  it('runs the flow and reports its execution id', async () => {
    const calls: unknown[] = [];
    const runFlow: RunFlow = async (flowId, input, options) => {
      calls.push({ flowId, input, trigger: options.trigger, hasId: typeof options.executionId === 'string' });
      return record('succeeded');
    };
    expect(await flowTarget.deliver([item()], context(runFlow))).toEqual({
      executionId: 'x-1',
      detail: 'flow alarm succeeded',
    });
    expect(calls).toEqual([{ flowId: 'alarm', input: flowInput([item()]), trigger: 'event', hasId: true }]);
  });

  it.each([
    [record('failed', { type: 'HTTP:STATUS', message: 'answered 502' }), 'HTTP:STATUS'],
    [record('timed-out'), 'TIMEOUT'],
  ])('fails with the execution error type', async (result, type) => {
    await expect(flowTarget.deliver([item()], context(async () => result))).rejects.toMatchObject({
      type,
      details: { executionId: 'x-1' },
    });
  });

  it('reports an execution cancelled by a stopping server as a failure inside flowbus (no attempt counted)', async () => {
    await expect(flowTarget.deliver([item()], context(async () => record('cancelled')))).rejects.toMatchObject({
      type: 'BUS:INTERNAL',
    });
  });

  it('derives the execution id from bus, events, rule, target and attempt: a redelivery gets the same', async () => {
    const ids: string[] = [];
    const runFlow: RunFlow = async (_flowId, _input, options) => {
      ids.push(options.executionId!);
      return record('succeeded');
    };
    await flowTarget.deliver([item()], context(runFlow));
    await flowTarget.deliver([item()], context(runFlow));
    await flowTarget.deliver([item()], { ...context(runFlow), attempt: 2 });
    await flowTarget.deliver([item({ n: 1 }, false, 'e-2')], context(runFlow));
    expect(ids[0]).toMatch(/^d-[0-9a-f]{32}$/);
    expect(ids[1]).toBe(ids[0]);
    expect(new Set(ids).size).toBe(3);
  });

  it('fails without retry when the bus cannot run flows', async () => {
    await expect(flowTarget.deliver([item()], context())).rejects.toMatchObject({
      type: 'BUS:NO_FLOW_RUNNER',
      details: { retryable: false },
    });
  });
});

describe('target registry', () => {
  it('refuses a type registered twice', async () => {
    const { createTargetRegistry } = await import('./registry.js');
    const twice = () => createTargetRegistry([flowTarget, flowTarget]);
    expect(twice).toThrow('target type "flow" is registered twice');
    expect(createTargetRegistry([flowTarget]).get('flow')).toBe(flowTarget);
  });
});
