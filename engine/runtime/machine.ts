/**
 * @module Compiles a flow plan into one xstate machine: a run of plain steps is a state whose work ends in a
 * `work.done` or `work.error` event, scopes are compound states, a Try's catch is its error transition, a
 * Choice is guarded transitions, a For Each a guarded loop.
 */
import { assign, setup } from 'xstate';
import { matchesErrorType, toFlowError, type FlowError } from '../core/errors.js';
import type { Message } from '../core/message.js';
import { measureValue } from '../core/value-size.js';
import type { LoopState, RunContext } from './environment.js';
import type { FlowPlan, PlanAction, PlanChoice, PlanForEach, PlanStep, PlanTry } from './plan.js';
import { retryDelayMs } from '../steps/try/handler.js';
import {
  decideChoice,
  iterationMessage,
  loopExitMessage,
  pauseLoop,
  resultsOverLimit,
  startLoop,
} from './scope-runner.js';
import { paceDue } from './limits.js';
import { runSegment, SegmentFailure } from './segment.js';
import { traceSkipped } from './step-runner.js';

type StateConfig = Record<string, unknown>;

/** Asynchronous work started on entering a state. */
type Work = (context: RunContext) => Promise<unknown>;

type WorkEvent = { type: 'work.done'; output: unknown } | { type: 'work.error'; error: unknown };

/** A state that runs `work` and moves on with its result or its error. */
function workState(work: Work, onDone: unknown, onError: unknown): StateConfig {
  return { entry: { type: 'startWork', params: { work } }, on: { 'work.done': onDone, 'work.error': onError } };
}

/** State key and id of a step; the prefix keeps step ids apart from the machine's own state names. */
const stateId = (stepId: string) => `s-${stepId}`;

const flowSetup = setup({
  types: {
    context: {} as RunContext,
    input: {} as RunContext,
    events: {} as WorkEvent,
  },
  actions: {
    // The asynchronous work of a state runs outside the machine and reports back as an event. This costs far
    // less than spawning a promise actor per state; a state only ever waits for its own work.
    startWork: ({ context, self }, params: { work: Work }) => {
      params.work(context).then(
        (output) => self.send({ type: 'work.done', output }),
        (error: unknown) => self.send({ type: 'work.error', error }),
      );
    },
    storeMessage: assign({ message: ({ event }) => (event as unknown as { output: Message }).output }),
    traceSkipped: ({ context }, params: { step: PlanStep }) => traceSkipped(params.step, context),
    storeError: assign(({ context, event }) => {
      const thrown = (event as unknown as { error: unknown }).error;
      if (thrown instanceof SegmentFailure) return { error: thrown.error, message: thrown.message };
      return { error: toFlowError(thrown), message: context.message };
    }),
    enterTry: assign({
      tries: ({ context }, params: { step: PlanTry }) => ({
        ...context.tries,
        [params.step.id]: { entry: context.message, retriesUsed: params.step.handlers.map(() => 0), attempt: 1 },
      }),
    }),
    countRetry: assign({
      tries: ({ context }, params: { tryId: string; index: number }) => {
        const state = context.tries[params.tryId];
        const retriesUsed = state.retriesUsed.map((used, index) => (index === params.index ? used + 1 : used));
        return { ...context.tries, [params.tryId]: { ...state, retriesUsed, attempt: state.attempt + 1 } };
      },
    }),
    restartTry: assign({
      message: ({ context }, params: { tryId: string }) => context.tries[params.tryId].entry,
      error: () => undefined,
    }),
    exposeError: assign({ message: ({ context }) => ({ ...context.message, error: context.error }) }),
    clearError: assign({
      message: ({ context }) => withoutError(context.message),
      error: () => undefined,
    }),
    storeLoop: assign({
      loops: ({ context, event }, params: { loopId: string }) => ({
        ...context.loops,
        [params.loopId]: (event as unknown as { output: LoopState }).output,
      }),
    }),
    beginIteration: assign({
      message: ({ context }, params: { loopId: string }) =>
        iterationMessage(context.loops[params.loopId], context.message),
    }),
    endIteration: assign({
      loops: ({ context }, params: { loopId: string }) => {
        const loop = context.loops[params.loopId];
        const { payload } = context.message;
        const index = loop.index + 1;
        if (!loop.settings.resultsVariable) return { ...context.loops, [params.loopId]: { ...loop, index } };
        const { env } = context;
        loop.resultsSize.bytes += measureValue(payload, env.limits.messageBytes, env.sizes) + 1;
        const results = [...loop.results, payload];
        return { ...context.loops, [params.loopId]: { ...loop, index: loop.index + 1, results } };
      },
    }),
    endLoop: assign({
      message: ({ context }, params: { loopId: string }) => loopExitMessage(context.loops[params.loopId], context.message),
    }),
  },
  guards: {
    shouldRetry: ({ context }, params: { step: PlanTry; index: number }) => {
      const handler = params.step.handlers[params.index];
      const state = context.tries[params.step.id];
      return handles(handler.errorTypes, context.error) && state.retriesUsed[params.index] < handler.retries;
    },
    handles: ({ context }, params: { step: PlanTry; index: number }) =>
      handles(params.step.handlers[params.index].errorTypes, context.error),
    branchChosen: ({ event }, params: { index: number }) =>
      (event as unknown as { output: number }).output === params.index,
    loopMustPause: ({ context }, params: { loopId: string }) =>
      paceDue(context.env) || resultsOverLimit(context.loops[params.loopId], context.env),
    loopHasMore: ({ context }, params: { loopId: string }) => {
      const loop = context.loops[params.loopId];
      return loop.index < loop.iterations.length;
    },
  },
});

