/**
 * @module Tests of what one execution may hold: trace and log entries, message and value sizes, Logger
 * content, the pace of long loops, and the message of a recursion.
 */
import { describe, expect, it } from 'vitest';
import type { StepNode } from '../flow/document.js';
import { BoundedList } from './bounded-list.js';
import { compileFlow } from './compile.js';
import { describeChain } from './step-runner.js';
import { expr, flow, testRegistry } from './test-helpers.js';
import type { CompiledFlow, ExecuteOptions } from './types.js';

const compile = (steps: StepNode[], id = 'limits') => compileFlow(id, flow(steps), testRegistry);
const forEach = (items: string, steps: StepNode[], config: Record<string, unknown> = {}): StepNode =>
  ({ id: 'each', type: 'for-each', config: { items: expr(items), ...config }, steps }) as StepNode;
const log = (content: unknown): StepNode => ({ id: 'log', type: 'logger', config: { level: 'INFO', content } });
const setPayload = (id: string, value: unknown): StepNode => ({ id, type: 'set-payload', config: { value } });

describe('a bounded list', () => {
  it.each([
    [4, 3, ['0', '1', '2'], undefined],
    [4, 6, ['0', '1', '4', '5'], { count: 2, after: 2, byKey: { '2': 1, '3': 1 } }],
    [5, 9, ['0', '1', '2', '7', '8'], { count: 4, after: 3, byKey: { '3': 1, '4': 1, '5': 1, '6': 1 } }],
  ])('of capacity %i with %i entries keeps %j', (capacity, pushed, kept, elision) => {
    const list = new BoundedList<string>(capacity, (item) => item);
    for (let index = 0; index < pushed; index++) list.push(String(index));
    expect(list.items()).toEqual(kept);
    expect(list.elision()).toEqual(elision);
  });
});

describe('the trace of a long loop', () => {
  it('keeps the first and last entries and counts the rest, per step', async () => {
    const record = await compile([forEach('[1..500]', [setPayload('double', expr('payload * 2'))])]).execute(
      { payload: {} },
      { limits: { traceEntries: 10 } },
    );
    expect(record.status).toBe('succeeded');
    expect(record.steps).toHaveLength(10);
    expect(record.steps.slice(0, 5).map((step) => [step.stepId, step.iteration])).toEqual([
      ['each', undefined],
      ['double', 0],
      ['double', 1],
      ['double', 2],
      ['double', 3],
    ]);
    expect(record.steps.slice(5).map((step) => step.iteration)).toEqual([495, 496, 497, 498, 499]);
    expect(record.elided).toEqual({ steps: { count: 491, after: 5, byKey: { double: 491 } } });
  });

  it('bounds the log entries the same way and cuts long Logger content', async () => {
    const record = await compile([forEach('[1..100]', [log(expr('$pad("", 100, "x")'))])]).execute(
      { payload: {} },
      { limits: { traceEntries: 6, logLineBytes: 40 } },
    );
    expect(record.logs).toHaveLength(6);
    expect(record.elided?.logs).toEqual({ count: 94, after: 3, byKey: { log: 94 } });
    expect(record.logs[0]?.content).toBe(`${'x'.repeat(40)}... [60 more characters cut: limits.logLineBytes]`);
  });
});

