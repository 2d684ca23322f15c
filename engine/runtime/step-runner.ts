/**
 * @module Runs one step for the machine: evaluates its config, calls `execute` (or a stub), and traces it.
 */
import { FlowbusError, toFlowError, type FlowError } from '../core/errors.js';
import { applyStepOutput, type Message, type StepOutput } from '../core/message.js';
import type {
  Clock,
  ConnectionResolver,
  ExecutionMode,
  FlowInvoker,
  StepContext,
  StepLogger,
} from '../core/step-definition.js';
import type { EvaluationContext } from '../expressions/index.js';
import { checkEvaluatedConfig } from './config-check.js';
import { envOf, pushLog, pushTrace, type ExecutionEnv, type RunState } from './environment.js';
import { boundLogContent, checkMessageSize, pace } from './limits.js';
import type { PlanAction, PlanStep } from './plan.js';
import { stepOutput } from './summary.js';
import type { StepStatus, StepTrace } from './types.js';

/** Deepest chain of Flow Reference calls before the call is refused. */
export const MAX_CALL_DEPTH = 16;

/** Options for every expression evaluated on behalf of `step`. */
export function evaluationContext(env: ExecutionEnv, step: { id: string }): EvaluationContext {
  return {
    bindings: { executionId: env.executionId, flowId: env.flowId, stepId: step.id },
    // No signal: the runtime's bindings hold no functions, so nothing needs to race it; `cancellation` is asked.
    cancellation: env.cancellation,
    limits: { valueBytes: env.limits.valueBytes },
    sizes: env.sizes,
    variables: env.services.variables,
  };
}

/**
 * Evaluates a step's own config against `message` and checks the values against the step type's schema:
 * `VALIDATION`, naming the step, the field's pointer and what was expected, when an expression gave a value
 * of the wrong type.
 */
export async function evaluateStepConfig(
  step: PlanStep,
  message: Message,
  env: ExecutionEnv,
): Promise<Record<string, unknown>> {
  const config = (await step.config.evaluate(message, evaluationContext(env, step))) as Record<string, unknown>;
  // A literal config was checked when the flow was validated; an expression may give any value.
  if (step.config.dynamic) checkEvaluatedConfig(step, config);
  return config;
}

/** What a step's traced work gives: its value, and what its trace entry says. */
export type TracedResult<T> = { value: T; status?: StepStatus; output?: unknown; config?: Record<string, unknown> };

/**
 * Runs `work(step, context, argument)` as step `step`, recording its trace entry; errors come out as
 * FlowbusError with the step id. `work` is given what it needs rather than closing over it, so that a step
 * run makes no function of its own.
 */
export async function traced<T, S extends PlanStep = PlanStep, A = undefined>(
  step: S,
  context: RunState,
  work: (step: S, context: RunState, argument: A) => Promise<TracedResult<T>>,
  argument?: A,
): Promise<T> {
  const env = envOf(context);
  const startedAt = Date.now();
  const started = performance.now();
  env.current = { stepId: step.id, type: step.type, path: step.path, startedAt, started };
  try {
    const result = await work(step, context, argument as A);
    const entry = traceEntry(step, context, startedAt, started, result.status ?? 'succeeded');
    entry.output = result.output;
    if (result.config) entry.config = result.config;
    pushTrace(env, entry);
    return result.value;
  } catch (thrown) {
    const error = toFlowError(thrown, step.id);
    const entry = traceEntry(step, context, startedAt, started, 'failed');
    entry.error = error;
    pushTrace(env, entry);
    const rethrown = new FlowbusError(error.type, error.message, error.details);
    rethrown.step = error.step;
    throw rethrown;
  } finally {
    if (env.current?.stepId === step.id) env.current = undefined;
  }
}

/**
 * A trace entry ending now, up to its status. Built field by field, in the order records show them, instead of
 * spread into a literal with more fields: on Node 20 that costs about a microsecond per entry.
 */
