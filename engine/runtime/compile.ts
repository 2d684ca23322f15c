/**
 * @module Compiles a flow document once: validates it, compiles its expressions and builds its machine.
 */
import { FlowbusError } from '../core/errors.js';
import type { Registry } from '../core/registry.js';
import type { FlowDocument } from '../flow/document.js';
import { validateFlow } from '../flow/validate.js';
import type { ExecutionMode } from '../core/step-definition.js';
import { actorDriver } from './actor-driver.js';
import { executeFlow, type FlowRunner } from './execute.js';
import { interpretable, interpreterDriver } from './interpreter.js';
import { buildMachine } from './machine.js';
import { buildPlan } from './plan.js';
import type { CompiledFlow } from './types.js';

export interface CompileOptions {
  /** The file the document came from, for issue messages. */
  file?: string;
  /** The caller has just validated the document with the same registry: it is not validated again. */
  validated?: boolean;
  /**
   * Runs express executions on the machine's actor even where the interpreter could: the reference the
   * interpreter is tested against.
   */
  expressActor?: boolean;
}

/**
 * Compiles a flow. Throws a `VALIDATION` FlowbusError whose `details.issues` lists every problem.
 *
 * @example
 * const flow = compileFlow('echo', document, registry);
 * const record = await flow.execute({ payload: { hello: 'world' } });
 */
export function compileFlow(
  flowId: string,
  document: FlowDocument,
  registry: Registry,
  options: CompileOptions = {},
): CompiledFlow {
  const issues = options.validated ? [] : validateFlow(document, registry, { file: options.file });
  if (issues.length > 0) {
    const where = options.file ?? `flow "${flowId}"`;
    throw new FlowbusError('VALIDATION', `${where} has ${issues.length} problem(s): ${issues[0].message}`, {
      issues,
    });
  }
  const plan = buildPlan(document, registry);
  const mode = executionMode(document, registry);
  // A durable flow's runs of plain steps end after each step with effects (its checkpoint follows it).
  const machine = buildMachine(plan, { splitAfterEffects: mode === 'durable' });
  // Express executions run without an actor where every scope of the flow can (see interpreter.ts).
  const express = interpretable(plan) && !options.expressActor ? interpreterDriver(plan) : actorDriver(machine);
  const runner: FlowRunner = {
    mode,
    driver: (options) =>
      mode === 'express' ? express : actorDriver(machine, options.checkpoints, options.resume),
  };
  return {
    id: flowId,
    document,
    execution: mode,
    machine,
    execute: (input, executeOptions) => executeFlow(flowId, runner, input, executeOptions),
  };
}

/** The flow's `execution`, else its trigger type's default, else durable. */
export function executionMode(document: FlowDocument, registry: Registry): ExecutionMode {
  return document.execution ?? registry.get(document.trigger.type)?.defaultExecution ?? 'durable';
}
