/**
 * @module How a Choice runs: its conditions are evaluated in one state (traced as the Choice step), then
 * guarded transitions enter the first branch whose condition held, or `otherwise`.
 */
import type { PlanBranch, StateConfig, StepMachine } from '../../runtime/scope-api.js';
import type { PlanStep } from '../../runtime/plan.js';
import { conditionHolds } from './condition.js';

interface ChoicePlan {
  branches: PlanBranch[];
  otherwise: PlanStep[];
}

export const choiceMachine: StepMachine<ChoicePlan> = {
  plan: (_node, tools) => ({ branches: tools.branches('when'), otherwise: tools.sequence('otherwise') }),
  states(step, next, errorTarget, tools): StateConfig {
    const { branches, otherwise } = step.detail;
    const branchStates: Record<string, StateConfig> = {};
    branches.forEach((branch, index) => {
      branchStates[`when-${index}`] = { ...tools.sequence(branch.steps, errorTarget), onDone: 'exit' };
    });
    return {
      initial: 'deciding',
      states: {
        deciding: tools.work(
          // Evaluates the conditions in order; the index of the first true one, or -1 for otherwise.
          (state) =>
            tools.traced(step, state, async () => {
              for (const [index, branch] of branches.entries()) {
                const config = (await tools.evaluate(branch.compiled, state.message, state, branch)) as {
                  condition?: unknown;
                };
                if (conditionHolds(config.condition ?? false, branch.id)) {
                  return { value: index, output: { branch: branch.id } };
                }
              }
              return { value: -1, output: { branch: 'otherwise' } };
            }),
          [
            ...branches.map((_, index) => ({
              guard: tools.guard((_state, event) => (event as { output?: unknown }).output === index),
              target: `when-${index}`,
            })),
            { target: 'otherwise' },
          ],
          { target: errorTarget, actions: tools.storeError },
        ),
        ...branchStates,
        otherwise: { ...tools.sequence(otherwise, errorTarget), onDone: 'exit' },
        exit: { type: 'final' },
      },
      onDone: next,
    };
  },
};
