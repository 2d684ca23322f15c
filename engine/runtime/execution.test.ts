import { beforeEach, describe, expect, it } from 'vitest';
import { compileFlow } from './compile.js';
import { expr, flow, probeCalls, testRegistry } from './test-helpers.js';
import type { StepNode } from '../flow/document.js';
import type { CompiledFlow, LogEntry } from './types.js';
import { FlowbusError } from '../core/errors.js';
import type { Message } from '../core/message.js';
import { summarizeMessage } from './summary.js';
import { REDACTED } from './step-runner.js';
import { createRegistry } from '../core/registry.js';
import { defineStep } from '../core/step-definition.js';

const compile = (steps: StepNode[], id = 'exec') => compileFlow(id, flow(steps), testRegistry);
const setVar = (id: string, name: string, value: unknown) => ({ id, type: 'set-variable', config: { name, value } });

beforeEach(() => probeCalls.clear());

describe('an execution record', () => {
  it('holds the input, every step with times and output, and the final message', async () => {
    const record = await compile([
      setVar('body', 'body', expr('{"region": payload.region, "subject": payload.subject}')),
      { id: 'off', type: 'set-variable', disabled: true, config: { name: 'x', value: 1 } },
      { id: 'text', type: 'set-payload', config: { value: { $template: 'ins {{ vars.body.subject }} in {{ vars.body.region }}' } } },
    ]).execute({ payload: { region: 'ap-guangzhou', subject: 'ins-1' }, attributes: { method: 'POST' } });
    expect(record.status).toBe('succeeded');
    expect(record.input.payload).toEqual({ region: 'ap-guangzhou', subject: 'ins-1' });
    expect(record.result).toEqual({
      payload: 'ins ins-1 in ap-guangzhou',
      attributes: { method: 'POST' },
      vars: { body: { region: 'ap-guangzhou', subject: 'ins-1' } },
    });
    expect(record.steps.map((step) => [step.stepId, step.status, step.path])).toEqual([
      ['body', 'succeeded', '/steps/0'],
      ['off', 'skipped', '/steps/1'],
      ['text', 'succeeded', '/steps/2'],
    ]);
    for (const step of record.steps) {
      expect(step.endedAt).toBeGreaterThanOrEqual(step.startedAt);
      expect(step.durationMs).toBeGreaterThanOrEqual(0);
    }
    expect(record.steps[2].output).toEqual({ payload: 'ins ins-1 in ap-guangzhou', vars: record.result?.vars });
  });

  it('keeps each step output, which summarizeMessage bounds for storage', async () => {
    const record = await compile([
      { id: 'big', type: 'set-payload', config: { value: expr('$join([1..3000].$string(), ",")') } },
    ]).execute({ payload: null });
    const output = record.steps[0].output as Message;
    expect(output.payload).toBe(record.result?.payload);
    const summary = summarizeMessage(output) as { payload: { truncated: boolean; size: number } };
    expect(summary.payload.truncated).toBe(true);
    expect(summary.payload.size).toBeGreaterThan(4096);
  });

  it('collects Logger lines in the record and hands them to the log service', async () => {
    const seen: LogEntry[] = [];
    const record = await compile([
      { id: 'log', type: 'logger', config: { level: 'ERROR', category: 'ebtest', content: expr('"alarm " & payload.id') } },
    ]).execute({ payload: { id: 'a1' } }, { executionId: 'exec-1', services: { log: (entry) => seen.push(entry) } });
    const expected = { level: 'ERROR', category: 'ebtest', content: 'alarm a1', executionId: 'exec-1', flowId: 'exec', stepId: 'log' };
    expect(record.logs).toMatchObject([expected]);
    expect(seen).toMatchObject([expected]);
  });
});

