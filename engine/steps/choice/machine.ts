/**
 * @module How a Choice runs: its conditions are evaluated in one state (traced as the Choice step), then
 * guarded transitions enter the first branch whose condition held, or `otherwise`. Without an actor (express),
 * the same decision picks the sequence to run.
 */
import type { MachineTools, PlanBranch, PlanScope, StateConfig, StepMachine } from '../../runtime/scope-api.js';
import type { RunState } from '../../runtime/environment.js';
import type { PlanStep } from '../../runtime/plan.js';
import { conditionHolds } from './condition.js';

interface ChoicePlan {
  branches: PlanBranch[];
  otherwise: PlanStep[];
}

/** Evaluates the conditions in order, traced as the Choice; the index of the first true one, or -1 for otherwise. */
function decide(step: PlanScope<ChoicePlan>, state: RunState, tools: Pick<MachineTools, 'traced' | 'evaluate'>) {
  return tools.traced(step, state, firstTrueBranch, tools);
}

async function firstTrueBranch(step: PlanScope<ChoicePlan>, state: RunState, tools: Pick<MachineTools, 'evaluate'>) {
  const { branches } = step.detail;
  for (let index = 0; index < branches.length; index++) {
    const branch = branches[index]!;
    const config = (await tools.evaluate(branch.compiled, state.message, state, branch)) as { condition?: unknown };
    if (conditionHolds(config.condition ?? false, branch.id)) {
      return { value: index, output: { branch: branch.id } };
    }
  }
  return { value: -1, output: { branch: 'otherwise' } };
}

export const choiceMachine: StepMachine<ChoicePlan> = {
  plan: (_node, tools) => ({ branches: tools.branches('when'), otherwise: tools.sequence('otherwise') }),
  async run(step, state, tools) {
    let index: number;
    try {
      index = await decide(step, state, tools);
    } catch (thrown) {
      throw tools.failure(thrown, state.message);
    }
    return tools.sequence(index === -1 ? step.detail.otherwise : step.detail.branches[index]!.steps, state);
  },
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
          (state) => decide(step, state, tools),
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
