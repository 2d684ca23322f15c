/**
 * @module Checks a step's config once its expressions are evaluated, against the schema the step declares, so
 * that `execute` gets values of the types its config type promises.
 */
import { FlowbusError } from '../core/errors.js';
import { joinPointer } from '../core/issues.js';
import type { JsonSchema } from '../core/json-schema.js';
import { evaluatedConfigValidator } from '../flow/config-validators.js';
import { issuesFromAjvErrors } from '../json/ajv-issues.js';
import type { PlanStep } from './plan.js';

/**
 * Throws `VALIDATION` when the evaluated `config` of `step` does not match the step type's config schema. The
 * message names the step and the JSON pointer of the field in the flow document and says what was expected;
 * values are described by their kind only (they may be secrets). `details.issues` lists every problem.
 *
 * @example
 * checkEvaluatedConfig(step, { connection: 'ops', isAtAll: 'yes' });
 * // VALIDATION: step "send": /steps/1/config/isAtAll: expected true or false, got a string
 */
export function checkEvaluatedConfig(step: PlanStep, config: Record<string, unknown>): void {
  const validator = evaluatedConfigValidator(step.definition.config);
  // A schema that cannot be compiled is reported by the flow's validation, which ran before.
  if ('compileError' in validator || validator.validate(config)) return;
  if (validator.validate(asJson(config, step.definition.config))) return;
  const base = joinPointer(step.path, 'config');
  const issues = issuesFromAjvErrors(validator.validate.errors ?? [], base, { values: 'kind' });
  if (issues.length === 0) return;
  const [first] = issues;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  const message = `step "${step.id}": ${first.pointer}: ${first.message}${more}`;
  const error = new FlowbusError('VALIDATION', message, {
    stepId: step.id,
    pointer: first.pointer,
    issues: issues.map(({ pointer, code, message: text }) => ({ pointer, code, message: text })),
  });
  // Set here, since a step that contributes states (Delay) evaluates its config outside its trace entry.
  error.step = step.id;
  throw error;
}

/**
 * The config as the steps read it: an expression that gives nothing leaves its field out, and one that gives
 * `null` counts as leaving it out too (a `null` query value is skipped, a `null` list is empty). A required
 * field that takes any value (no `type`) then reads as `null`, as Set Variable stores it; a required field of
 * a type is reported missing.
 */
function asJson(config: Record<string, unknown>, schema: JsonSchema): unknown {
  const copy = withoutNothing(config) as Record<string, unknown>;
  for (const key of schema.required ?? []) {
    const field = schema.properties?.[key];
    if (copy[key] === undefined && field && takesAnyValue(field)) copy[key] = null;
  }
  return copy;
}

function takesAnyValue(schema: JsonSchema): boolean {
  return schema.type === undefined && schema.enum === undefined && schema.const === undefined && !schema.$ref;
}

/** A copy without the object keys whose value is `undefined` or `null`, at any depth. */
function withoutNothing(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNothing);
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined && item !== null) copy[key] = withoutNothing(item);
  }
  return copy;
}
