import { describe, expect, it } from 'vitest';
import { createRegistry } from '../core/registry.js';
import type { ConfigOf, JsonSchema } from '../core/json-schema.js';
import { defineStep } from '../core/step-definition.js';
import type { StepNode } from '../flow/document.js';
import { builtinSteps } from '../steps/index.js';
import { compileFlow } from './compile.js';
import { expr, flow } from './test-helpers.js';

const noticeSchema = {
  type: 'object',
  properties: {
    subject: { type: 'string', minLength: 1 },
    count: { type: 'integer', default: 1 },
    urgent: { type: 'boolean' },
    level: { type: 'string', enum: ['info', 'alarm'] },
    token: { type: 'string', 'x-secret': true },
    tags: { type: 'array', items: { type: 'string' } },
  },
  required: ['subject'],
  additionalProperties: false,
} as const satisfies JsonSchema;

const received: Array<ConfigOf<typeof noticeSchema>> = [];

const noticeStep = defineStep<ConfigOf<typeof noticeSchema>>({
  type: 'notice',
  title: 'Notice',
  category: 'connector',
  kind: 'action',
  description: 'Test-only step that keeps the config it receives.',
  config: noticeSchema,
  async execute({ config }) {
    received.push(config);
  },
});

const registry = createRegistry([...builtinSteps, noticeStep]);

const run = (config: Record<string, unknown>, payload: unknown = {}) => {
  const steps: StepNode[] = [
    { id: 'keep', type: 'set-variable', config: { name: 'kept', value: 1 } },
    { id: 'notify', type: 'notice', config },
  ];
  received.length = 0;
  return compileFlow('config-check', flow(steps), registry).execute({ payload });
};

describe('evaluated config check', () => {
  it('passes values of the declared types on to execute', async () => {
    const record = await run(
      { subject: expr('payload.subject'), urgent: expr('payload.n > 1'), tags: expr('[payload.subject]') },
      { subject: 'disk full', n: 2 },
    );
    expect(record.status).toBe('succeeded');
    expect(received).toEqual([{ subject: 'disk full', count: 1, urgent: true, tags: ['disk full'] }]);
  });

  it('takes an expression that gives nothing or null as a field left out', async () => {
    const record = await run({ subject: 'x', urgent: expr('payload.missing'), level: expr('null') });
    expect(record.status).toBe('succeeded');
    expect(received).toHaveLength(1);
  });

  it('lets a required field that takes any value be given nothing, as Set Variable stores null', async () => {
    const steps: StepNode[] = [
      { id: 'store', type: 'set-variable', config: { name: 'found', value: expr('payload.missing') } },
    ];
    const record = await compileFlow('config-check', flow(steps), registry).execute({ payload: {} });
    expect(record.status).toBe('succeeded');
    expect(record.result?.vars).toEqual({ found: null });
  });

  it.each([
    ['a wrong type', { urgent: expr('"yes"') }, '/steps/1/config/urgent', 'expected true or false, got a string'],
    ['a value outside an enum', { level: expr('"debug"') }, '/steps/1/config/level', 'expected one of "info", "alarm"'],
    ['a non-integer', { count: expr('1.5') }, '/steps/1/config/count', 'expected an integer, got a number'],
    ['a list item of a wrong type', { tags: expr('["a", 2]') }, '/steps/1/config/tags/1', 'expected a string'],
    ['a required field that gives nothing', { subject: expr('payload.none') }, '/steps/1/config/subject', 'missing'],
  ])('refuses %s, naming the step and the pointer', async (_case, fields, pointer, expected) => {
    const record = await run({ subject: 'disk full', ...fields });
    expect(record.status).toBe('failed');
    expect(received).toEqual([]);
    expect(record.error).toMatchObject({ type: 'VALIDATION', step: 'notify', details: { stepId: 'notify', pointer } });
    expect(record.error?.message).toContain(`step "notify": ${pointer}: `);
    expect(record.error?.message).toContain(expected);
  });

  it('checks a step that contributes states (Delay) too, naming it', async () => {
    const steps: StepNode[] = [{ id: 'wait', type: 'delay', config: { durationMs: expr('payload.wait') } }];
    const record = await compileFlow('config-check', flow(steps), registry).execute({ payload: { wait: -5 } });
    expect(record.error).toMatchObject({ type: 'VALIDATION', step: 'wait', details: { pointer: '/steps/0/config/durationMs' } });
    expect(record.error?.message).toBe('step "wait": /steps/0/config/durationMs: a number must be >= 0');
  });

  it('lists every problem and never quotes a value', async () => {
    const record = await run({ subject: expr('""'), token: expr('123456789'), level: expr('"sekret-level"') });
    expect(record.status).toBe('failed');
    const issues = record.error?.details?.issues as Array<{ pointer: string; message: string }>;
    expect(issues.map((issue) => issue.pointer).sort()).toEqual([
      '/steps/1/config/level',
      '/steps/1/config/subject',
      '/steps/1/config/token',
    ]);
    expect(record.error?.message).toContain('(and 2 more)');
    const text = JSON.stringify(record.error);
    expect(text).not.toContain('123456789');
    expect(text).not.toContain('sekret-level');
  });
});