function handles(errorTypes: string[], error: FlowError | undefined): boolean {
  return error !== undefined && errorTypes.some((selector) => matchesErrorType(selector, error.type));
}

function withoutError(message: Message): Message {
  if (!message.error) return message;
  const { error: _error, ...rest } = message;
  return rest;
}

/** One state of a sequence: a run of consecutive plain steps, or one scope step. */
type SequencePart = { kind: 'segment'; steps: PlanAction[] } | { kind: 'scope'; step: Exclude<PlanStep, PlanAction> };

function sequenceParts(steps: PlanStep[]): SequencePart[] {
  const parts: SequencePart[] = [];
  for (const step of steps) {
    const last = parts.at(-1);
    if (step.kind !== 'action') parts.push({ kind: 'scope', step });
    else if (last?.kind === 'segment') last.steps.push(step);
    else parts.push({ kind: 'segment', steps: [step] });
  }
  return parts;
}

const partKey = (part: SequencePart) => stateId(part.kind === 'segment' ? part.steps[0].id : part.step.id);

/** States for a sequence: one per run of plain steps or per scope step, then a final `done`. */
function sequence(steps: PlanStep[], errorTarget: string): { initial: string; states: Record<string, StateConfig> } {
  const parts = sequenceParts(steps);
  const states: Record<string, StateConfig> = {};
  parts.forEach((part, index) => {
    const next = index + 1 < parts.length ? partKey(parts[index + 1]) : 'done';
    states[partKey(part)] = part.kind === 'segment' ? segmentState(part.steps, next, errorTarget) : scopeState(part.step, next, errorTarget);
  });
  states.done = { type: 'final' };
  return { initial: parts.length > 0 ? partKey(parts[0]) : 'done', states };
}

function segmentState(steps: PlanAction[], next: string, errorTarget: string): StateConfig {
  return workState(
    (context) => runSegment(steps, context),
    { target: next, actions: 'storeMessage' },
    { target: errorTarget, actions: 'storeError' },
  );
}

function scopeState(step: Exclude<PlanStep, PlanAction>, next: string, errorTarget: string): StateConfig {
  if (step.disabled) return { entry: { type: 'traceSkipped', params: { step } }, always: next };
  switch (step.kind) {
    case 'try':
      return tryState(step, next, errorTarget);
    case 'choice':
      return choiceState(step, next, errorTarget);
    case 'for-each':
      return forEachState(step, next, errorTarget);
  }
}

