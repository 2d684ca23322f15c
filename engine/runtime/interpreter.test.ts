/**
 * @module The express interpreter against the machine it stands in for: each flow runs once through the
 * interpreter and once on the xstate actor (`expressActor`), and the records must be equal but for times.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createRegistry } from '../core/registry.js';
import { defineStep } from '../core/step-definition.js';
import type { StepNode } from '../flow/document.js';
import { builtinSteps } from '../steps/index.js';
import { compileFlow } from './compile.js';
import { expr, flow, probeCalls, probeStep } from './test-helpers.js';
import type { ExecuteOptions, ExecutionRecord } from './types.js';

/** Appends the step's idempotency key to `vars.keys`: retries and loops must give each run its own key. */
const keyStep = defineStep<Record<string, never>>({
  type: 'key',
  title: 'Key',
  category: 'flow-control',
  kind: 'action',
  description: 'Test-only step.',
  config: { type: 'object', properties: {}, additionalProperties: false },
  execute: async ({ message, idempotencyKey }) => ({
    vars: { ...message.vars, keys: [...((message.vars.keys as string[]) ?? []), idempotencyKey!.split(':').slice(1).join(':')] },
  }),
});
const registry = createRegistry([...builtinSteps, probeStep, keyStep]);

const setVar = (id: string, name: string, value: unknown): StepNode => ({ id, type: 'set-variable', config: { name, value } });
const raise = (id: string, errorType: string): StepNode => ({ id, type: 'raise-error', config: { errorType, message: `raised ${errorType}` } });
const probe = (id: string, key: string, failures: number): StepNode => ({ id, type: 'probe', config: { key, failures } });
const key = (id: string): StepNode => ({ id, type: 'key', config: {} });
const tryOf = (id: string, steps: StepNode[], catches: Array<{ id: string; config?: object; steps: StepNode[] }>): StepNode => ({
  id,
  type: 'try',
  config: {},
  steps,
  catch: catches.map((handler) => ({ config: {}, ...handler })),
});
const choice = (id: string, when: Array<[string, string, StepNode[]]>, otherwise: StepNode[]): StepNode => ({
  id,
  type: 'choice',
  config: {},
  when: when.map(([branchId, condition, steps]) => ({ id: branchId, config: { condition: expr(condition) }, steps })),
  otherwise,
});
const forEach = (id: string, items: string, steps: StepNode[], config: object = {}): StepNode => ({
  id,
  type: 'for-each',
  config: { items: expr(items), ...config },
  steps,
});
const retry = (retries: number, errorTypes = ['ANY']) => ({ errorTypes, retries, retryIntervalMs: 0 });

