/**
 * @module The contract between the runtime and a step type that contributes states to the flow's machine
 * (a scope such as Try, Choice or For Each, or a step that waits, such as Delay). The step's folder holds its
 * whole behaviour; the runtime only builds sequences and runs the generic actions named here.
 */
import type { FlowError } from '../core/errors.js';
import type { Message } from '../core/message.js';
import type { StepNode } from '../flow/document.js';
import type { CompiledValue } from '../expressions/index.js';
import type { ExecutionEnv, RunState } from './environment.js';
import type { PlanStep, PlanStepBase } from './plan.js';
import type { StepStatus } from './types.js';

/** An xstate state node config, as plain data. */
export type StateConfig = Record<string, unknown>;

/** Asynchronous work started on entering a state; its result arrives as `work.done`, its error as `work.error`. */
export type Work = (state: RunState) => Promise<unknown>;

/** The event a state's work reports with. */
export type WorkEvent =
  | { type: 'work.done'; output: unknown }
  | { type: 'work.error'; error: unknown }
  | { type: 'work.resume' };

/** A change to the machine's context computed from it (and the event that caused it). */
export type StateUpdate = (state: RunState, event: WorkEvent) => Partial<RunState>;

/** One branch of a scope in the plan: a Catch handler, a `when` of a Choice. */
export interface PlanBranch {
  id: string;
  path: string;
  /** The branch's raw `config` (literal values). */
  config: Record<string, unknown>;
  /** The branch's `config`, compiled (for expressions such as a condition). */
  compiled: CompiledValue;
  steps: PlanStep[];
}

/** A step whose states come from its definition's `machine`; `detail` is what its `plan` built. */
export interface PlanScope<Detail = unknown> extends PlanStepBase {
  kind: 'scope';
  machine: StepMachine<Detail>;
  detail: Detail;
}

/** What a step's `plan` may use to plan its nested parts. */
export interface PlanTools {
  /**
   * Plans the sequence under `key` of the node (empty when absent). `inside`: the steps are inside this
   * step, so their traces carry its counters (attempt, iteration) and their errors are its to handle.
   */
  sequence(key: string, options?: { inside?: boolean }): PlanStep[];
  /** Plans the branches under `key` of the node (each branch's steps, config and compiled config). */
  branches(key: string, options?: { inside?: boolean }): PlanBranch[];
}

/** What a step's `states` may use to build its part of the machine. */
export interface MachineTools {
  /** The states of a nested sequence, ending in a final `done` state; errors go to `errorTarget`. */
  sequence(steps: PlanStep[], errorTarget: string): { initial: string; states: Record<string, StateConfig> };
  /** The state id of a step (for `#id` targets). */
  stateId(stepId: string): string;
  /** A state that runs `work`, then takes `onDone` (its result in `event.output`) or `onError`. */
  work(work: Work, onDone: unknown, onError: unknown): StateConfig;
  /** An action that merges `update`'s result into the context. */
  assign(update: StateUpdate): unknown;
  /** A guard that holds when `test` does. */
  guard(test: (state: RunState, event: WorkEvent) => boolean): unknown;
  /** The action that takes the work's output as the new message. */
  storeMessage: unknown;
  /** The action that takes the work's error (and the message it failed with) into the context. */
  storeError: unknown;
  /** The services, limits, clock and trace of the execution a context belongs to. */
  env(state: RunState): ExecutionEnv;
  /** Runs `work(step, state, argument)` as `step`, with its trace entry; errors come out with the step id. */
  traced<T, S extends PlanStep = PlanStep, A = undefined>(
    step: S,
    state: RunState,
    work: (step: S, state: RunState, argument: A) => Promise<{ value: T; status?: StepStatus; output?: unknown }>,
    argument?: A,
  ): Promise<T>;
  /** Records `step` as skipped. */
  traceSkipped(step: PlanStep, state: RunState): void;
  /** Evaluates a compiled value against a message, bounded like every expression of the execution. */
  evaluate(value: CompiledValue, message: Message, state: RunState, step: { id: string }): Promise<unknown>;
  /** Evaluates the step's own config against the state's message and checks it against the step's schema. */
  evaluateConfig(step: PlanStep, state: RunState): Promise<Record<string, unknown>>;
}

/**
 * What a step's `run` may use to run its part of an express execution without an actor. Its context is the
 * machine's, except that `scopes` is one object per execution, changed in place (nothing snapshots it).
 */
export interface RunTools
  extends Pick<MachineTools, 'env' | 'traced' | 'traceSkipped' | 'evaluate' | 'evaluateConfig'> {
  /** Runs a nested sequence; resolves with the state after its last step, rejects with a {@link RunFailure}. */
  sequence(steps: PlanStep[], state: RunState): Promise<RunState>;
  /**
   * The rejection of a failed part, carrying the message it failed with: `thrown` itself when it is one
   * already (it comes from a nested step), else its error with `message`, as the machine's `storeError` does.
   */
  failure(thrown: unknown, message: Message): RunFailure;
}

/** How a part of an express execution failed: the error and the message the failing step was given. */
export interface RunFailure {
  readonly error: FlowError;
  readonly message: Message;
}

/**
 * How a step type contributes to the machine. Registered in the step definition (`machine`), so a new scope
 * or waiting step is one folder and one registration.
 *
 * @example
 * const passThrough: StepMachine = {
 *   plan: (node, tools) => tools.sequence('steps', { inside: true }),
 *   states: (step, next, errorTarget, tools) => ({ ...tools.sequence(step.detail as PlanStep[], errorTarget), onDone: next }),
 * };
 */
export interface StepMachine<Detail = unknown> {
  /** Plans the nested parts once per published flow; the result is `PlanScope.detail`. */
  plan?(node: StepNode, tools: PlanTools): Detail;
  /** The state of the step: entered in sequence, leaves to `next`, or to `errorTarget` on an error. */
  states(step: PlanScope<Detail>, next: string, errorTarget: string, tools: MachineTools): StateConfig;
  /**
   * Runs the step in an express execution without an actor, exactly as its `states` would: the same traces,
   * counters, messages and errors. A flow whose scopes all have `run` runs without an actor in express mode;
   * durable executions always run the machine (its snapshots are the checkpoints).
   */
  run?(step: PlanScope<Detail>, state: RunState, tools: RunTools): Promise<RunState>;
}