function traceEntry(step: PlanStep, context: RunState, startedAt: number, started: number, status: StepStatus) {
  const entry = {
    stepId: step.id,
    type: step.type,
    path: step.path,
    startedAt,
    endedAt: Date.now(),
    durationMs: Math.round((performance.now() - started) * 1000) / 1000,
  } as StepTrace;
  for (const scopeId of step.scopes) {
    const scope = context.scopes[scopeId];
    if (scope?.iteration !== undefined) entry.iteration = scope.iteration;
    if (scope?.attempt !== undefined) entry.attempt = scope.attempt;
  }
  entry.status = status;
  return entry;
}

/**
 * `executionId:stepId:attempt` for the step's current run: each enclosing iteration is added to the step id
 * (`send[2]`), the attempt is the innermost enclosing retried scope's run count (1 outside one). Computed from
 * the context alone, so a step re-run after a crash gets the key it had before.
 */
export function idempotencyKey(step: PlanStep, context: RunState, executionId: string): string {
  let stepKey = step.id;
  let attempt = 1;
  for (const scopeId of step.scopes) {
    const scope = context.scopes[scopeId];
    if (scope?.iteration !== undefined) stepKey += `[${scope.iteration}]`;
    if (scope?.runs !== undefined) attempt = scope.runs;
  }
  return `${executionId}:${stepKey}:${attempt}`;
}

/** Records a disabled step as skipped. */
export function traceSkipped(step: PlanStep, context: RunState): void {
  pushTrace(envOf(context), traceEntry(step, context, Date.now(), performance.now(), 'skipped'));
}

/** The promise behind an action step's state: returns the step's output message. */
export async function runAction(step: PlanAction, context: RunState): Promise<Message> {
  await pace(envOf(context));
  return traced(step, context, checkedActionResult);
}

async function checkedActionResult(step: PlanAction, context: RunState) {
  const result = await actionResult(step, context);
  checkMessageSize(envOf(context), result.value);
  return result;
}

async function actionResult(step: PlanAction, context: RunState) {
  const env = envOf(context);
  const { message } = context;
  const config = await evaluateStepConfig(step, message, env);
  const stub = env.stubs[step.id] ?? (env.dryRun && step.definition.sideEffects ? {} : undefined);
  if (stub) {
    if (stub.error) {
      const { type, message: text, details } = stub.error;
      throw new FlowbusError(type, text ?? `stubbed ${type}`, details);
    }
    const next = applyStepOutput(message, stub.output);
    const status = 'stubbed' as const;
    return { value: next, status, output: stepOutput(next), config: redactSecrets(step, config) };
  }
  const execute = step.definition.execute;
  if (!execute) return { value: message, output: stepOutput(message) };
  const output: StepOutput | void = await execute(stepContext(step, context, config));
  const next = applyStepOutput(message, output);
  return { value: next, output: stepOutput(next) };
}

/**
 * What an action step's `execute` gets. A class, so that `signal` is a getter of the prototype: an object literal
 * with a getter is made by a slow path of V8, and the signal is made only when a step reads it.
 */
class ActionStepContext implements StepContext {
  readonly step: { id: string; type: string };
  readonly executionId: string;
  readonly flowId: string;
  readonly idempotencyKey: string;
  readonly execution: ExecutionMode;
  readonly clock: Clock;
  readonly connections: ConnectionResolver;
  readonly logger: StepLogger;
  readonly flows: FlowInvoker;
  readonly #env: ExecutionEnv;

  constructor(
    action: PlanAction,
    context: RunState,
    readonly config: Record<string, unknown>,
    readonly message: Message,
  ) {
    const env = envOf(context);
    this.#env = env;
    this.step = { id: action.id, type: action.type };
    this.executionId = env.executionId;
    this.flowId = env.flowId;
    this.idempotencyKey = idempotencyKey(action, context, env.executionId);
    this.execution = env.mode;
    this.clock = env.services.clock;
    this.connections = env.services.connections;
    this.logger = {
      log(level, category, content) {
        const entry = {
          time: Date.now(),
          level,
          category,
          content: boundLogContent(content, env.limits.logLineBytes),
          executionId: env.executionId,
          flowId: env.flowId,
          stepId: action.id,
        };
        pushLog(env, entry);
        env.services.log(entry);
      },
    };
    this.flows = { call: (flowId, input, signal) => callFlow(env, action, flowId, input, signal) };
  }

