/**
 * @module How a Try runs: its body, and on an error the first matching Catch handler, which may first
 * re-run the body after a wait. The wait's due time is in the context, so it survives a crash and a restart.
 */
import { matchesErrorType, type FlowError } from '../../core/errors.js';
import type { Message } from '../../core/message.js';
import type { RunState, ScopeState } from '../../runtime/environment.js';
import type { PlanStep } from '../../runtime/plan.js';
import type { PlanBranch, PlanScope, RunFailure, RunTools, StateConfig, StepMachine } from '../../runtime/scope-api.js';
import { catchHandlerSettings, retryDelayMs, type CatchHandlerSettings } from './handler.js';

interface CatchHandler extends CatchHandlerSettings {
  id: string;
  steps: PlanStep[];
}

interface TryPlan {
  body: PlanStep[];
  handlers: CatchHandler[];
}

/** What a Try keeps in the context while it runs. */
interface TryState extends ScopeState {
  entry: Message;
  retriesUsed: number[];
  attempt: number;
  runs: number;
  /** When the retry being waited for is due (clock milliseconds). */
  dueAt?: number;
}

const tryStateOf = (state: RunState, tryId: string) => state.scopes[tryId] as TryState;

function handles(errorTypes: string[], error: FlowError | undefined): boolean {
  return error !== undefined && errorTypes.some((selector) => matchesErrorType(selector, error.type));
}

function withoutError(message: Message): Message {
  if (!message.error) return message;
  const { error: _error, ...rest } = message;
  return rest;
}

const toHandler = (branch: PlanBranch): CatchHandler => ({
  id: branch.id,
  ...catchHandlerSettings(branch.config),
  steps: branch.steps,
});

/** The Try's state on entering it: a Try entered again (in a loop, or by an enclosing retry) goes on counting its runs. */
function enteredState(state: RunState, step: PlanScope<TryPlan>): TryState {
  const previous = tryStateOf(state, step.id);
  const retriesUsed = step.detail.handlers.map(() => 0);
  return { entry: state.message, retriesUsed, attempt: 1, runs: (previous?.runs ?? 0) + 1 };
}

/** The Try without an actor (express), as its states run it: body, retries of the first matching handler, handler. */
async function runTry(step: PlanScope<TryPlan>, state: RunState, tools: RunTools): Promise<RunState> {
  const { body, handlers } = step.detail;
  let scope = enteredState(state, step);
  state.scopes[step.id] = scope;
  for (;;) {
    let failed: RunFailure;
    try {
      return await tools.sequence(body, { ...state, message: scope.entry });
    } catch (thrown) {
      failed = tools.failure(thrown, scope.entry);
    }
    const index = handlers.findIndex((handler) => handles(handler.errorTypes, failed.error));
    if (index === -1) throw failed;
    const handler = handlers[index]!;
    if (scope.retriesUsed[index]! >= handler.retries) {
      const handled = await tools.sequence(handler.steps, { ...state, message: { ...failed.message, error: failed.error } });
      return { ...handled, message: withoutError(handled.message) };
    }
    const retriesUsed = scope.retriesUsed.map((used, at) => (at === index ? used + 1 : used));
    const { clock } = tools.env(state).services;
    const dueAt = clock.now() + retryDelayMs(handler, retriesUsed[index]!);
    scope = { ...scope, retriesUsed, attempt: scope.attempt + 1, runs: scope.runs + 1, dueAt };
    state.scopes[step.id] = scope;
    try {
      await clock.sleep(Math.max(0, dueAt - clock.now()), tools.env(state).cancellation.signal);
    } catch (thrown) {
      throw tools.failure(thrown, failed.message);
    }
  }
}

export const tryMachine: StepMachine<TryPlan> = {
  run: runTry,
  // Handlers run outside the Try they belong to: their errors go to the enclosing Try.
  plan: (_node, tools) => ({
    body: tools.sequence('steps', { inside: true }),
    handlers: tools.branches('catch').map(toHandler),
  }),
  states(step, next, errorTarget, tools): StateConfig {
    const id = tools.stateId(step.id);
    const { body, handlers } = step.detail;
    const setScope = (state: RunState, scope: TryState) => ({ scopes: { ...state.scopes, [step.id]: scope } });
    const handlerStates: Record<string, StateConfig> = {};
    const catching: StateConfig[] = [];
    handlers.forEach((handler, index) => {
      catching.push({
        guard: tools.guard((state) => {
          const scope = tryStateOf(state, step.id);
          return handles(handler.errorTypes, state.error) && scope.retriesUsed[index] < handler.retries;
        }),
        target: 'waiting',
        actions: tools.assign((state) => {
          const scope = tryStateOf(state, step.id);
          const retriesUsed = scope.retriesUsed.map((used, at) => (at === index ? used + 1 : used));
          const dueAt = tools.env(state).services.clock.now() + retryDelayMs(handler, retriesUsed[index]);
          return setScope(state, { ...scope, retriesUsed, attempt: scope.attempt + 1, runs: scope.runs + 1, dueAt });
        }),
      });
      catching.push({
        guard: tools.guard((state) => handles(handler.errorTypes, state.error)),
        target: `handler-${index}`,
        actions: tools.assign((state) => ({ message: { ...state.message, error: state.error } })),
      });
      handlerStates[`handler-${index}`] = {
        ...tools.sequence(handler.steps, errorTarget),
        onDone: {
          target: 'exit',
          actions: tools.assign((state) => ({ message: withoutError(state.message), error: undefined })),
        },
      };
    });
    catching.push({ target: errorTarget });
    return {
      initial: 'body',
      entry: tools.assign((state) => setScope(state, enteredState(state, step))),
      states: {
        body: { ...tools.sequence(body, `#${id}.catching`), onDone: 'exit' },
        catching: { always: catching },
        waiting: tools.work(
          (state) => {
            const clock = tools.env(state).services.clock;
            const dueAt = tryStateOf(state, step.id).dueAt ?? clock.now();
            return clock.sleep(Math.max(0, dueAt - clock.now()), tools.env(state).cancellation.signal);
          },
          {
            target: 'body',
            actions: tools.assign((state) => ({ message: tryStateOf(state, step.id).entry, error: undefined })),
          },
          { target: errorTarget, actions: tools.storeError },
        ),
        ...handlerStates,
        exit: { type: 'final' },
      },
      onDone: next,
    };
  },
};
