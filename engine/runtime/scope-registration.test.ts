/**
 * Guards item 8 of issue 11: a scope step type is one object registered like any step; the runtime builds
 * its states without knowing it. The "repeat" scope below exists only in this file.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../core/registry.js';
import { defineStep } from '../core/step-definition.js';
import { builtinSteps } from '../steps/index.js';
import { compileFlow } from './compile.js';
import type { RunState } from './environment.js';
import type { PlanStep } from './plan.js';
import type { StepMachine } from './scope-api.js';
import { expr, flow } from './test-helpers.js';

/** Runs its steps `times` times; `vars.round` is the 0-based round inside. */
const repeatMachine: StepMachine<PlanStep[]> = {
  plan: (_node, tools) => tools.sequence('steps', { inside: true }),
  states(step, next, errorTarget, tools) {
    const round = (state: RunState) => (state.scopes[step.id]?.iteration as number | undefined) ?? 0;
    const times = (step.definition.config.properties!.times.default as number) ?? 1;
    return {
      initial: 'check',
      entry: tools.assign((state) => ({ scopes: { ...state.scopes, [step.id]: { iteration: 0 } } })),
      states: {
        check: {
          always: [
            {
              guard: tools.guard((state) => round(state) < times),
              target: 'body',
              actions: tools.assign((state) => ({
                message: { ...state.message, vars: { ...state.message.vars, round: round(state) } },
              })),
            },
            { target: 'exit' },
          ],
        },
        body: {
          ...tools.sequence(step.detail, errorTarget),
          onDone: {
            target: 'check',
            actions: tools.assign((state) => ({
              scopes: { ...state.scopes, [step.id]: { iteration: round(state) + 1 } },
            })),
          },
        },
        exit: { type: 'final' },
      },
      onDone: next,
    };
  },
};

const repeatStep = defineStep({
  type: 'repeat',
  title: 'Repeat',
  category: 'flow-control',
  kind: 'scope',
  description: 'Runs its steps three times.',
  config: { type: 'object', properties: { times: { type: 'integer', title: 'Times', default: 3 } } },
  scopes: [{ kind: 'sequence', key: 'steps', title: 'Steps' }],
  machine: repeatMachine,
});

describe('a scope registered from outside the runtime', () => {
  it('contributes its states to the machine and runs its body through them', async () => {
    const registry = createRegistry([...builtinSteps, repeatStep]);
    const document = flow([
      {
        id: 'thrice',
        type: 'repeat',
        steps: [{ id: 'add', type: 'set-variable', config: { name: 'seen', value: expr('[vars.seen, vars.round]') } }],
      },
    ]);
    const record = await compileFlow('repeat', document, registry).execute({ payload: {} });
    expect(record.status).toBe('succeeded');
    expect(record.result?.vars.seen).toEqual([0, 1, 2]);
    expect(record.steps.map((entry) => [entry.stepId, entry.iteration])).toEqual([
      ['add', 0],
      ['add', 1],
      ['add', 2],
    ]);
  });

  it('leaves the runtime free of step kinds: machine.ts names no step and imports nothing from steps/', async () => {
    const source = await readFile(new URL('./machine.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/from '\.\.\/steps\//);
    expect(source).not.toMatch(/switch \(/);
    expect(source).not.toMatch(/'(try|choice|for-each)'/);
  });
});