function tryState(step: PlanTry, next: string, errorTarget: string): StateConfig {
  const id = stateId(step.id);
  const handlerStates: Record<string, StateConfig> = {};
  const catching: StateConfig[] = [];
  step.handlers.forEach((handler, index) => {
    const params = { step, index };
    catching.push({
      guard: { type: 'shouldRetry', params },
      target: 'waiting',
      actions: { type: 'countRetry', params: { tryId: step.id, index } },
    });
    catching.push({ guard: { type: 'handles', params }, target: `handler-${index}`, actions: 'exposeError' });
    handlerStates[`handler-${index}`] = {
      ...sequence(handler.steps, errorTarget),
      onDone: { target: 'exit', actions: 'clearError' },
    };
  });
  catching.push({ target: errorTarget });
  return {
    id,
    initial: 'body',
    entry: { type: 'enterTry', params: { step } },
    states: {
      body: { ...sequence(step.body, `#${id}.catching`), onDone: 'exit' },
      catching: { always: catching },
      waiting: workState(
        (context) => context.env.services.clock.sleep(retryDelay(step, context), context.env.signal),
        { target: 'body', actions: { type: 'restartTry', params: { tryId: step.id } } },
        { target: errorTarget, actions: 'storeError' },
      ),
      ...handlerStates,
      exit: { type: 'final' },
    },
    onDone: next,
  };
}

/** The wait before the next attempt, from the handler that asked for the retry. */
function retryDelay(step: PlanTry, context: RunContext): number {
  const index = step.handlers.findIndex((handler) => handles(handler.errorTypes, context.error));
  const handler = step.handlers[index];
  return handler ? retryDelayMs(handler, context.tries[step.id].retriesUsed[index]) : 0;
}

function choiceState(step: PlanChoice, next: string, errorTarget: string): StateConfig {
  const branchStates: Record<string, StateConfig> = {};
  step.branches.forEach((branch, index) => {
    branchStates[`when-${index}`] = { ...sequence(branch.steps, errorTarget), onDone: 'exit' };
  });
  return {
    id: stateId(step.id),
    initial: 'deciding',
    states: {
      deciding: workState(
        (context) => decideChoice(step, context),
        [
          ...step.branches.map((_, index) => ({
            guard: { type: 'branchChosen', params: { index } },
            target: `when-${index}`,
          })),
          { target: 'otherwise' },
        ],
        { target: errorTarget, actions: 'storeError' },
      ),
      ...branchStates,
      otherwise: { ...sequence(step.otherwise, errorTarget), onDone: 'exit' },
      exit: { type: 'final' },
    },
    onDone: next,
  };
}

function forEachState(step: PlanForEach, next: string, errorTarget: string): StateConfig {
  const params = { loopId: step.id };
  return {
    id: stateId(step.id),
    initial: 'starting',
    states: {
      starting: workState(
        (context) => startLoop(step, context),
        { target: 'next', actions: { type: 'storeLoop', params } },
        { target: errorTarget, actions: 'storeError' },
      ),
      next: {
        always: [
          { guard: { type: 'loopMustPause', params }, target: 'pausing' },
          { guard: { type: 'loopHasMore', params }, target: 'body', actions: { type: 'beginIteration', params } },
          { target: 'exit', actions: { type: 'endLoop', params } },
        ],
      },
      // Now and then a long loop (even one with an empty body) hands the event loop back here.
      pausing: workState(
        (context) => pauseLoop(context.loops[step.id], context.env),
        'next',
        { target: errorTarget, actions: 'storeError' },
      ),
      body: { ...sequence(step.body, errorTarget), onDone: { target: 'next', actions: { type: 'endIteration', params } } },
      exit: { type: 'final' },
    },
    onDone: next,
  };
}

/** Builds the machine of a flow plan; each execution is an actor of it. */
export function buildMachine(plan: FlowPlan) {
  return flowSetup.createMachine({
    id: 'flow',
    context: ({ input }: { input: RunContext }) => input,
    initial: 'main',
    states: {
      main: { ...sequence(plan.steps, '#flow.failed'), onDone: 'succeeded' },
      succeeded: { type: 'final' },
      failed: { type: 'final' },
    },
  } as never);
}

export type FlowMachine = ReturnType<typeof buildMachine>;