  get signal(): AbortSignal {
    return this.#env.cancellation.signal;
  }
}

function stepContext(step: PlanAction, context: RunState, config: Record<string, unknown>): StepContext {
  return new ActionStepContext(step, context, config, context.message);
}

async function callFlow(env: ExecutionEnv, step: PlanAction, flowId: string, input: Message, signal: AbortSignal) {
  const chain = [...env.callers, env.flowId, flowId];
  if (env.callDepth >= MAX_CALL_DEPTH) {
    const nest = `flow references nest deeper than ${MAX_CALL_DEPTH} calls`;
    const message = `${nest}; the chain: ${describeChain(chain)}`;
    throw new FlowbusError('FLOW:RECURSION', message, { flowId, flows: chain });
  }
  const target = env.services.resolveFlow(flowId);
  if (!target) throw new FlowbusError('FLOW:NOT_FOUND', `flow "${flowId}" is not published`, { flowId });
  const record = await target.execute(
    { payload: input.payload, attributes: input.attributes, vars: input.vars },
    {
      executionId: `${env.executionId}/${step.id}`,
      signal,
      callDepth: env.callDepth + 1,
      callers: [...env.callers, env.flowId],
      services: env.services,
      dryRun: env.dryRun,
      limits: env.limits,
    },
  );
  for (const entry of record.steps) {
    pushTrace(env, { ...entry, stepId: `${step.id}/${entry.stepId}`, path: `${flowId}#${entry.path}` });
  }
  const elided = record.elided?.steps?.byKey ?? {};
  env.trace.addElided(Object.fromEntries(Object.entries(elided).map(([id, n]) => [`${step.id}/${id}`, n])));
  if (record.status === 'succeeded' && record.result) return record.result;
  const error = record.error ?? { type: 'FLOW:FAILED', message: `flow "${flowId}" failed` };
  // An error from deeper down already says where it happened (and a recursion names the whole chain): it is
  // passed on as it is, so that the message names the flow once, however deep the calls went.
  if (error.details?.calledBy !== undefined || error.type === 'FLOW:RECURSION') throw toFlowbusError(error);
  const callers = [...env.callers, env.flowId];
  const where = `in flow "${flowId}" (called by ${describeChain(callers)})`;
  throw new FlowbusError(error.type, `${where}: ${error.message}`, {
    ...error.details,
    flowId,
    calledBy: callers,
    ...(error.step ? { flowStep: error.step } : {}),
  });
}

function toFlowbusError(error: FlowError): FlowbusError {
  return new FlowbusError(error.type, error.message, error.details);
}

/** `"a" → "b" → "b" (x15)`: a chain of flow ids, repeats folded. */
export function describeChain(chain: string[]): string {
  const parts: string[] = [];
  for (let index = 0; index < chain.length; ) {
    let end = index + 1;
    while (end < chain.length && chain[end] === chain[index]) end++;
    parts.push(end - index > 1 ? `"${chain[index]}" (x${end - index})` : `"${chain[index]}"`);
    index = end;
  }
  return parts.join(' → ');
}

/** A copy of an evaluated config with the fields the step marks `x-secret` replaced. */
export function redactSecrets(step: PlanStep, config: Record<string, unknown>): Record<string, unknown> {
  const properties = step.definition.config.properties ?? {};
  const redacted = { ...config };
  for (const [name, schema] of Object.entries(properties)) {
    if (schema['x-secret'] && redacted[name] !== undefined) redacted[name] = REDACTED;
  }
  return redacted;
}

/** What a secret value is replaced with in traces and logs. */
export const REDACTED = '***';
