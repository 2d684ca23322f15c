/**
 * @module Tests of the flow warnings: each warning is raised where it should be and nowhere else.
 */
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../core/registry.js';
import { defineStep } from '../core/step-definition.js';
import { builtinSteps } from '../steps/index.js';
import { validateFlow } from './validate.js';
import { findFlowWarnings } from './warnings.js';

const robot = defineStep({
  type: 'robot',
  title: 'Robot',
  category: 'connector',
  kind: 'action',
  description: 'Sends to a robot.',
  config: { type: 'object', properties: { text: { type: 'string' } } },
  errors: [{ type: 'WECOM:RATE_LIMITED', description: 'Too many messages.' }],
  execute: async () => {},
});
const registry = createRegistry([...builtinSteps, robot]);

const trigger = { id: 'in', type: 'http', config: { path: '/x' } };
const flowOf = (steps: unknown[], triggerNode: unknown = trigger) => ({
  format: 'flowbus/flow@1',
  name: 'Warnings',
  trigger: triggerNode,
  steps,
});
const log = (id: string, content: unknown) => ({ id, type: 'logger', config: { content } });
const tryOf = (steps: unknown[], handlers: Array<{ id: string; types: string[]; steps?: unknown[] }>) => ({
  id: 'guard',
  type: 'try',
  steps,
  catch: handlers.map(({ id, types, steps: handlerSteps = [] }) => ({ id, config: { errorTypes: types }, steps: handlerSteps })),
});

/** The warnings of a flow the validator accepts (each case must be a valid flow: warnings never block). */
function warningsOf(document: unknown) {
  expect(validateFlow(document, registry)).toEqual([]);
  return findFlowWarnings(document, registry, { file: 'w.flow.json' }).map(({ pointer, stepId, code, severity }) => ({ pointer, stepId, code, severity }));
}

describe('error read outside a Catch', () => {
  it('warns for a Logger reading error.message at the top of the flow', () => {
    expect(warningsOf(flowOf([log('log', { $expr: 'error.message' })]))).toEqual([
      { pointer: '/steps/0/config/content', stepId: 'log', code: 'error-outside-catch', severity: 'warning' },
    ]);
  });

  it('warns for a template hole and for the reply of the trigger', () => {
    const reply = { ...trigger, config: { path: '/x', response: { body: { $expr: 'error' } } } };
    const warnings = warningsOf(flowOf([log('log', { $template: 'failed: {{ error.type }}' })], reply));
    expect(warnings.map((warning) => warning.pointer)).toEqual(['/trigger/config/response/body', '/steps/0/config/content']);
  });

  it('does not warn inside a Catch handler, for nested steps too, nor for the word in a string', () => {
    const handled = tryOf([], [{ id: 'any', types: ['ANY'], steps: [{ id: 'inner', type: 'try', steps: [log('deep', { $expr: 'error.message' })], catch: [{ id: 'inner-any', config: { errorTypes: ['ANY'] }, steps: [] }] }] }]);
    expect(warningsOf(flowOf([handled, log('text', { $expr: '"error.message"' })]))).toEqual([]);
  });

  it('warns in the Try body itself, which runs before any error', () => {
    const codes = warningsOf(flowOf([tryOf([log('body', { $expr: 'error.type' })], [{ id: 'any', types: ['ANY'] }])]));
    expect(codes).toEqual([{ pointer: '/steps/0/steps/0/config/content', stepId: 'body', code: 'error-outside-catch', severity: 'warning' }]);
  });
});

describe('variables read before they are set', () => {
  it('warns for vars.x that no earlier step sets, and not once a Set Variable before it does', () => {
    const steps = [
      log('before', { $expr: 'vars.order' }),
      { id: 'set', type: 'set-variable', config: { name: 'order', value: 1 } },
      log('after', { $expr: 'vars.order' }),
    ];
    expect(warningsOf(flowOf(steps))).toEqual([{ pointer: '/steps/0/config/content', stepId: 'before', code: 'unset-variable', severity: 'warning' }]);
  });

  it('knows the For Each item variable (its default too), a Transform key and an HTTP Request output variable', () => {
    const steps = [
      { id: 'each', type: 'for-each', config: { items: [1] }, steps: [log('item', { $expr: 'vars.item & vars.counter' })] },
      { id: 'shape', type: 'transform', config: { vars: { region: 'sh' } } },
      { id: 'call', type: 'http-request', config: { method: 'GET', url: 'https://example.test', outputVariable: 'answer' } },
      log('use', { $expr: 'vars.region & vars.answer.status' }),
    ];
    expect(warningsOf(flowOf(steps))).toEqual([]);
  });

  it('reads inside a later path step are not message variables', () => {
    expect(warningsOf(flowOf([log('items', { $expr: 'payload.items.(vars.price)' })]))).toEqual([]);
  });
});

describe('steps that never run', () => {
  it('warns at the first step after a Raise Error, and not after a disabled one', () => {
    const raise = { id: 'stop', type: 'raise-error', config: { errorType: 'ORDER:INVALID', message: 'no' } };
    expect(warningsOf(flowOf([raise, log('after', 'x'), log('later', 'y')]))).toEqual([
      { pointer: '/steps/1', stepId: 'after', code: 'unreachable-step', severity: 'warning' },
    ]);
    expect(warningsOf(flowOf([{ ...raise, disabled: true }, log('after', 'x')]))).toEqual([]);
  });
});

describe('Catch error types that never match', () => {
  it('warns for a type an earlier handler catches already', () => {
    const guard = tryOf([{ id: 'send', type: 'robot', config: {} }], [
      { id: 'wecom', types: ['WECOM'] },
      { id: 'limited', types: ['WECOM:RATE_LIMITED', 'ANY'] },
    ]);
    expect(warningsOf(flowOf([guard]))).toEqual([
      { pointer: '/steps/0/catch/1/config/errorTypes/0', stepId: 'limited', code: 'unused-catch-type', severity: 'warning' },
    ]);
  });

  it('warns for a known namespace no step in the Try raises, not for one a step declares', () => {
    const guard = tryOf([{ id: 'send', type: 'robot', config: {} }], [{ id: 'http', types: ['HTTP:STATUS', 'WECOM:RATE_LIMITED', 'EXPRESSION'] }]);
    expect(warningsOf(flowOf([guard]))).toEqual([
      { pointer: '/steps/0/catch/0/config/errorTypes/0', stepId: 'http', code: 'unused-catch-type', severity: 'warning' },
    ]);
  });

  it('says nothing when a step in the Try may raise any type', () => {
    const raise = { id: 'stop', type: 'raise-error', config: { errorType: 'HTTP:STATUS', message: 'no' } };
    expect(warningsOf(flowOf([tryOf([raise], [{ id: 'http', types: ['HTTP:STATUS'] }])]))).toEqual([]);
  });
});

it('names the file and says "warning" when formatted', async () => {
  const { formatIssue } = await import('../core/issues.js');
  const [warning] = findFlowWarnings(flowOf([log('log', { $expr: 'error.message' })]), registry, { file: 'w.flow.json' });
  expect(formatIssue(warning!)).toMatch(/^w\.flow\.json:\/steps\/0\/config\/content: warning: reads `error` outside a Catch .*\(step "log"\)$/);
});