const CASES: Array<[string, StepNode[], ExecuteOptions?]> = [
  ['a handled error', [tryOf('t', [setVar('a', 'a', 1), raise('boom', 'CUSTOM:BOOM'), setVar('never', 'b', 2)], [
    { id: 'http', config: { errorTypes: ['HTTP'] }, steps: [setVar('wrong', 'h', 'http')] },
    { id: 'custom', config: { errorTypes: ['CUSTOM'] }, steps: [setVar('seen', 'seen', expr('error'))] },
  ]), setVar('after', 'left', expr('$exists(error)'))]],
  ['an error no handler matches', [tryOf('outer', [tryOf('inner', [raise('boom', 'CUSTOM:BOOM')], [
    { id: 'only-http', config: { errorTypes: ['HTTP'] }, steps: [] },
  ]), setVar('skipped', 'x', 1)], [{ id: 'any', steps: [setVar('caught', 'by', expr('error.step'))] }])]],
  ['an unhandled error', [setVar('a', 'a', 1), tryOf('t', [raise('boom', 'CUSTOM:BOOM')], [{ id: 'h', config: { errorTypes: ['HTTP'] }, steps: [] }])]],
  ['a handler that fails', [tryOf('t', [raise('boom', 'CUSTOM:A')], [{ id: 'h', steps: [raise('again', 'CUSTOM:B')] }])]],
  ['retries that succeed', [tryOf('t', [key('k'), probe('p', 'p', 2)], [{ id: 'h', config: retry(3), steps: [] }]), key('after')]],
  ['retries that run out', [tryOf('t', [key('k'), probe('p', 'q', 5)], [{ id: 'h', config: retry(2), steps: [key('handled')] }])]],
  ['nested retries', [tryOf('outer', [tryOf('inner', [key('k'), probe('p', 'r', 3)], [
    { id: 'ih', config: retry(1), steps: [raise('up', 'CUSTOM:UP')] },
  ])], [{ id: 'oh', config: retry(1), steps: [key('done')] }])]],
  ['the first branch that holds', [choice('c', [['no', 'false', [setVar('x', 'x', 0)]], ['yes', 'payload.n > 1', [setVar('y', 'y', 1)]]], [setVar('z', 'z', 2)])]],
  ['otherwise', [choice('c', [['no', 'payload.n > 5', [setVar('x', 'x', 0)]]], [setVar('z', 'z', 2)])]],
  ['a condition that is not a boolean', [choice('c', [['bad', '"yes"', []]], [])]],
  ['a loop with results and retries inside', [forEach('each', '[1, 2, 3]', [
    tryOf('t', [key('k'), probe('p', 's', 1), setVar('item', 'seen', expr('vars.item'))], [{ id: 'h', config: retry(1), steps: [] }]),
    { id: 'out', type: 'set-payload', config: { value: expr('vars.item * 10') } },
  ], { resultsVariable: 'all' })]],
  ['a failing loop', [forEach('each', '[1, 2]', [raise('boom', 'CUSTOM:LOOP')])]],
  ['a loop over a non-array', [forEach('each', '"x"', [])]],
  ['a loop whose results grow too large', [forEach('each', '[1..30]', [{ id: 'big', type: 'set-payload', config: { value: expr('$pad("", 1000, "x")') } }], { resultsVariable: 'all' })], { limits: { messageBytes: 10_000 } }],
  ['a delay and a disabled scope', [{ id: 'd', type: 'delay', config: { durationMs: 0 } }, { ...tryOf('off', [raise('boom', 'CUSTOM:X')], [{ id: 'h', config: { errorTypes: ['HTTP'] }, steps: [] }]), disabled: true }, setVar('end', 'e', 1)]],
  ['a dry-run delay', [{ id: 'd', type: 'delay', config: { durationMs: 60_000 } }], { dryRun: true }],
  ['a delay with a bad duration', [{ id: 'd', type: 'delay', config: { durationMs: expr('-1') } }]],
];

/** The record without what differs between two runs: ids and times. */
function comparable(record: ExecutionRecord): unknown {
  const { id: _id, startedAt: _s, endedAt: _e, durationMs: _d, ...rest } = record;
  return { ...rest, steps: rest.steps.map(({ startedAt: _a, endedAt: _b, durationMs: _c, ...step }) => step) };
}

/** A clock that stands still and never waits, so that due times are the same in both runs. */
const clock = { now: () => 1_000_000, sleep: async () => {} };

async function runBoth(steps: StepNode[], extra: ExecuteOptions = {}) {
  const document = flow(steps);
  const options = { ...extra, services: { clock } };
  probeCalls.clear();
  const interpreted = await compileFlow('f', document, registry).execute({ payload: { n: 2 } }, options);
  probeCalls.clear();
  const onActor = await compileFlow('f', document, registry, { expressActor: true }).execute({ payload: { n: 2 } }, options);
  return { interpreted, onActor };
}

beforeEach(() => probeCalls.clear());

describe('express executions without an actor', () => {
  it.each(CASES)('record the same as the machine: %s', async (_, steps, options) => {
    const { interpreted, onActor } = await runBoth(steps, options);
    expect(comparable(interpreted)).toEqual(comparable(onActor));
  });

  it('give each run of a retried body its own idempotency key', async () => {
    const { interpreted } = await runBoth(CASES.find(([name]) => name === 'nested retries')![1]);
    // Inner runs 1 and 2 fail, the outer retry enters the inner Try again (runs 3 and 4): the 4th succeeds.
    expect(interpreted.status).toBe('succeeded');
    expect(interpreted.result?.vars.keys).toEqual(['k:4']);
  });
});
