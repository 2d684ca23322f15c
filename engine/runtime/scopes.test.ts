import { beforeEach, describe, expect, it } from 'vitest';
import { compileFlow } from './compile.js';
import { expr, flow, probeCalls, testRegistry } from './test-helpers.js';
import type { StepNode } from '../flow/document.js';

const run = (steps: StepNode[], payload: unknown = {}) =>
  compileFlow('scopes', flow(steps), testRegistry).execute({ payload });

const raise = (id: string, errorType: string) => ({
  id,
  type: 'raise-error',
  config: { errorType, message: `raised ${errorType}` },
});
const setVar = (id: string, name: string, value: unknown) => ({ id, type: 'set-variable', config: { name, value } });
const tryStep = (id: string, steps: StepNode[], catches: Array<{ id: string; config: object; steps: StepNode[] }>) => ({
  id,
  type: 'try',
  steps,
  catch: catches,
});

beforeEach(() => probeCalls.clear());

describe('Try', () => {
  it('runs the first matching handler, exposes the error, and continues after the Try', async () => {
    const record = await run([
      tryStep(
        'guard',
        [setVar('before', 'a', 1), raise('boom', 'CUSTOM:BOOM'), setVar('never', 'b', 2)],
        [
          { id: 'only-http', config: { errorTypes: ['HTTP'] }, steps: [setVar('wrong', 'handler', 'http')] },
          { id: 'custom', config: { errorTypes: ['CUSTOM:BOOM'] }, steps: [setVar('seen', 'seen', expr('error'))] },
          { id: 'any', config: { errorTypes: ['ANY'] }, steps: [setVar('late', 'handler', 'any')] },
        ],
      ),
      setVar('after', 'errorLeft', expr('$exists(error)')),
    ]);
    expect(record.status).toBe('succeeded');
    expect(record.result?.vars.seen).toEqual({ type: 'CUSTOM:BOOM', message: 'raised CUSTOM:BOOM', step: 'boom' });
    expect(record.result?.vars.handler).toBeUndefined();
    expect(record.result?.vars.errorLeft).toBe(false);
    expect(record.result?.error).toBeUndefined();
    expect(record.steps.map((step) => `${step.stepId}:${step.status}`)).toEqual([
      'before:succeeded',
      'boom:failed',
      'seen:succeeded',
      'after:succeeded',
    ]);
  });

  it('sends an error the inner Try does not handle to the outer Try', async () => {
    const record = await run([
      tryStep(
        'outer',
        [
          tryStep('inner', [raise('boom', 'CUSTOM:BOOM')], [
            { id: 'inner-http', config: { errorTypes: ['HTTP'] }, steps: [setVar('inner-seen', 'by', 'inner')] },
          ]),
          setVar('skipped', 'x', 1),
        ],
        [{ id: 'outer-any', config: { errorTypes: ['ANY'] }, steps: [setVar('outer-seen', 'by', 'outer')] }],
      ),
    ]);
    expect(record.status).toBe('succeeded');
    expect(record.result?.vars).toEqual({ by: 'outer' });
  });

  it('lets the inner Try handle what it matches, so the outer handler never runs', async () => {
    const record = await run([
      tryStep(
        'outer',
        [tryStep('inner', [raise('boom', 'HTTP:STATUS')], [{ id: 'c1', config: { errorTypes: ['HTTP'] }, steps: [setVar('i', 'by', 'inner')] }])],
        [{ id: 'c2', config: { errorTypes: ['ANY'] }, steps: [setVar('o', 'by', 'outer')] }],
      ),
    ]);
    expect(record.result?.vars).toEqual({ by: 'inner' });
  });

  it('propagates an unmatched error to the flow, which fails with the type and step', async () => {
    const record = await run([
      tryStep('guard', [raise('boom', 'CUSTOM:BOOM')], [{ id: 'c', config: { errorTypes: ['HTTP:STATUS'] }, steps: [] }]),
      setVar('after', 'x', 1),
    ]);
    expect(record.status).toBe('failed');
    expect(record.error).toMatchObject({ type: 'CUSTOM:BOOM', step: 'boom' });
    expect(record.result).toBeUndefined();
  });

  it('sends an error raised inside a handler to the enclosing Try', async () => {
    const record = await run([
      tryStep(
        'outer',
        [tryStep('inner', [raise('first', 'CUSTOM:ONE')], [{ id: 'c1', config: { errorTypes: ['ANY'] }, steps: [raise('second', 'CUSTOM:TWO')] }])],
        [{ id: 'c2', config: { errorTypes: ['CUSTOM:TWO'] }, steps: [setVar('seen', 'from', expr('error.step'))] }],
      ),
    ]);
    expect(record.status).toBe('succeeded');
    expect(record.result?.vars.from).toBe('second');
  });

  it('retries the body from the message it was entered with, then succeeds', async () => {
    const record = await run([
      setVar('start', 'count', 0),
      tryStep(
        'guard',
        [setVar('dirty', 'dirty', true), { id: 'flaky', type: 'probe', config: { key: 'flaky', failures: 2 } }],
        [{ id: 'retry', config: { errorTypes: ['PROBE'], retries: 3, retryIntervalMs: 5 }, steps: [setVar('h', 'handled', true)] }],
      ),
    ]);
    expect(record.status).toBe('succeeded');
    expect(record.result?.vars).toEqual({ count: 0, dirty: true, flaky: 3 });
    const attempts = record.steps.filter((step) => step.stepId === 'flaky').map((step) => [step.attempt, step.status]);
    expect(attempts).toEqual([
      [1, 'failed'],
      [2, 'failed'],
      [3, 'succeeded'],
    ]);
  });

  it('runs the handler once the retries are used up', async () => {
    const started = Date.now();
    const record = await run([
      tryStep(
        'guard',
        [{ id: 'flaky', type: 'probe', config: { key: 'always', failures: 99 } }],
        [{ id: 'retry', config: { errorTypes: ['ANY'], retries: 2, retryIntervalMs: 20, backoff: 'exponential' }, steps: [setVar('h', 'calls', expr('error.details.calls'))] }],
      ),
    ]);
    expect(record.status).toBe('succeeded');
    expect(record.result?.vars.calls).toBe(3);
    // 20 ms then 40 ms of backoff
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });
});

