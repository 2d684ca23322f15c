/**
 * @module The asynchronous parts of scope steps: deciding a Choice and starting a For Each.
 * The machine turns their results into guarded transitions; the semantics come from the steps' own helpers.
 */
import type { Message } from '../core/message.js';
import { conditionHolds } from '../steps/choice/condition.js';
import {
  forEachIterations,
  forEachSettings,
  iterationVars,
  varsAfterForEach,
} from '../steps/for-each/iterations.js';
import type { ExecutionEnv, LoopState, RunContext } from './environment.js';
import { messageLimitError, pace } from './limits.js';
import type { PlanChoice, PlanForEach } from './plan.js';
import { evaluationContext, traced } from './step-runner.js';

/** Evaluates the `when` conditions in order; returns the index of the first true one, or -1 for otherwise. */
export function decideChoice(step: PlanChoice, context: RunContext): Promise<number> {
  return traced(step, context, async () => {
    for (const [index, branch] of step.branches.entries()) {
      const value = await branch.condition.evaluate(context.message, evaluationContext(context.env, branch));
      if (conditionHolds(value, branch.id)) return { value: index, output: { branch: branch.id } };
    }
    return { value: -1, output: { branch: 'otherwise' } };
  });
}

/** Evaluates a For Each's config and returns the loop state (items already split into batches). */
export function startLoop(step: PlanForEach, context: RunContext): Promise<LoopState> {
  return traced(step, context, async () => {
    const config = await step.config.evaluate(context.message, evaluationContext(context.env, step));
    const settings = forEachSettings(config);
    const iterations = forEachIterations(settings);
    const entry = context.message;
    const loop: LoopState = {
      id: step.id,
      settings,
      iterations,
      index: 0,
      entry,
      results: [],
      resultsSize: { bytes: 2 },
    };
    return { value: loop, output: { items: settings.items.length, iterations: iterations.length } };
  });
}

/** The message one iteration starts with: the item as payload, item and counter as variables. */
export function iterationMessage(loop: LoopState, current: Message): Message {
  const iteration = loop.iterations[loop.index];
  return {
    payload: iteration.payload,
    attributes: loop.entry.attributes,
    vars: iterationVars(current.vars, loop.settings, iteration),
  };
}

/** The message after the loop: payload and attributes from before it, the variables set inside it. */
export function loopExitMessage(loop: LoopState, current: Message): Message {
  return {
    payload: loop.entry.payload,
    attributes: loop.entry.attributes,
    vars: varsAfterForEach(loop.entry.vars, current.vars, loop.settings, loop.results),
  };
}

/** Whether the results a For Each collected so far are larger than `limits.messageBytes`. */
export function resultsOverLimit(loop: LoopState, env: ExecutionEnv): boolean {
  return loop.resultsSize.bytes > env.limits.messageBytes;
}

/**
 * Runs between two iterations when the loop has kept the event loop long enough, or its results have grown
 * too large: hands the event loop back, or fails with `EXECUTION:LIMIT` naming the For Each.
 */
export async function pauseLoop(loop: LoopState, env: ExecutionEnv): Promise<void> {
  if (resultsOverLimit(loop, env)) {
    const what = `the results collected in "${loop.settings.resultsVariable}"`;
    const error = messageLimitError(what, env.limits.messageBytes);
    error.step = loop.id;
    throw error;
  }
  await pace(env);
}
