/**
 * @module Compiles a flow plan into one xstate machine. Plain steps are states whose work ends in a
 * `work.done` or `work.error` event (in express mode a run of consecutive plain steps is one state); every
 * other step contributes its own states through its definition's `machine` (see scope-api.ts). The runtime
 * knows no step kind by name.
 */
import { assign, setup } from 'xstate';
import { toFlowError } from '../core/errors.js';
import type { Message } from '../core/message.js';
import { envOf, type RunState } from './environment.js';
import type { FlowPlan, PlanAction, PlanStep } from './plan.js';
import type { MachineTools, PlanScope, StateConfig, StateUpdate, Work, WorkEvent } from './scope-api.js';
import { runSegment, SegmentFailure } from './segment.js';
import { evaluateStepConfig, evaluationContext, traced, traceSkipped } from './step-runner.js';
import type { WorkEffects } from './environment.js';

/** State key and id of a step; the prefix keeps step ids apart from the machine's own state names. */
const stateId = (stepId: string) => `s-${stepId}`;

const flowSetup = setup({
  types: {
    context: {} as RunState,
    input: {} as RunState,
    events: {} as WorkEvent,
  },
  actions: {
    // The asynchronous work of a state runs outside the machine and reports back as an event. This costs far
    // less than spawning a promise actor per state; a state only ever waits for its own work. A durable
    // execution first waits for the checkpoint of the state it is in to be on disk.
    startWork: ({ context, self }, params: { work: Work; effects?: WorkEffects }) => {
      const env = envOf(context);
      const { work, effects = 'scope' } = params;
      const started = env.beforeWork ? env.beforeWork(effects).then(() => work(context)) : work(context);
      // The late result of an execution already over (timed out, cancelled) goes nowhere.
      started.then(
        (output) => env.closed || self.send({ type: 'work.done', output }),
        (error: unknown) => env.closed || self.send({ type: 'work.error', error }),
      );
    },
    storeMessage: assign({ message: ({ event }) => (event as { output: Message }).output }),
    storeError: assign(({ context, event }) => {
      const thrown = (event as { error: unknown }).error;
      if (thrown instanceof SegmentFailure) return { error: thrown.error, message: thrown.message };
      return { error: toFlowError(thrown), message: context.message };
    }),
    update: assign(({ context, event }, params: { update: StateUpdate }) => params.update(context, event)),
    traceSkipped: ({ context }, params: { step: PlanStep }) => traceSkipped(params.step, context),
  },
  guards: {
    test: ({ context, event }, params: { test: (state: RunState, event: WorkEvent) => boolean }) =>
      params.test(context, event),
  },
});

/** A state that runs `work` and moves on with its result or its error; `work.resume` starts it again. */
function workState(work: Work, onDone: unknown, onError: unknown, effects?: WorkEffects): StateConfig {
  const start = { type: 'startWork', params: { work, effects } };
  return { entry: start, on: { 'work.done': onDone, 'work.error': onError, 'work.resume': { actions: start } } };
}

/** One state of a sequence: a run of consecutive plain steps, or one step with states of its own. */
type SequencePart = { kind: 'segment'; steps: PlanAction[] } | { kind: 'scope'; step: PlanScope };

export interface MachineOptions {
  /**
   * Durable flows: a run of plain steps ends after each step with outside effects, so that the boundary after
   * it (where its checkpoint is taken) is a state boundary; express flows keep each run in one state.
   */
  splitAfterEffects?: boolean;
}

/** Whether a plain step may change something outside the execution (see `StepDefinition.effects`). */
export const hasEffects = (step: PlanAction) => !step.disabled && step.definition.effects !== 'none';

/** Builds the machine of a flow plan; each execution is an actor of it. */
export function buildMachine(plan: FlowPlan, options: MachineOptions = {}) {
  const sequenceParts = (steps: PlanStep[]): SequencePart[] => {
    const parts: SequencePart[] = [];
    for (const step of steps) {
      const last = parts.at(-1);
      if (step.kind === 'scope') parts.push({ kind: 'scope', step });
      else if (last?.kind === 'segment' && !(options.splitAfterEffects && last.steps.some(hasEffects))) {
        last.steps.push(step);
      }
      else parts.push({ kind: 'segment', steps: [step] });
    }
    return parts;
  };
  const partKey = (part: SequencePart) => stateId(part.kind === 'segment' ? part.steps[0].id : part.step.id);

  const sequence: MachineTools['sequence'] = (steps, errorTarget) => {
    const parts = sequenceParts(steps);
    const states: Record<string, StateConfig> = {};
    parts.forEach((part, index) => {
      const next = index + 1 < parts.length ? partKey(parts[index + 1]) : 'done';
      states[partKey(part)] =
        part.kind === 'segment' ? segmentState(part.steps, next, errorTarget) : scopeState(part.step, next, errorTarget);
    });
    states.done = { type: 'final' };
    return { initial: parts.length > 0 ? partKey(parts[0]) : 'done', states };
  };

  const tools: MachineTools = {
    sequence,
    stateId,
    work: workState,
    assign: (update) => ({ type: 'update', params: { update } }),
    guard: (test) => ({ type: 'test', params: { test } }),
    storeMessage: 'storeMessage',
    storeError: 'storeError',
    env: envOf,
    traced,
    traceSkipped,
    evaluate: (value, message, state, step) => value.evaluate(message, evaluationContext(envOf(state), step)),
    evaluateConfig: (step, state) => evaluateStepConfig(step, state.message, envOf(state)),
  };

  const segmentState = (steps: PlanAction[], next: string, errorTarget: string): StateConfig =>
    workState(
      (state) => runSegment(steps, state),
      { target: next, actions: 'storeMessage' },
      { target: errorTarget, actions: 'storeError' },
      steps.some(hasEffects) ? 'external' : 'none',
    );

  const scopeState = (step: PlanScope, next: string, errorTarget: string): StateConfig => {
    if (step.disabled) return { entry: { type: 'traceSkipped', params: { step } }, always: next };
    return { id: stateId(step.id), ...step.machine.states(step, next, errorTarget, tools) };
  };

  return flowSetup.createMachine({
    id: 'flow',
    context: ({ input }: { input: RunState }) => input,
    initial: 'main',
    states: {
      main: { ...sequence(plan.steps, '#flow.failed'), onDone: 'succeeded' },
      succeeded: { type: 'final' },
      failed: { type: 'final' },
    },
  } as never);
}

export type FlowMachine = ReturnType<typeof buildMachine>;
