/**
 * @module How a Delay runs: its duration is evaluated and its due time stored in the context (so in every
 * checkpoint), then a second state waits until that time on the execution's clock.
 */
import { readInteger } from '../config-values.js';
import type { RunState } from '../../runtime/environment.js';
import type { StateConfig, StepMachine } from '../../runtime/scope-api.js';

/** The longest Delay: 7 days. */
export const MAX_DELAY_MS = 7 * 24 * 3_600_000;

const dueAtOf = (state: RunState, stepId: string) => state.scopes[stepId]?.dueAt as number | undefined;

export const delayMachine: StepMachine<undefined> = {
  states(step, next, errorTarget, tools): StateConfig {
    const skipsWait = (state: RunState) => {
      const env = tools.env(state);
      return env.dryRun || env.stubs[step.id] !== undefined;
    };
    return {
      initial: 'arming',
      states: {
        arming: tools.work(
          async (state) => {
            const config = (await tools.evaluate(step.config, state.message, state, step)) as { durationMs?: unknown };
            const durationMs = readInteger(config.durationMs, 'durationMs', 0, MAX_DELAY_MS);
            return tools.env(state).services.clock.now() + durationMs;
          },
          {
            target: 'waiting',
            actions: tools.assign((state, event) => ({
              scopes: { ...state.scopes, [step.id]: { dueAt: (event as { output: number }).output } },
            })),
          },
          { target: errorTarget, actions: tools.storeError },
        ),
        waiting: tools.work(
          (state) =>
            tools.traced(step, state, async () => {
              const env = tools.env(state);
              const dueAt = dueAtOf(state, step.id) ?? env.services.clock.now();
              if (skipsWait(state)) return { value: undefined, status: 'stubbed' as const };
              await env.services.clock.sleep(Math.max(0, dueAt - env.services.clock.now()), env.signal);
              return { value: undefined, output: { dueAt } };
            }),
          'exit',
          { target: errorTarget, actions: tools.storeError },
        ),
        exit: { type: 'final' },
      },
      onDone: next,
    };
  },
};
