/**
 * @module Checks flows and rules against one environment: a connection or variable a flow uses that the
 * environment does not define, a connection of the wrong type, a rule switch for a rule that does not exist.
 */
import { basename } from 'node:path';
import { joinPointer, type ValidationIssue } from '../core/issues.js';
import type { Registry } from '../core/registry.js';
import type { EnvironmentDocument } from './format.js';
import { environmentUses } from './usage.js';

/** One flow as the check needs it. */
export interface CheckedFlow {
  file: string;
  document: unknown;
}

/**
 * The issues of `flows` in environment `environment` (its file named `environmentFile`): each at the file,
 * step id and pointer of the use, naming the connection or variable.
 *
 * @example
 * checkFlowsInEnvironment([{ file: 'flows/a.flow.json', document }], production, 'flows/environments/production.env.json', registry);
 * // [{ file: 'flows/a.flow.json', pointer: '/steps/2/config/connection', stepId: 'send', code: 'environment-missing-connection', ... }]
 */
export function checkFlowsInEnvironment(
  flows: readonly CheckedFlow[],
  environment: EnvironmentDocument,
  environmentFile: string,
  registry: Registry,
  ruleIds?: ReadonlySet<string>,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const connections = environment.connections ?? {};
  const variables = environment.variables ?? {};
  const where = `environment "${environment.name}" (${basename(environmentFile)})`;
  for (const flow of flows) {
    for (const use of environmentUses(flow.document, registry)) {
      const issue = { file: flow.file, pointer: use.pointer, stepId: use.stepId };
      if (use.kind === 'variable') {
        if (!(use.name in variables)) {
          issues.push({ ...issue, code: 'environment-missing-variable', message: `variable "${use.name}" read by $env is not defined in ${where}` });
        }
        continue;
      }
      const connection = connections[use.name];
      if (!connection) {
        issues.push({ ...issue, code: 'environment-missing-connection', message: `connection "${use.name}" (${use.connectionType}) is not defined in ${where}` });
      } else if (connection.type !== use.connectionType) {
        const message = `connection "${use.name}" is a ${connection.type} connection in ${where}; this step needs ${use.connectionType}`;
        issues.push({ ...issue, code: 'environment-connection-type', message });
      }
    }
  }
  for (const ruleId of Object.keys(environment.rules ?? {})) {
    if (ruleIds && !ruleIds.has(ruleId)) {
      const message = `no rule file for rule "${ruleId}" switched in ${where}`;
      issues.push({ file: environmentFile, pointer: joinPointer('/rules', ruleId), code: 'unknown-rule', message });
    }
  }
  return issues;
}