describe('errors become typed errors in the record', () => {
  it('an expression error names the step', async () => {
    const record = await compile([setVar('bad', 'x', expr('$number("abc") + undefinedFn()'))]).execute({ payload: {} });
    expect(record.status).toBe('failed');
    expect(record.error?.type).toMatch(/^EXPRESSION:/);
    expect(record.error?.step).toBe('bad');
  });

  it('a runaway recursive expression stops with EXPRESSION:TIMEOUT', async () => {
    const started = Date.now();
    // Not tail-recursive, so the depth bound stops it long before the time bound would.
    const record = await compile([setVar('loop', 'x', expr('($f := function($n){ $f($n + 1) + 1 }; $f(0))'))]).execute({ payload: {} });
    expect(record.error).toMatchObject({ type: 'EXPRESSION:TIMEOUT', step: 'loop' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('an error that is not ours becomes FLOWBUS:UNEXPECTED and the process goes on', async () => {
    const record = await compile([{ id: 'plain', type: 'probe', config: { key: 'p', throwPlain: true } }]).execute({ payload: {} });
    expect(record.error).toMatchObject({ type: 'FLOWBUS:UNEXPECTED', step: 'plain', message: 'cannot read properties of undefined' });
  });
});

describe('cancellation and time limits', () => {
  const slow = () => compile([{ id: 'slow', type: 'probe', config: { key: 'slow', delayMs: 5000 } }]);

  it('cancels through the signal, which reaches the running step', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const record = await slow().execute({ payload: {} }, { signal: controller.signal });
    expect(record.status).toBe('cancelled');
    expect(record.error?.type).toBe('CANCELLED');
    expect(record.steps).toMatchObject([{ stepId: 'slow', status: 'failed', error: { type: 'CANCELLED' } }]);
    expect(record.durationMs).toBeLessThan(2000);
  });

  it('stops an execution that runs past its timeout', async () => {
    const record = await slow().execute({ payload: {} }, { timeoutMs: 50 });
    expect(record.status).toBe('timed-out');
    expect(record.error).toMatchObject({ type: 'TIMEOUT', message: 'execution exceeded 50 ms' });
  });

  // Guards the HTTP path's cost: an AbortController costs about 2 µs, and an execution that nothing stops needs none.
  it('makes its AbortController only when something needs it, and still stops on time', async () => {
    const Original = globalThis.AbortController;
    let made = 0;
    globalThis.AbortController = class extends Original {
      constructor() {
        super();
        made++;
      }
    };
    try {
      const record = await compile([setVar('body', 'body', expr('{"id": payload.id}'))]).execute({ payload: { id: 1 } });
      expect(record.result?.vars).toEqual({ body: { id: 1 } });
      expect(made).toBe(0);
      const stopped = await slow().execute({ payload: {} }, { timeoutMs: 20 });
      expect(stopped.status).toBe('timed-out');
      expect(made).toBe(1);
    } finally {
      globalThis.AbortController = Original;
    }
  });

  it('does not start an execution whose signal is already aborted', async () => {
    const record = await slow().execute({ payload: {} }, { signal: AbortSignal.abort() });
    expect(record.status).toBe('cancelled');
    expect(probeCalls.get('slow')).toBeUndefined();
  });
});

describe('stubs and dry runs', () => {
  const steps = [
    { id: 'call', type: 'probe', config: { key: 'call' } },
    setVar('after', 'done', true),
  ];

  it('replaces a step by its stub output', async () => {
    const record = await compile(steps).execute({ payload: {} }, { stubs: { call: { output: { payload: 'canned' } } } });
    expect(record.result?.payload).toBe('canned');
    expect(record.steps[0].status).toBe('stubbed');
    expect(probeCalls.get('call')).toBeUndefined();
  });

  it('raises a stubbed error type', async () => {
    const record = await compile(steps).execute({ payload: {} }, { stubs: { call: { error: { type: 'HTTP:TIMEOUT' } } } });
    expect(record.error).toMatchObject({ type: 'HTTP:TIMEOUT', step: 'call' });
  });

  it('skips steps with side effects in a dry run', async () => {
    const record = await compile(steps).execute({ payload: {} }, { dryRun: true });
    expect(record.status).toBe('succeeded');
    expect(record.steps.map((step) => step.status)).toEqual(['stubbed', 'succeeded']);
    expect(probeCalls.get('call')).toBeUndefined();
  });
});

describe('Flow Reference', () => {
  const flows = new Map<string, CompiledFlow>();
  const services = { resolveFlow: (id: string) => flows.get(id) };
  flows.set('child', compile([setVar('mark', 'child', expr('payload.n * 10'))], 'child'));
  flows.set('failing', compile([{ id: 'boom', type: 'raise-error', config: { errorType: 'CUSTOM:CHILD', message: 'no' } }], 'failing'));
  flows.set('self', compile([{ id: 'again', type: 'flow-reference', config: { flow: 'self' } }], 'self'));

  it('runs the other flow synchronously and takes its message; its steps appear in the trace', async () => {
    const record = await compile([{ id: 'call', type: 'flow-reference', config: { flow: 'child' } }]).execute(
      { payload: { n: 4 } },
      { services },
    );
    expect(record.result?.vars.child).toBe(40);
    expect(record.steps.map((step) => step.stepId)).toEqual(['call/mark', 'call']);
  });

  it('passes the called flow error type on so a Catch can match it', async () => {
    const record = await compile([{ id: 'call', type: 'flow-reference', config: { flow: 'failing' } }]).execute({ payload: {} }, { services });
    expect(record.error).toMatchObject({ type: 'CUSTOM:CHILD', step: 'call', details: { flowId: 'failing', flowStep: 'boom' } });
  });

  it('stops a flow that calls itself forever', async () => {
    const record = await flows.get('self')!.execute({ payload: {} }, { services });
    expect(record.error?.type).toBe('FLOW:RECURSION');
  });

  it('fails with FLOW:NOT_FOUND for a flow that is not published', async () => {
    const record = await compile([{ id: 'call', type: 'flow-reference', config: { flow: 'nowhere' } }]).execute({ payload: {} }, { services });
    expect(record.error?.type).toBe('FLOW:NOT_FOUND');
  });
});

describe('compiling', () => {
  it('refuses an invalid flow with every issue', () => {
    const invalid = flow([
      { id: 'a', type: 'no-such-step' },
      { id: 'a', type: 'set-variable', config: {} },
    ]);
    let thrown: unknown;
    try {
      compileFlow('invalid', invalid, testRegistry, { file: 'flows/invalid.flow.json' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FlowbusError);
    const issues = (thrown as FlowbusError).details?.issues as Array<{ code: string }>;
    expect(issues.length).toBeGreaterThanOrEqual(3);
  });
});

describe('what a stubbed step would have sent', () => {
  it('records the evaluated config with fields marked secret redacted', async () => {
    const secretStep = defineStep<{ token: string; text: string }>({
      type: 'secret-probe',
      title: 'Secret probe',
      category: 'http',
      kind: 'action',
      description: 'Test-only step with a secret field.',
      sideEffects: true,
      config: {
        type: 'object',
        additionalProperties: false,
        properties: {
          token: { type: 'string', title: 'Token', description: 'A secret.', 'x-secret': true },
          text: { type: 'string', title: 'Text', description: 'Plain text.' },
        },
      },
      async execute() {
        throw new Error('a dry run must not execute this');
      },
    });
    const registry = createRegistry([...testRegistry.list(), secretStep]);
    const document = flow([{ id: 'send', type: 'secret-probe', config: { token: 'tok-123', text: { $expr: '"hi " & payload.name' } } }]);
    const record = await compileFlow('secret', document, registry).execute({ payload: { name: 'ann' } }, { dryRun: true });
    expect(record.status).toBe('succeeded');
    expect(record.steps[0]).toMatchObject({ status: 'stubbed', config: { token: REDACTED, text: 'hi ann' } });
    expect(JSON.stringify(record)).not.toContain('tok-123');
  });
});
