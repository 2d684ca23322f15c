/**
 * @module Checks flows and rules against one environment: a connection or variable a flow uses that the
 * environment does not define, a connection of the wrong type, a rule switch for a rule that does not exist.
 */
import { basename } from 'node:path';
import { joinPointer, type ValidationIssue } from '../core/issues.js';
import type { Registry } from '../core/registry.js';
import type { EnvironmentDocument } from './format.js';
import { environmentUses, ruleEnvironmentUses, type EnvironmentUse } from './usage.js';

/** One flow or rule file as the check needs it. */
export interface CheckedFlow {
  file: string;
  document: unknown;
}

/** What is checked against an environment. */
export interface EnvironmentCheck {
  flows: readonly CheckedFlow[];
  /** Rule files: their targets' connections are checked, and the environment's rule switches against their ids. */
  rules?: readonly CheckedFlow[];
  environment: EnvironmentDocument;
  /** The environment's file, for the issues about the file itself. */
  environmentFile: string;
  registry: Registry;
}

/**
 * The issues of flows and rules in an environment: each at the file, step (or target) id and pointer of the
 * use, naming the connection or variable; and the environment's switches of rules that do not exist.
 *
 * @example
 * checkInEnvironment({ flows: [{ file: 'flows/a.flow.json', document }], environment, environmentFile, registry });
 * // [{ file: 'flows/a.flow.json', pointer: '/steps/2/config/connection', stepId: 'send', code: 'environment-missing-connection', ... }]
 */
export function checkInEnvironment(check: EnvironmentCheck): ValidationIssue[] {
  const { environment, environmentFile } = check;
  const where = `environment "${environment.name}" (${basename(environmentFile)})`;
  const issues: ValidationIssue[] = [];
  for (const flow of check.flows) {
    for (const use of environmentUses(flow.document, check.registry)) issues.push(...checkUse(flow.file, use, environment, where));
  }
  for (const rule of check.rules ?? []) {
    for (const use of ruleEnvironmentUses(rule.document)) issues.push(...checkUse(rule.file, use, environment, where));
  }
  if (check.rules) {
    const ruleIds = new Set(check.rules.map((rule) => basename(rule.file).replace(/\.rule\.json$/, '')));
    for (const ruleId of Object.keys(environment.rules ?? {})) {
      if (ruleIds.has(ruleId)) continue;
      const message = `no rule file for rule "${ruleId}" switched in ${where}`;
      issues.push({ file: environmentFile, pointer: joinPointer('/rules', ruleId), code: 'unknown-rule', message });
    }
  }
  return issues;
}

function checkUse(file: string, use: EnvironmentUse, environment: EnvironmentDocument, where: string): ValidationIssue[] {
  const issue = { file, pointer: use.pointer, stepId: use.stepId };
  if (use.kind === 'variable') {
    if (use.name in (environment.variables ?? {})) return [];
    return [{ ...issue, code: 'environment-missing-variable', message: `variable "${use.name}" read by $env is not defined in ${where}` }];
  }
  const connection = environment.connections?.[use.name];
  const needed = use.connectionType ? ` (${use.connectionType})` : '';
  if (!connection) {
    return [{ ...issue, code: 'environment-missing-connection', message: `connection "${use.name}"${needed} is not defined in ${where}` }];
  }
  if (use.connectionType && connection.type !== use.connectionType) {
    const message = `connection "${use.name}" is a ${connection.type} connection in ${where}; this step needs ${use.connectionType}`;
    return [{ ...issue, code: 'environment-connection-type', message }];
  }
  return [];
}
