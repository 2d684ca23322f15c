/**
 * @module A step type: the one object that the validator, runtime, editor, JSON Schema and docs read.
 */
import type { JsonSchema } from './json-schema.js';
import type { Message, StepOutput } from './message.js';

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
  /** `trigger` steps only start flows; `scope` steps hold nested sequences; `action` is everything else. */
  kind: 'trigger' | 'action' | 'scope';
  /** Schema of the step's `config` object. */
  config: JsonSchema;
  scopes?: ScopeSpec[];
  /** Error types this step may raise, for docs and the Catch picker. */
  errors?: Array<{ type: string; description: string }>;
  /** The step talks to the outside world: a dry run stubs it, flow tests may stub it. */
  sideEffects?: boolean;
  /** Config fields evaluated by the runtime itself, not before `execute` (e.g. a Choice condition). */
  lazyFields?: string[];
  /** Absent on triggers and on scopes, whose behaviour is the runtime's. */
  execute?(context: StepContext<Config>): Promise<StepOutput | void>;
}

/** Identity helper that keeps the config type of a definition. */
export function defineStep<Config>(definition: StepDefinition<Config>): StepDefinition<Config> {
  return definition;
}
