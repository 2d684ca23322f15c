/**
 * @module Checks one config object (a step's or a branch's): literal values against the schema, expressions
 * for their syntax and for being in a place that accepts them, flow references against the known flows.
 */
import type { ValidationIssue } from '../core/issues.js';
import { joinPointer } from '../core/issues.js';
import type { JsonSchema } from '../core/json-schema.js';
import type { Registry } from '../core/registry.js';
import type { StepDefinition } from '../core/step-definition.js';
import { findExpressionIssues, isExpressionValue } from '../expressions/index.js';
import { issuesFromAjvErrors } from '../json/ajv-issues.js';
import { closestName } from '../json/closest-name.js';
import { acceptsExpression, propertySchema } from './config-schema.js';
import { configValidator } from './config-validators.js';

/** One config to check and where it sits. */
export interface ConfigCheck {
  registry: Registry;
  schema: JsonSchema;
  /** The node's `config`, as found (undefined when the node has none). */
  value: unknown;
  /** Pointer of the `config` key. */
  pointer: string;
  stepId?: string;
  /** What the config belongs to, for messages: `step type "logger"`. */
  owner: string;
  /** Config fields that name another flow by id, checked when `knownFlows` is given. */
  flowFields?: readonly string[];
  knownFlows?: ReadonlySet<string>;
}

/** Every problem of one config object. */
export function checkConfig(check: ConfigCheck): ValidationIssue[] {
  const { pointer, stepId } = check;
  const config = check.value ?? {};
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    const message = `"config" must be an object of fields, got ${JSON.stringify(config)}`;
    return [{ pointer, stepId, code: 'wrong-type', message }];
  }
  const issues: ValidationIssue[] = [];
  const literalOnly: string[] = [];
  const isLiteralOnly = (at: string) => {
    return literalOnly.some((place) => at === place || at.startsWith(`${place}/`));
  };
  for (const [key, value] of Object.entries(config)) {
    const schema = propertySchema(check.schema, key);
    // An unknown field is reported as such; what it holds is not looked at.
    if (!schema && check.schema.additionalProperties !== true) continue;
    const fieldPointer = joinPointer(pointer, key);
    const place = { value, schema, pointer: fieldPointer, field: key, allowed: true };
    findLiteralOnly(place, check, issues, literalOnly);
    for (const problem of findExpressionIssues(value)) {
      const at = fieldPointer + problem.pointer;
      if (isLiteralOnly(at)) continue;
      issues.push({ pointer: at, stepId, code: problem.code, message: problem.message });
    }
  }
  const validator = configValidator(check.registry, check.schema);
  if ('compileError' in validator) {
    const message = `the config schema of ${check.owner} cannot be used: ${validator.compileError}`;
    issues.push({ pointer, stepId, code: 'invalid-step-definition', message });
  } else if (!validator.validate(config)) {
    for (const issue of issuesFromAjvErrors(validator.validate.errors ?? [], pointer)) {
      if (!isLiteralOnly(issue.pointer)) issues.push({ ...issue, stepId });
    }
  }
  issues.push(...checkFlowReferences(config as Record<string, unknown>, check));
  return issues;
}

/**
 * The config fields of a definition that name another flow: those marked `'x-flow-id': true`; for the
 * `flow-reference` type without such a mark, its `flow` or `flowId` field.
 */
export function flowReferenceFields(definition: StepDefinition): string[] {
  const properties = definition.config.properties ?? {};
  const marked = Object.keys(properties).filter((key) => properties[key]['x-flow-id'] === true);
  if (marked.length > 0 || definition.type !== 'flow-reference') return marked;
  return ['flow', 'flowId'].filter((key) => key in properties);
}

interface Place {
  value: unknown;
  schema: JsonSchema | undefined;
  pointer: string;
  /** The top-level config field the value is in, for messages. */
  field: string;
  /** Whether the enclosing position accepts expressions. */
  allowed: boolean;
}

/** Finds expressions where only literals are allowed, and remembers where they are. */
function findLiteralOnly(
  place: Place,
  check: ConfigCheck,
  issues: ValidationIssue[],
  literalOnly: string[],
): void {
  const { value, schema, pointer, field } = place;
  const allowed = acceptsExpression(schema, place.allowed);
  if (isExpressionValue(value)) {
    if (allowed) {
      const notText = templateWhereTextIsNot(value, schema);
      if (notText) issues.push({ pointer, stepId: check.stepId, code: 'template-not-text', message: notText });
      return;
    }
    literalOnly.push(pointer);
    const message = `"${field}" takes a literal value only: an expression is not allowed here`;
    issues.push({ pointer, stepId: check.stepId, code: 'expression-not-allowed', message });
    return;
  }
  const children: Array<[string | number, unknown, JsonSchema | undefined]> = Array.isArray(value)
    ? value.map((item, index) => [index, item, schema?.items])
    : typeof value === 'object' && value !== null
      ? Object.entries(value).map(([key, item]) => [key, item, propertySchema(schema, key)])
      : [];
  for (const [segment, item, itemSchema] of children) {
    const child = { value: item, schema: itemSchema, pointer: joinPointer(pointer, segment), field, allowed };
    findLiteralOnly(child, check, issues, literalOnly);
  }
}

/**
 * Why a `{"$template"}` cannot fill a position whose schema takes no string: a template always gives text
 * (an HTTP status of `"201"` is not the number 201).
 */
function templateWhereTextIsNot(value: object, schema: JsonSchema | undefined): string | undefined {
  if (!('$template' in value) || schema?.type === undefined) return undefined;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('string')) return undefined;
  const expected = types.join(' or ');
  return `a $template always gives text, but this field takes ${expected}: use {"$expr": "..."} to compute it`;
}

function checkFlowReferences(config: Record<string, unknown>, check: ConfigCheck): ValidationIssue[] {
  const { knownFlows, flowFields = [] } = check;
  if (!knownFlows) return [];
  const issues: ValidationIssue[] = [];
  for (const field of flowFields) {
    const flowId = config[field];
    if (typeof flowId !== 'string' || knownFlows.has(flowId)) continue;
    const known = [...knownFlows].sort();
    const suggestion = closestName(flowId, known);
    const hint = suggestion ? `did you mean ${suggestion}? ` : '';
    const list = known.length > 10 ? `${known.slice(0, 10).join(', ')}, ...` : known.join(', ') || 'none';
    const message = `no flow "${flowId}" exists: ${hint}known flows: ${list}`;
    const pointer = joinPointer(check.pointer, field);
    issues.push({ pointer, stepId: check.stepId, code: 'unknown-flow', message });
  }
  return issues;
}
