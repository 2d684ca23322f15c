/**
 * @module Runs an express execution without an actor: a sequence is its runs of plain steps (each one
 * segment, as in the machine) and its scope steps, each run by its definition's `run`. The machine of the same
 * flow is the reference: the same traces, counters, messages and errors (interpreter.test.ts compares them).
 * Durable executions never come here: their checkpoints are the machine's snapshots.
 */
import { toFlowError } from '../core/errors.js';
import type { Message } from '../core/message.js';
import { envOf, type RunState } from './environment.js';
import type { Driver } from './execute.js';
import type { FlowPlan, PlanAction, PlanStep } from './plan.js';
import type { PlanScope, RunTools } from './scope-api.js';
import { runSegment, SegmentFailure } from './segment.js';
import { evaluateStepConfig, evaluationContext, traced, traceSkipped } from './step-runner.js';

/** One part of a sequence: a run of consecutive plain steps, or one scope step. */
type Part = { kind: 'segment'; steps: PlanAction[] } | { kind: 'scope'; step: PlanScope };

/** Parts of each planned sequence, built on its first run: plans are built once and never change. */
const partsOfSequence = new WeakMap<PlanStep[], Part[]>();

function partsOf(steps: PlanStep[]): Part[] {
  let parts = partsOfSequence.get(steps);
  if (parts) return parts;
  parts = [];
  for (const step of steps) {
    const last = parts.at(-1);
    if (step.kind === 'scope') parts.push({ kind: 'scope', step });
    else if (last?.kind === 'segment') last.steps.push(step);
    else parts.push({ kind: 'segment', steps: [step] });
  }
  partsOfSequence.set(steps, parts);
  return parts;
}

function failure(thrown: unknown, message: Message): SegmentFailure {
  return thrown instanceof SegmentFailure ? thrown : new SegmentFailure(toFlowError(thrown), message);
}

/** Runs `steps` from `state`; resolves with the state after the last one, rejects with a SegmentFailure. */
export async function runSequence(steps: PlanStep[], state: RunState): Promise<RunState> {
  let current = state;
  for (const part of partsOf(steps)) {
    if (part.kind === 'segment') {
      const message = await runSegment(part.steps, current);
      if (message !== current.message) current = { ...current, message };
    } else if (part.step.disabled) {
      traceSkipped(part.step, current);
    } else {
      current = await part.step.machine.run!(part.step, current, runTools);
    }
  }
  return current;
}

const runTools: RunTools = {
  sequence: runSequence,
  failure,
  env: envOf,
  traced,
  traceSkipped,
  evaluate: (value, message, state, step) => value.evaluate(message, evaluationContext(envOf(state), step)),
  evaluateConfig: (step, state) => evaluateStepConfig(step, state.message, envOf(state)),
};

/** Whether every scope step of the plan (nested ones too) can run without an actor. */
export function interpretable(plan: FlowPlan): boolean {
  for (const step of plan.byId.values()) if (step.kind === 'scope' && !step.machine.run) return false;
  return true;
}

/** The driver of express executions of `plan`: its steps run in this process's promises, no actor. */
export function interpreterDriver(plan: FlowPlan): Driver {
  return {
    start(context, _env, done) {
      runSequence(plan.steps, context).then(
        (state) => done({ status: 'succeeded', message: state.message }),
        (thrown) => done({ status: 'failed', error: failure(thrown, context.message).error }),
      );
      // A stopped execution's steps find their environment gone at their next step and end there.
      return { stop: () => {} };
    },
  };
}
