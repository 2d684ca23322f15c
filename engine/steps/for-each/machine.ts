/**
 * @module How a For Each runs: its config is evaluated once (traced as the For Each step), then its body
 * runs per iteration; between iterations a long loop hands the event loop back, and results too large fail it.
 */
import { measureValue } from '../../core/value-size.js';
import type { Message } from '../../core/message.js';
import type { ExecutionEnv, RunState, ScopeState } from '../../runtime/environment.js';
import { messageLimitError, pace, paceDue } from '../../runtime/limits.js';
import type { PlanStep } from '../../runtime/plan.js';
import type { StateConfig, StepMachine } from '../../runtime/scope-api.js';
import {
  forEachIterations,
  forEachSettings,
  iterationVars,
  varsAfterForEach,
  type ForEachSettings,
  type Iteration,
} from './iterations.js';

/** What a running For Each keeps in the context. */
interface LoopState extends ScopeState {
  settings: ForEachSettings;
  iterations: Iteration[];
  /** Index of the iteration running now. */
  index: number;
  entry: Message;
  results: unknown[];
  /** Size of `results` so far (JSON bytes, about). */
  resultsBytes: number;
}

const loopOf = (state: RunState, loopId: string) => state.scopes[loopId] as LoopState;

const resultsOverLimit = (loop: LoopState, env: ExecutionEnv) => loop.resultsBytes > env.limits.messageBytes;

export const forEachMachine: StepMachine<PlanStep[]> = {
  plan: (_node, tools) => tools.sequence('steps', { inside: true }),
  states(step, next, errorTarget, tools): StateConfig {
    const setLoop = (state: RunState, loop: LoopState) => ({ scopes: { ...state.scopes, [step.id]: loop } });
    return {
      initial: 'starting',
      states: {
        starting: tools.work(
          (state) =>
            tools.traced(step, state, async () => {
              const config = await tools.evaluate(step.config, state.message, state, step);
              const settings = forEachSettings(config);
              const iterations = forEachIterations(settings);
              const loop: LoopState = { settings, iterations, index: 0, entry: state.message, results: [], resultsBytes: 2 };
              return { value: loop, output: { items: settings.items.length, iterations: iterations.length } };
            }),
          { target: 'next', actions: tools.assign((state, event) => setLoop(state, (event as { output: LoopState }).output)) },
          { target: errorTarget, actions: tools.storeError },
        ),
        next: {
          always: [
            {
              guard: tools.guard((state) => paceDue(tools.env(state)) || resultsOverLimit(loopOf(state, step.id), tools.env(state))),
              target: 'pausing',
            },
            {
              guard: tools.guard((state) => loopOf(state, step.id).index < loopOf(state, step.id).iterations.length),
              target: 'body',
              actions: tools.assign((state) => {
                const loop = loopOf(state, step.id);
                const iteration = loop.iterations[loop.index];
                const message = {
                  payload: iteration.payload,
                  attributes: loop.entry.attributes,
                  vars: iterationVars(state.message.vars, loop.settings, iteration),
                };
                return { ...setLoop(state, { ...loop, iteration: loop.index }), message };
              }),
            },
            {
              target: 'exit',
              actions: tools.assign((state) => {
                const loop = loopOf(state, step.id);
                const vars = varsAfterForEach(loop.entry.vars, state.message.vars, loop.settings, loop.results);
                return { message: { payload: loop.entry.payload, attributes: loop.entry.attributes, vars } };
              }),
            },
          ],
        },
        // Now and then a long loop (even one with an empty body) hands the event loop back here.
        pausing: tools.work(
          async (state) => {
            const env = tools.env(state);
            const loop = loopOf(state, step.id);
            if (resultsOverLimit(loop, env)) {
              const what = `the results collected in "${loop.settings.resultsVariable}"`;
              const error = messageLimitError(what, env.limits.messageBytes);
              error.step = step.id;
              throw error;
            }
            await pace(env);
          },
          'next',
          { target: errorTarget, actions: tools.storeError },
        ),
        body: {
          ...tools.sequence(step.detail, errorTarget),
          onDone: {
            target: 'next',
            actions: tools.assign((state) => {
              const loop = loopOf(state, step.id);
              const index = loop.index + 1;
              if (!loop.settings.resultsVariable) return setLoop(state, { ...loop, index });
              const env = tools.env(state);
              const { payload } = state.message;
              const resultsBytes = loop.resultsBytes + measureValue(payload, env.limits.messageBytes, env.sizes) + 1;
              return setLoop(state, { ...loop, index, results: [...loop.results, payload], resultsBytes });
            }),
          },
        },
        exit: { type: 'final' },
      },
      onDone: next,
    };
  },
};
