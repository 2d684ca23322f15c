/**
 * @module Warnings about a Try's Catch handlers: an error type that an earlier handler already catches (the
 * first matching handler wins), and one of a namespace that the steps of the Try never raise.
 */
import { errorNamespace, matchesErrorType } from '../core/errors.js';
import type { ValidationIssue } from '../core/issues.js';
import { joinPointer } from '../core/issues.js';
import type { Registry } from '../core/registry.js';
import type { ScopeSpec, StepDefinition } from '../core/step-definition.js';
import { flowReferenceFields } from './validate-config.js';

type BranchScope = Extract<ScopeSpec, { kind: 'branches' }>;

/** Branches that run on an error (a Try's Catch handlers): their config chooses `errorTypes`. */
export function isErrorHandlerScope(scope: ScopeSpec): scope is BranchScope {
  return scope.kind === 'branches' && scope.branchConfig.properties?.errorTypes !== undefined;
}

/** The warnings of the handlers of one Try step (`pointer` is the step's). */
export function catchWarnings(
  step: Record<string, unknown>,
  definition: StepDefinition,
  scope: BranchScope,
  pointer: string,
  registry: Registry,
): ValidationIssue[] {
  const handlers = Array.isArray(step[scope.key]) ? (step[scope.key] as unknown[]) : [];
  const raised = raisedNamespaces(definition, step, registry);
  const known = knownNamespaces(registry);
  const warnings: ValidationIssue[] = [];
  const earlier: Array<{ id: string; selector: string }> = [];
  handlers.forEach((handler, index) => {
    if (!isObject(handler)) return;
    const id = String(handler.id);
    const types = errorTypesOf(handler, scope);
    types.forEach((selector, typeIndex) => {
      const at = joinPointer(pointer, scope.key, index, 'config', 'errorTypes', typeIndex);
      const warn = (code: string, message: string) => warnings.push({ pointer: at, stepId: id, code, message, severity: 'warning' });
      const shadow = earlier.find((before) => covers(before.selector, selector));
      if (shadow) {
        warn('unused-catch-type', `${selector} never reaches this handler: handler "${shadow.id}" before it catches it (${shadow.selector})`);
      } else if (raised && known.has(errorNamespace(selector)) && !raised.has(errorNamespace(selector))) {
        warn('unused-catch-type', `${selector} is never caught here: no step in this Try raises ${errorNamespace(selector)} errors`);
      }
    });
    for (const selector of types) earlier.push({ id, selector });
  });
  return warnings;
}

/** Whether every error the selector `later` matches is matched by `earlier` already. */
function covers(earlier: string, later: string): boolean {
  if (earlier.toUpperCase() === 'ANY') return true;
  if (later.toUpperCase() === 'ANY') return false;
  return matchesErrorType(earlier, later);
}

function errorTypesOf(handler: Record<string, unknown>, scope: BranchScope): string[] {
  const config = isObject(handler.config) ? handler.config : {};
  const types = config.errorTypes ?? scope.branchConfig.properties?.errorTypes?.default;
  return Array.isArray(types) ? types.filter((type): type is string => typeof type === 'string') : [];
}

/** Namespaces some registered step type declares it raises: only those can be said to be never raised. */
function knownNamespaces(registry: Registry): Set<string> {
  const namespaces = new Set<string>();
  for (const definition of registry.list()) {
    for (const error of definition.errors ?? []) namespaces.add(errorNamespace(error.type));
  }
  return namespaces;
}

/**
 * The namespaces the steps inside the Try's own sequences declare they raise, or undefined when a step there
 * may raise anything (an unknown type, a Flow Reference, a Raise Error).
 */
function raisedNamespaces(definition: StepDefinition, step: Record<string, unknown>, registry: Registry): Set<string> | undefined {
  const namespaces = new Set<string>();
  const pending: unknown[] = [];
  for (const scope of definition.scopes ?? []) {
    if (scope.kind === 'sequence' && Array.isArray(step[scope.key])) pending.push(...(step[scope.key] as unknown[]));
  }
  while (pending.length > 0) {
    const node = pending.pop();
    if (!isObject(node)) continue;
    const inner = typeof node.type === 'string' ? registry.get(node.type) : undefined;
    if (!inner || flowReferenceFields(inner).length > 0 || inner.stopsSequence) return undefined;
    for (const error of inner.errors ?? []) namespaces.add(errorNamespace(error.type));
    for (const scope of inner.scopes ?? []) {
      const part = node[scope.key];
      if (!Array.isArray(part)) continue;
      if (scope.kind === 'sequence') pending.push(...part);
      else for (const branch of part) if (isObject(branch) && Array.isArray(branch.steps)) pending.push(...branch.steps);
    }
  }
  return namespaces;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
