/**
 * @module How a For Each runs: its config is evaluated once (traced as the For Each step), then its body
 * runs per iteration; between iterations a long loop hands the event loop back, and results too large fail it.
 * Without an actor (express), the same functions run in a loop.
 */
import { measureValue } from '../../core/value-size.js';
import type { Message } from '../../core/message.js';
import type { ExecutionEnv, RunState, ScopeState } from '../../runtime/environment.js';
import { messageLimitError, pace, paceDue } from '../../runtime/limits.js';
import type { PlanStep } from '../../runtime/plan.js';
import type { MachineTools, PlanScope, RunTools, StateConfig, StepMachine } from '../../runtime/scope-api.js';
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

/** Evaluates the config (traced as the For Each step) and gives the loop's starting state. */
function startLoop(step: PlanScope<PlanStep[]>, state: RunState, tools: Pick<MachineTools, 'traced' | 'evaluateConfig'>) {
  return tools.traced(step, state, loopStart, tools);
}

async function loopStart(step: PlanScope<PlanStep[]>, state: RunState, tools: Pick<MachineTools, 'evaluateConfig'>) {
  const config = await tools.evaluateConfig(step, state);
  const settings = forEachSettings(config);
  const iterations = forEachIterations(settings);
  const loop: LoopState = { settings, iterations, index: 0, entry: state.message, results: [], resultsBytes: 2 };
  return { value: loop, output: { items: settings.items.length, iterations: iterations.length } };
}

/** Between iterations: fails when the collected results are too large, else hands the event loop back. */
async function pauseLoop(step: PlanScope<PlanStep[]>, loop: LoopState, env: ExecutionEnv): Promise<void> {
  if (resultsOverLimit(loop, env)) {
    const what = `the results collected in "${loop.settings.resultsVariable}"`;
    const error = messageLimitError(what, env.limits.messageBytes);
    error.step = step.id;
    throw error;
  }
  await pace(env);
}

/** The message the body of the loop's current iteration starts from. */
function iterationMessage(loop: LoopState, message: Message): Message {
  const iteration = loop.iterations[loop.index]!;
  return {
    payload: iteration.payload,
    attributes: loop.entry.attributes,
    vars: iterationVars(message.vars, loop.settings, iteration),
  };
}

/** Moves `loop` past an iteration whose body left `payload`: the next index, and the payload collected. */
function advance(loop: LoopState, payload: unknown, env: ExecutionEnv): LoopState {
  loop.index += 1;
  if (!loop.settings.resultsVariable) return loop;
  loop.results.push(payload);
  loop.resultsBytes += measureValue(payload, env.limits.messageBytes, env.sizes) + 1;
  return loop;
}

/** {@link advance} on a copy, for the machine: its context is never changed in place (snapshots hold it). */
function afterIteration(loop: LoopState, payload: unknown, env: ExecutionEnv): LoopState {
  const copy = { ...loop };
  if (loop.settings.resultsVariable) copy.results = [...loop.results];
  return advance(copy, payload, env);
}

/** The message after the loop: the entry's payload and attributes, the vars the loop leaves. */
function exitMessage(loop: LoopState, message: Message): Message {
  const vars = varsAfterForEach(loop.entry.vars, message.vars, loop.settings, loop.results);
  return { payload: loop.entry.payload, attributes: loop.entry.attributes, vars };
}

/**
 * The For Each without an actor (express), as its states run it. Its loop state is its own (no snapshot holds
 * it), so it changes in place: `results` grows without a copy per iteration.
 */
async function runForEach(step: PlanScope<PlanStep[]>, state: RunState, tools: RunTools): Promise<RunState> {
  let loop: LoopState;
  try {
    loop = await startLoop(step, state, tools);
  } catch (thrown) {
    throw tools.failure(thrown, state.message);
  }
  state.scopes[step.id] = loop;
  let message = state.message;
  for (;;) {
    const env = tools.env(state);
    if (paceDue(env) || resultsOverLimit(loop, env)) {
      try {
        await pauseLoop(step, loop, env);
      } catch (thrown) {
        throw tools.failure(thrown, message);
      }
      continue;
    }
    if (loop.index >= loop.iterations.length) return { ...state, message: exitMessage(loop, message) };
    message = iterationMessage(loop, message);
    loop.iteration = loop.index;
    message = (await tools.sequence(step.detail, { ...state, message })).message;
    advance(loop, message.payload, tools.env(state));
  }
}

export const forEachMachine: StepMachine<PlanStep[]> = {
  plan: (_node, tools) => tools.sequence('steps', { inside: true }),
  run: runForEach,
  states(step, next, errorTarget, tools): StateConfig {
    const setLoop = (state: RunState, loop: LoopState) => ({ scopes: { ...state.scopes, [step.id]: loop } });
    return {
      initial: 'starting',
      states: {
        starting: tools.work(
          (state) => startLoop(step, state, tools),
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
                const message = iterationMessage(loop, state.message);
                return { ...setLoop(state, { ...loop, iteration: loop.index }), message };
              }),
            },
            {
              target: 'exit',
              actions: tools.assign((state) => ({ message: exitMessage(loopOf(state, step.id), state.message) })),
            },
          ],
        },
        // Now and then a long loop (even one with an empty body) hands the event loop back here.
        pausing: tools.work(
          (state) => pauseLoop(step, loopOf(state, step.id), tools.env(state)),
          'next',
          { target: errorTarget, actions: tools.storeError },
        ),
        body: {
          ...tools.sequence(step.detail, errorTarget),
          onDone: {
            target: 'next',
            actions: tools.assign((state) =>
              setLoop(state, afterIteration(loopOf(state, step.id), state.message.payload, tools.env(state))),
            ),
          },
        },
        exit: { type: 'final' },
      },
      onDone: next,
    };
  },
};
