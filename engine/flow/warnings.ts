/**
 * @module Warnings: what a valid flow says that is probably not what its author meant. They are shown but
 * never block a save or a publish: `error` read where no error can be, a variable read before any step sets
 * it, steps that can never run, Catch error types that can never match.
 */
import type { ValidationIssue } from '../core/issues.js';
import { joinPointer } from '../core/issues.js';
import type { Registry } from '../core/registry.js';
import type { ScopeSpec, StepDefinition } from '../core/step-definition.js';
import { isExpressionValue } from '../expressions/value.js';
import { messageReads } from '../expressions/message-reads.js';
import { sortByDocumentOrder } from '../json/issue-order.js';
import { catchWarnings, isErrorHandlerScope } from './catch-warnings.js';
import { flowReferenceFields } from './validate-config.js';
import { variablesSetBy } from './variables-set.js';

/** What the walk over one flow shares. */
interface WarningWalk {
  registry: Registry;
  warnings: ValidationIssue[];
  /** Variables some earlier step sets. */
  setVars: Set<string>;
  /** An earlier step may set any variable (a Flow Reference returns the called flow's vars). */
  anyVars: boolean;
}

/**
 * Every warning of a flow document, in document order, each with `severity: "warning"`. Meant for a flow
 * {@link validateFlow} found valid; parts it cannot read (an unknown step type) are skipped quietly.
 *
 * @example
 * for (const warning of findFlowWarnings(document, registry, { file })) console.error(formatIssue(warning));
 */
export function findFlowWarnings(
  document: unknown,
  registry: Registry,
  options: { file?: string } = {},
): ValidationIssue[] {
  if (!isObject(document)) return [];
  const walk: WarningWalk = { registry, warnings: [], setVars: new Set(), anyVars: false };
  if (isObject(document.trigger)) checkExpressions(document.trigger, '/trigger', false, walk, { vars: false });
  if (Array.isArray(document.steps)) walkSequence(document.steps, '/steps', false, walk);
  const file = options.file === undefined ? {} : { file: options.file };
  return sortByDocumentOrder(walk.warnings, document).map((warning) => ({ ...file, ...warning }));
}

function walkSequence(steps: unknown[], pointer: string, inCatch: boolean, walk: WarningWalk): void {
  let stoppedBy: string | undefined;
  steps.forEach((step, index) => {
    if (!isObject(step)) return;
    const at = joinPointer(pointer, index);
    if (stoppedBy !== undefined) {
      warn(walk, at, step, 'unreachable-step', `this step never runs: step "${stoppedBy}" before it always ends the sequence`);
      stoppedBy = undefined;
    }
    const definition = typeof step.type === 'string' ? walk.registry.get(step.type) : undefined;
    walkStep(step, at, definition, inCatch, walk);
    if (definition?.stopsSequence && step.disabled !== true) stoppedBy = String(step.id);
  });
}

function walkStep(
  step: Record<string, unknown>,
  pointer: string,
  definition: StepDefinition | undefined,
  inCatch: boolean,
  walk: WarningWalk,
): void {
  checkExpressions(step, pointer, inCatch, walk, { vars: true });
  if (!definition) return;
  const config = isObject(step.config) ? step.config : {};
  for (const name of variablesSetBy(definition.config, config)) walk.setVars.add(name);
  if (flowReferenceFields(definition).length > 0) walk.anyVars = true;
  for (const scope of definition.scopes ?? []) walkScope(step, pointer, scope, definition, inCatch, walk);
}

function walkScope(
  step: Record<string, unknown>,
  pointer: string,
  scope: ScopeSpec,
  definition: StepDefinition,
  inCatch: boolean,
  walk: WarningWalk,
): void {
  const part = step[scope.key];
  if (!Array.isArray(part)) return;
  const at = joinPointer(pointer, scope.key);
  if (scope.kind === 'sequence') {
    walkSequence(part, at, inCatch, walk);
    return;
  }
  const handlers = isErrorHandlerScope(scope);
  if (handlers) walk.warnings.push(...catchWarnings(step, definition, scope, pointer, walk.registry));
  part.forEach((branch, index) => {
    if (!isObject(branch)) return;
    const branchPointer = joinPointer(at, index);
    checkExpressions(branch, branchPointer, inCatch, walk, { vars: true });
    if (Array.isArray(branch.steps)) {
      walkSequence(branch.steps, joinPointer(branchPointer, 'steps'), inCatch || handlers, walk);
    }
  });
}

/** Warns about the expressions in a node's config: `error` outside a Catch, variables nothing set. */
function checkExpressions(
  node: Record<string, unknown>,
  pointer: string,
  inCatch: boolean,
  walk: WarningWalk,
  check: { vars: boolean },
): void {
  for (const { value, at } of expressionsIn(node.config, joinPointer(pointer, 'config'))) {
    const reads = messageReads(value);
    if (reads.error && !inCatch) {
      const message = 'reads `error` outside a Catch handler, where there is no error: it is always empty here';
      warn(walk, at, node, 'error-outside-catch', message);
    }
    if (!check.vars || walk.anyVars) continue;
    for (const name of reads.vars.filter((read) => !walk.setVars.has(read))) {
      const message = `reads vars.${name}, which no earlier step sets: it is empty here unless the input brings it`;
      warn(walk, at, node, 'unset-variable', message);
    }
  }
}

function* expressionsIn(value: unknown, pointer: string): Generator<{ value: unknown; at: string }> {
  if (isExpressionValue(value)) {
    yield { value, at: pointer };
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, item] of Object.entries(value)) yield* expressionsIn(item, joinPointer(pointer, key));
}

function warn(walk: WarningWalk, pointer: string, node: Record<string, unknown>, code: string, message: string): void {
  const stepId = typeof node.id === 'string' ? { stepId: node.id } : {};
  walk.warnings.push({ pointer, ...stepId, code, message, severity: 'warning' });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
