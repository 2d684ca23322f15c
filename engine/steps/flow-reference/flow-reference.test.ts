/**
 * @module Tests of Flow Reference: the call, its result and errors, and bad flow ids.
 */
import { describe, expect, it } from 'vitest';
import type { Message } from '../../core/message.js';
import { runStep } from '../testing.js';
import { flowReferenceStep } from './index.js';

describe('flow-reference', () => {
  it('calls the flow with the message and signal and outputs its result', async () => {
    let received: { message: Message; signal: AbortSignal } | undefined;
    const { message, context } = await runStep(flowReferenceStep, {
      config: { flow: 'notify-on-call' },
      message: { payload: { id: 1 }, attributes: { a: 1 }, vars: { v: 1 } },
      flows: {
        'notify-on-call': (called, signal) => {
          received = { message: called, signal };
          return { payload: 'done', attributes: { b: 2 }, vars: { ...called.vars, w: 2 } };
        },
      },
    });
    expect(received?.message).toEqual({ payload: { id: 1 }, attributes: { a: 1 }, vars: { v: 1 } });
    expect(received?.signal).toBe(context.signal);
    expect(context.flowCalls.map((call) => call.flowId)).toEqual(['notify-on-call']);
    expect(message).toEqual({ payload: 'done', attributes: { b: 2 }, vars: { v: 1, w: 2 } });
  });

  it('propagates the called flow error unchanged', async () => {
    const run = runStep(flowReferenceStep, { config: { flow: 'missing' } });
    await expect(run).rejects.toMatchObject({
      type: 'FLOW:NOT_FOUND',
      message: 'flow "missing" is not published',
    });
  });

  it.each([
    ['a number', 5, 'flow must be a string, got a number'],
    ['a path', '../secret', 'must be a flow id (the flow file name without .flow.json), got "../secret"'],
    ['a file name', 'a/b.flow.json', 'got "a/b.flow.json"'],
    ['empty', '', 'got ""'],
  ])('rejects a flow id that is %s without calling anything', async (_, flow, message) => {
    const run = runStep(flowReferenceStep, { config: { flow: flow as string } });
    await expect(run).rejects.toMatchObject({
      type: 'VALIDATION',
      message: expect.stringContaining(message),
    });
  });
});