describe('bounds on values and messages', () => {
  const failure = async (steps: StepNode[], options: ExecuteOptions) => {
    const record = await compile(steps).execute({ payload: {} }, options);
    expect(record.status).toBe('failed');
    return record.error;
  };

  it.each([
    ['a padded string', setPayload('big', expr('$pad("", 200000000, "x")')), 'EXPRESSION:LIMIT', 'big'],
    ['a range', setPayload('range', expr('[1..10000000]')), 'EXPRESSION:LIMIT', 'range'],
    ['a join', setPayload('join', expr('$join([1..200].$string(), $pad("", 9000, "-"))')), 'EXPRESSION:LIMIT', 'join'],
    ['For Each items', forEach('[1..10000000]', []), 'EXPRESSION:LIMIT', 'each'],
  ])('%s over limits.valueBytes fails with %s naming the step', async (_, step, type, stepId) => {
    const error = await failure([step], { limits: { valueBytes: 1_000_000 } });
    expect(error).toMatchObject({ type, step: stepId, details: { limit: 'limits.valueBytes' } });
    expect(error?.message).toContain('limits.valueBytes');
  });

  it('a message that grows past limits.messageBytes fails with EXECUTION:LIMIT naming the step', async () => {
    const grow = { id: 'grow', type: 'set-variable', config: { name: 'all', value: expr('$append(vars.all, $pad("", 1000, "x"))') } };
    const error = await failure([forEach('[1..100]', [grow as StepNode])], { limits: { messageBytes: 20_000 } });
    expect(error).toMatchObject({ type: 'EXECUTION:LIMIT', step: 'grow', details: { limit: 'limits.messageBytes' } });
  });

  it('For Each results that grow past limits.messageBytes fail with EXECUTION:LIMIT naming the For Each', async () => {
    const steps = [forEach('[1..100]', [setPayload('piece', expr('$pad("", 1000, "x")'))], { resultsVariable: 'all' })];
    const error = await failure(steps, { limits: { messageBytes: 20_000 } });
    expect(error).toMatchObject({ type: 'EXECUTION:LIMIT', step: 'each' });
    expect(error?.message).toContain('"all"');
  });
});

describe('the pace of long loops', () => {
  it.each([
    ['an empty body', []],
    ['a body of one step', [setPayload('same', expr('payload'))]],
  ])('a For Each with %s hands the event loop back while it runs', { timeout: 60_000 }, async (_, body) => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      const started = performance.now();
      // Long enough to keep the event loop past the 10 ms pace even without an actor per iteration (express).
      const record = await compile([forEach('[1..100000]', body as StepNode[])]).execute({ payload: {} });
      expect(record.status).toBe('succeeded');
      const elapsed = performance.now() - started;
      // A loop that never yields lets no timer fire; one that yields every ~10 ms lets about elapsed / 10.
      expect(ticks).toBeGreaterThanOrEqual(Math.min(5, Math.floor(elapsed / 40)));
      expect(ticks).toBeGreaterThan(0);
    } finally {
      clearInterval(timer);
    }
  });
});

describe('a flow that calls itself', () => {
  const flows = new Map<string, CompiledFlow>();
  const services = { resolveFlow: (id: string) => flows.get(id) };
  const call = (flowId: string): StepNode => ({ id: 'again', type: 'flow-reference', config: { flow: flowId } });
  flows.set('selfref', compile([call('selfref')], 'selfref'));
  flows.set('failing', compile([{ id: 'boom', type: 'raise-error', config: { errorType: 'CUSTOM:NO', message: 'no' } }], 'failing'));
  flows.set('middle', compile([call('failing')], 'middle'));

  it('says once where the recursion was refused, with the chain of flows', async () => {
    const record = await flows.get('selfref')!.execute({ payload: {} }, { services });
    expect(record.error?.type).toBe('FLOW:RECURSION');
    expect(record.error?.message).toBe('flow references nest deeper than 16 calls; the chain: "selfref" (x18)');
    expect(record.error?.message).not.toContain('in flow');
  });

  it('names the failing flow once, with the flows that called it', async () => {
    const record = await compile([call('middle')], 'outer').execute({ payload: {} }, { services });
    expect(record.error).toMatchObject({ type: 'CUSTOM:NO', message: 'in flow "failing" (called by "outer" → "middle"): no' });
    expect(record.error?.details).toMatchObject({ flowId: 'failing', flowStep: 'boom', calledBy: ['outer', 'middle'] });
  });

  it.each([
    [['a'], '"a"'],
    [['a', 'b', 'b', 'b', 'a'], '"a" → "b" (x3) → "a"'],
  ])('describes the chain %j as %s', (chain, text) => {
    expect(describeChain(chain)).toBe(text);
  });
});
