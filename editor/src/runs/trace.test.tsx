/**
 * @module Run results on the canvas: steps by their trace, scopes from what ran inside, steps never
 * reached, each step's input, and what a test run is sent.
 */
import { describe, expect, it } from 'vitest';
import type { StepTrace } from '../../../engine/runtime/types.js';
import type { StoredExecution } from '../api/types.js';
import { storyFlow, testCatalog } from '../testing/fixtures.js';
import { nodeRuns } from './node-runs.js';
import { dryRunInput, inputChoices, templateEvent } from './run-input.js';
import { formatDuration, stepInput } from './trace.js';

function trace(stepId: string, status: StepTrace['status'], extra: Partial<StepTrace> = {}): StepTrace {
  return { stepId, type: 'x', path: '', status, startedAt: 0, endedAt: 1, durationMs: 1.5, ...extra };
}

function record(steps: StepTrace[], extra: Partial<StoredExecution> = {}): StoredExecution {
  return {
    id: 'run-1',
    flowId: 'story',
    status: 'succeeded',
    startedAt: 0,
    endedAt: 5,
    durationMs: 5,
    input: { payload: { subject: 'ins-1' }, attributes: { source: 'cvm' } },
    steps,
    logs: [],
    trigger: 'dry-run',
    ...extra,
  };
}

const catalog = testCatalog();

describe('nodeRuns', () => {
  it('shows each step\'s result, a succeeded scope, and steps the run never reached', () => {
    const runs = nodeRuns(storyFlow(), catalog, record([trace('body', 'succeeded'), trace('send', 'stubbed')]));
    expect(runs.get('/steps/0')).toMatchObject({ status: 'succeeded', durationMs: 1.5, runs: 1 });
    expect(runs.get('/steps/1/steps/0')).toMatchObject({ status: 'stubbed' });
    expect(runs.get('/steps/1')).toMatchObject({ status: 'succeeded', durationMs: 1.5 });
    expect(runs.get('/steps/1/catch/0/steps/0')).toBe('not-run');
  });

  it('marks a scope whose Catch handled the error, and one the error escaped', () => {
    const error = { type: 'WECOM:CONNECTIVITY', message: 'refused', step: 'send' };
    const handled = nodeRuns(storyFlow(), catalog, record([trace('send', 'failed', { error }), trace('log-error', 'succeeded')]));
    expect(handled.get('/steps/1')).toMatchObject({ status: 'handled' });
    expect(handled.get('/steps/1/steps/0')).toMatchObject({ status: 'failed', error });
    const failed = nodeRuns(storyFlow(), catalog, record([trace('send', 'failed', { error })], { status: 'failed', error }));
    expect(failed.get('/steps/1')).toMatchObject({ status: 'failed', error });
  });

  it('counts the runs of a step that ran more than once', () => {
    const runs = nodeRuns(storyFlow(), catalog, record([trace('body', 'succeeded'), trace('body', 'failed')]));
    expect(runs.get('/steps/0')).toMatchObject({ status: 'failed', runs: 2, durationMs: 3 });
  });
});

describe('stepInput', () => {
  const run = record([
    trace('body', 'succeeded', { output: { payload: { subject: 'ins-1' }, vars: { body: 'ins-1' } } }),
    trace('send', 'failed', { error: { type: 'HTTP:STATUS', message: '502' } }),
    trace('log-error', 'succeeded'),
  ]);

  it('is the run\'s input for the first step, and the output before it for the others', () => {
    expect(stepInput(run, 'body')).toEqual({ payload: { subject: 'ins-1' }, attributes: { source: 'cvm' }, vars: {} });
    expect(stepInput(run, 'send')).toEqual({ payload: { subject: 'ins-1' }, attributes: { source: 'cvm' }, vars: { body: 'ins-1' } });
  });

  it('carries the error into the step after a failed one (a Catch handler), with the last output', () => {
    expect(stepInput(run, 'log-error')).toMatchObject({ vars: { body: 'ins-1' }, error: { type: 'HTTP:STATUS' } });
    expect(stepInput(run, 'unknown')).toBeUndefined();
  });
});

describe('test run input', () => {
  it('offers the sample event, the templates and the last input of an event flow', () => {
    const templates = [{ id: 'cvm-reboot', title: 'CVM - instance reboot', event: { specversion: '1.0', source: 'cvm', type: 't' } }];
    const choices = inputChoices({ id: 'e-1' }, templates, record([]), true);
    expect(choices.map((choice) => [choice.label, choice.mode])).toEqual([
      ["The trigger's sample event", 'event'],
      ['Template: CVM - instance reboot', 'event'],
      ['The input of the last run', 'message'],
    ]);
    expect(choices[1]!.value).toMatchObject({ specversion: '1.0', source: 'cvm', type: 't', id: expect.any(String), time: expect.any(Number) });
  });

  it('fills a template\'s id and time, keeping the ones it has', () => {
    expect(templateEvent({ specversion: '1.0', source: 's', type: 't', id: 'fixed', data: {} }, 7)).toEqual({
      specversion: '1.0',
      id: 'fixed',
      source: 's',
      type: 't',
      time: 7,
      data: {},
    });
  });

  it('sends an event as an event and a message as an input', () => {
    expect(dryRunInput('{"id": "e"}', 'event')).toEqual({ input: { event: { id: 'e' } } });
    expect(dryRunInput('{"payload": 1, "attributes": {"a": 1}}', 'message')).toEqual({
      input: { input: { payload: 1, attributes: { a: 1 } } },
    });
  });

  it.each([
    ['text that is not JSON', '{"id": ', 'event', /^the test input is not valid JSON: /],
    ['an array', '[1]', 'event', /must be a JSON object/],
    ['a string', '"x"', 'message', /must be a JSON object/],
    ['attributes that are not an object', '{"attributes": []}', 'message', /"attributes" must be an object/],
    ['vars that are not an object', '{"vars": 1}', 'message', /"vars" must be an object/],
  ] as const)('refuses %s', (_name, text, mode, problem) => {
    const result = dryRunInput(text, mode);
    expect('problem' in result && result.problem).toMatch(problem);
  });

  it('writes durations for people', () => {
    expect([0.42, 12.4, 1500, 12_000].map(formatDuration)).toEqual(['0.4 ms', '12 ms', '1.5 s', '12 s']);
  });
});
