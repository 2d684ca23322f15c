/**
 * @module How a Delay runs: its duration is evaluated and its due time stored in the context (so in every
 * checkpoints), then a second state waits until that time on the execution's clock. Without an actor (express),
 * the same two functions run one after the other.
 */
import { readInteger } from '../config-values.js';
import type { ExecutionEnv, RunState } from '../../runtime/environment.js';
import type { MachineTools, PlanScope, StateConfig, StepMachine } from '../../runtime/scope-api.js';

/** The longest Delay: 7 days. */
export const MAX_DELAY_MS = 7 * 24 * 3_600_000;

const dueAtOf = (state: RunState, stepId: string) => state.scopes[stepId]?.dueAt as number | undefined;

/** Whether the Delay does not wait: a dry run, or a stubbed Delay. */
function skipsWait(step: PlanScope<undefined>, env: ExecutionEnv): boolean {
  return env.dryRun || env.stubs[step.id] !== undefined;
}

/** Evaluates the duration; the clock time the Delay is due. */
async function dueTime(
  step: PlanScope<undefined>,
  state: RunState,
  tools: Pick<MachineTools, 'env' | 'evaluateConfig'>,
) {
  const config = await tools.evaluateConfig(step, state);
  const durationMs = readInteger(config.durationMs, 'durationMs', 0, MAX_DELAY_MS);
  return tools.env(state).services.clock.now() + durationMs;
}

/** Waits until the stored due time, traced as the Delay step. */
function waitUntilDue(step: PlanScope<undefined>, state: RunState, tools: Pick<MachineTools, 'env' | 'traced'>) {
  return tools.traced(step, state, async () => {
    const env = tools.env(state);
    const dueAt = dueAtOf(state, step.id) ?? env.services.clock.now();
    if (skipsWait(step, env)) return { value: undefined, status: 'stubbed' as const };
    await env.services.clock.sleep(Math.max(0, dueAt - env.services.clock.now()), env.cancellation.signal);
    return { value: undefined, output: { dueAt } };
  });
}

export const delayMachine: StepMachine<undefined> = {
  async run(step, state, tools) {
    try {
      state.scopes[step.id] = { dueAt: await dueTime(step, state, tools) };
      await waitUntilDue(step, state, tools);
    } catch (thrown) {
      throw tools.failure(thrown, state.message);
    }
    return state;
  },
  states(step, next, errorTarget, tools): StateConfig {
    return {
      initial: 'arming',
      states: {
        arming: tools.work(
          (state) => dueTime(step, state, tools),
          {
            target: 'waiting',
            actions: tools.assign((state, event) => ({
              scopes: { ...state.scopes, [step.id]: { dueAt: (event as { output: number }).output } },
            })),
          },
          { target: errorTarget, actions: tools.storeError },
        ),
        waiting: tools.work((state) => waitUntilDue(step, state, tools), 'exit', {
          target: errorTarget,
          actions: tools.storeError,
        }),
        exit: { type: 'final' },
      },
      onDone: next,
    };
  },
};