describe('Choice', () => {
  const choice = (otherwise: StepNode[] = [setVar('o', 'route', 'otherwise')]) => ({
    id: 'route',
    type: 'choice',
    when: [
      { id: 'big', config: { condition: expr('payload.amount > 100') }, steps: [setVar('b', 'route', 'big')] },
      { id: 'medium', config: { condition: expr('payload.amount > 10') }, steps: [setVar('m', 'route', 'medium')] },
    ],
    otherwise,
  });

  it.each([
    [500, 'big'],
    [50, 'medium'],
    [5, 'otherwise'],
  ])('amount %s takes the %s branch (first true wins)', async (amount, route) => {
    const record = await run([choice()], { amount });
    expect(record.result?.vars.route).toBe(route);
    expect(record.steps[0]).toMatchObject({ stepId: 'route', output: { branch: route } });
  });

  it('passes through with an empty otherwise', async () => {
    const record = await run([choice([])], { amount: 1 });
    expect(record.status).toBe('succeeded');
    expect(record.result?.vars).toEqual({});
  });

  it('fails with VALIDATION when a condition is not a boolean', async () => {
    const record = await run(
      [{ id: 'route', type: 'choice', when: [{ id: 'w', config: { condition: expr('payload') }, steps: [] }] }],
      { amount: 1 },
    );
    expect(record.error).toMatchObject({ type: 'VALIDATION', step: 'route' });
    expect(record.error?.message).toContain('must be true or false');
  });
});

