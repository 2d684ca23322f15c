/**
 * @module A step type: the one object that the validator, runtime, editor, JSON Schema and docs read.
 */
import type { JsonSchema } from './json-schema.js';
import type { Message, StepOutput } from './message.js';
import type { StepMachine } from '../runtime/scope-api.js';

/** Palette groups, in the order the editor shows them. */
export type StepCategory = 'trigger' | 'variables' | 'flow-control' | 'errors' | 'logging' | 'http' | 'connector';

/**
 * A nested part of a scope step.
 * - `sequence`: one list of steps under `key` (a Try's body, a For Each body, a Choice's `otherwise`).
 * - `branches`: a list of `{id, config, steps}` under `key` (a Try's catch handlers, a Choice's `when` branches).
 */
export type ScopeSpec =
  | {
      kind: 'sequence';
      key: string;
      title: string;
      description?: string;
      /** The key may be left out of a file; absent means an empty list (a Choice's `otherwise`). */
      optional?: boolean;
    }
  | {
      kind: 'branches';
      key: string;
      title: string;
      description?: string;
      /** The title of one branch in the editor, e.g. "Catch", "When". */
      branchTitle: string;
      /** Schema of each branch's `config`. */
      branchConfig: JsonSchema;
      minItems?: number;
    };

/** Writes a line to the flow's log, tagged with the execution id and step id. */
export interface StepLogger {
  log(level: LogLevel, category: string, content: string): void;
}

export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

/** Named credentials kept by the server (secrets decrypted only when a step asks). */
export interface ConnectionResolver {
  get(name: string, connectorType: string): Promise<Record<string, unknown>>;
}

/** Calls another flow synchronously (Flow Reference); its trigger is skipped. */
export interface FlowInvoker {
  call(flowId: string, message: Message, signal: AbortSignal): Promise<Message>;
}

/** Time, injectable so that tests control it. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** How a flow runs: checkpointed at every step and resumed after a crash, or in memory only. */
export type ExecutionMode = 'durable' | 'express';

/** What `execute` receives. */
export interface StepContext<Config = Record<string, unknown>> {
  step: { id: string; type: string; name?: string };
  /** The step's config with every expression already evaluated against `message`. */
  config: Config;
  message: Message;
  /** Aborted when the execution is cancelled or times out; pass it to outbound calls. */
  signal: AbortSignal;
  executionId: string;
  flowId: string;
  /**
   * `executionId:stepId:attempt`: the same for a step re-run after a crash, new for each retry (a Try's
   * retry, another For Each iteration). Pass it on to receivers so that they do each effect once. The
   * runtime always sets it; it is optional only for contexts built outside the runtime (a target's sends).
   */
  idempotencyKey?: string;
  /** How the flow runs: `durable` (checkpointed, resumed after a crash) or `express` (in memory). */
  execution?: ExecutionMode;
  logger: StepLogger;
  connections: ConnectionResolver;
  flows: FlowInvoker;
  clock: Clock;
}

/**
 * A step type. Built-ins and connectors are registered the same way.
 *
 * @example
 * export const setPayload = defineStep({
 *   type: 'set-payload', title: 'Set Payload', category: 'variables', description: 'Replaces the payload.',
 *   config: { type: 'object', properties: { value: { title: 'Value' } }, required: ['value'] },
 *   execute: async ({ config }) => ({ payload: config.value }),
 * });
 */
export interface StepDefinition<Config = any> {
  /** Stable kebab-case id used in flow files: `set-variable`, `wecom-robot`. */
  type: string;
  title: string;
  category: StepCategory;
  /** Markdown; the first sentence is the palette tooltip, the whole text goes into the docs. */
  description: string;
  /** Other words people search the palette with (`wechat` for WeCom Robot, `respond` for Set Payload). */
  keywords?: string[];
  /** Title and description in other languages, by BCP 47 tag: `{ "zh-CN": { title: "设置变量" } }`. */
  i18n?: Record<string, StepTexts>;
  /** `trigger` steps only start flows; `scope` steps hold nested sequences; `action` is everything else. */
  kind: 'trigger' | 'action' | 'scope';
  /** Triggers: how a flow it starts runs when the flow does not say (`execution`); default `durable`. */
  defaultExecution?: ExecutionMode;
  /** Schema of the step's `config` object. */
  config: JsonSchema;
  scopes?: ScopeSpec[];
  /** Error types this step may raise, for docs and the Catch picker. */
  errors?: Array<{ type: string; description: string }>;
  /** The step talks to the outside world: a dry run stubs it, flow tests may stub it. */
  sideEffects?: boolean;
  /**
   * The step always ends the sequence it is in (Raise Error raises every time): the validator warns about
   * any step after it, which can never run.
   */
  stopsSequence?: boolean;
  /**
   * Durable flows: `none` when the step only computes from the message (the same message gives the same
   * output, nothing outside changes), so a crash may re-run it instead of a checkpoint keeping its result;
   * `external` (the default, for connectors and unknown steps) gets a checkpoint once it has run.
   */
  effects?: 'none' | 'external';
  /** Config fields evaluated by the runtime itself, not before `execute` (e.g. a Choice condition). */
  lazyFields?: string[];
  /**
   * The states the step contributes to the flow's machine: every scope has one (its whole behaviour lives
   * in its folder), and so may an action that waits durably (Delay). Such a step has no `execute`.
   */
  machine?: StepMachine<any>;
  /** Absent on triggers and on steps with a `machine`. */
  execute?(context: StepContext<Config>): Promise<StepOutput | void>;
}

/** The title and description of a config field in one more language. */
export interface FieldTexts {
  title?: string;
  /** Markdown, like the schema's `description`. */
  description?: string;
}

/**
 * Config fields' texts by dotted path: `level`, `response.status` (a field of the object field `response`);
 * a list of objects is passed through, so `articles.title` is the `title` field of each of `articles`' items,
 * and `receivers[]` is one item of `receivers` (its title names each item in the form).
 */
export type FieldTextsByPath = Record<string, FieldTexts>;

/** The texts of a step type in one more language; the English ones stand for any left out. */
export interface StepTexts {
  title?: string;
  /** Markdown, like `description`. */
  description?: string;
  /** The config fields' titles and descriptions, by dotted path ({@link FieldTextsByPath}). */
  fields?: FieldTextsByPath;
  /** Titles of the scope's parts, by the part's `key`; `fields` are those of a branch's `branchConfig`. */
  scopes?: Record<string, { title?: string; branchTitle?: string; fields?: FieldTextsByPath }>;
}

/** Identity helper that keeps the config type of a definition. */
export function defineStep<Config>(definition: StepDefinition<Config>): StepDefinition<Config> {
  return definition;
}