describe('For Each', () => {
  it('runs the body per item with item and counter, keeps variables, restores the payload', async () => {
    const record = await run(
      [
        setVar('init', 'total', 0),
        {
          id: 'each',
          type: 'for-each',
          config: { items: expr('payload.orders'), resultsVariable: 'doubled' },
          steps: [
            setVar('sum', 'total', expr('vars.total + vars.item.amount')),
            setVar('last', 'lastIndex', expr('vars.counter')),
            { id: 'out', type: 'set-payload', config: { value: expr('payload.amount * 2') } },
          ],
        },
      ],
      { orders: [{ amount: 1 }, { amount: 2 }, { amount: 3 }], keep: true },
    );
    expect(record.status).toBe('succeeded');
    expect(record.result?.payload).toEqual({ orders: [{ amount: 1 }, { amount: 2 }, { amount: 3 }], keep: true });
    expect(record.result?.vars).toEqual({ total: 6, lastIndex: 2, doubled: [2, 4, 6] });
    expect(record.steps.filter((step) => step.stepId === 'sum').map((step) => step.iteration)).toEqual([0, 1, 2]);
  });

  it('hands out batches when batchSize is set', async () => {
    const record = await run(
      [
        {
          id: 'each',
          type: 'for-each',
          config: { items: [1, 2, 3, 4, 5], batchSize: 2, resultsVariable: 'sizes' },
          steps: [{ id: 'size', type: 'set-payload', config: { value: expr('$count(payload)') } }],
        },
      ],
    );
    expect(record.result?.vars.sizes).toEqual([2, 2, 1]);
  });

  it('fails with VALIDATION naming the field when items is not an array', async () => {
    const record = await run([{ id: 'each', type: 'for-each', config: { items: expr('payload.missing') }, steps: [] }]);
    expect(record.error).toMatchObject({ type: 'VALIDATION', step: 'each', details: { pointer: '/steps/0/config/items' } });
    expect(record.error?.message).toContain('missing required field "items" (Items): expected a list');
    const given = await run([{ id: 'each', type: 'for-each', config: { items: expr('"a, b"') }, steps: [] }]);
    expect(given.error?.message).toBe('step "each": /steps/0/config/items: expected a list, got a string');
  });

  it('leaves the loop when the body fails and lets a Try around it catch the error', async () => {
    const record = await run([
      tryStep(
        'guard',
        [
          {
            id: 'each',
            type: 'for-each',
            config: { items: [1, 2, 3] },
            steps: [
              {
                id: 'maybe',
                type: 'choice',
                when: [{ id: 'two', config: { condition: expr('payload = 2') }, steps: [raise('stop', 'CUSTOM:TWO')] }],
              },
              setVar('seen', 'seen', expr('vars.item')),
            ],
          },
        ],
        [{ id: 'c', config: { errorTypes: ['CUSTOM'] }, steps: [setVar('h', 'caughtAt', expr('vars.counter'))] }],
      ),
    ]);
    expect(record.status).toBe('succeeded');
    expect(record.result?.vars.caughtAt).toBe(1);
    expect(record.result?.vars.seen).toBe(1);
  });
});

describe('disabled steps', () => {
  it('skips a disabled scope step and records it as skipped', async () => {
    const record = await run([
      { ...tryStep('guard', [raise('boom', 'CUSTOM:BOOM')], [{ id: 'c', config: { errorTypes: ['ANY'] }, steps: [] }]), disabled: true },
      setVar('after', 'done', true),
    ]);
    expect(record.status).toBe('succeeded');
    expect(record.steps.map((step) => `${step.stepId}:${step.status}`)).toEqual(['guard:skipped', 'after:succeeded']);
  });

  it('hands a Catch handler the message the failing step received, even mid-sequence', async () => {
    const record = await run([
      tryStep(
        'guard',
        [setVar('first', 'a', 1), setVar('second', 'b', 2), raise('boom', 'CUSTOM:X'), setVar('never', 'c', 3)],
        [{ id: 'c', config: { errorTypes: ['ANY'] }, steps: [setVar('seen', 'seen', expr('$keys(vars)'))] }],
      ),
    ]);
    expect(record.result?.vars.seen).toEqual(['a', 'b']);
  });
});
