/**
 * @module The JSON Schema of flow files, made from the step registry so an IDE checks a flow as it is typed.
 */
import { documentSchema, type SchemaObject } from '../core/document-schema.js';
import type { JsonSchema } from '../core/json-schema.js';
import type { Registry } from '../core/registry.js';
import type { ScopeSpec, StepDefinition } from '../core/step-definition.js';
import { mapExpressionPositions } from './config-schema.js';
import { EXECUTION_MODES, FLOW_FORMAT, STEP_ID_MAX_LENGTH, STEP_ID_PATTERN } from './document.js';

/** Where the flow schema is published; flow files point at the copy in the repo with `$schema`. */
export const FLOW_SCHEMA_ID = 'https://flowbus.dev/schema/flow.schema.json';

export type { SchemaObject };

const EXPRESSION_REF = '#/$defs/expression';

/**
 * Generates the JSON Schema (draft 2020-12) of flow files for the step types of `registry`: the trigger is
 * one of the trigger types, each step one of the other types (told apart by `type` with `if`/`then`, so an
 * editor reports the errors of the right type and shows its title and description), each config field
 * accepts a literal or, where the definition allows it, an expression.
 *
 * @example
 * await writeFile('schema/flow.schema.json', stringifyJson(generateFlowSchema(registry)));
 */
export function generateFlowSchema(registry: Registry): SchemaObject {
  const definitions = registry.list();
  const $defs: Record<string, SchemaObject | boolean> = {
    expression: expressionSchema(),
    stepId: {
      type: 'string',
      pattern: STEP_ID_PATTERN.source,
      maxLength: STEP_ID_MAX_LENGTH,
      description: 'A slug unique in the flow (lowercase letters, digits, "-"), as traces and logs show it.',
    },
    steps: { type: 'array', description: 'Steps run one after the other.', items: { $ref: '#/$defs/step' } },
    trigger: dispatchSchema(definitions.filter((definition) => definition.kind === 'trigger'), 'trigger'),
    step: dispatchSchema(definitions.filter((definition) => definition.kind !== 'trigger'), 'step'),
  };
  for (const definition of definitions) {
    $defs[`step.${definition.type}`] = stepSchema(definition);
    for (const scope of definition.scopes ?? []) {
      if (scope.kind === 'branches') $defs[branchDefName(definition, scope)] = branchSchema(scope);
    }
  }
  const head = {
    $id: FLOW_SCHEMA_ID,
    kind: 'flow',
    format: FLOW_FORMAT,
    title: 'flowbus flow',
    description: 'A flow file (flows/<id>.flow.json): a trigger, then a sequence of steps.',
    required: ['format', 'name', 'trigger', 'steps'],
  };
  const properties = {
    execution: {
      enum: [...EXECUTION_MODES],
      description:
        '`durable`: checkpointed at every step, resumed after a crash, each step attempt with an idempotency ' +
        'key; `express`: in memory, for low-latency synchronous HTTP flows. Absent: the trigger\'s default ' +
        `(${defaultsText(definitions)}).`,
    },
    trigger: { $ref: '#/$defs/trigger' },
    steps: { $ref: '#/$defs/steps' },
  };
  return documentSchema(head, properties, { $defs });
}

function defaultsText(definitions: StepDefinition[]): string {
  return definitions
    .filter((definition) => definition.kind === 'trigger')
    .map((definition) => `${definition.type}: ${definition.defaultExecution ?? 'durable'}`)
    .join(', ');
}

function expressionSchema(): SchemaObject {
  return {
    title: 'Expression',
    description: 'A value computed from the message when the step runs.',
    markdownDescription:
      'A value computed from the message when the step runs: `{"$expr": "..."}` is a ' +
      '[JSONata](https://jsonata.org) expression over `payload`, `attributes`, `vars` ' +
      '(and `error` inside a Catch); `{"$template": "..."}` is text with `{{ expression }}` placeholders.',
    oneOf: [
      {
        type: 'object',
        title: 'JSONata expression',
        properties: {
          $expr: { type: 'string', markdownDescription: 'A JSONata expression, e.g. `payload.region`.' },
        },
        required: ['$expr'],
        additionalProperties: false,
      },
      {
        type: 'object',
        title: 'String template',
        properties: {
          $template: {
            type: 'string',
            markdownDescription: 'Text with placeholders, e.g. `Alarm in {{ payload.region }}`.',
          },
        },
        required: ['$template'],
        additionalProperties: false,
      },
    ],
  };
}

/** One of the given types, chosen by the node's `type`. */
function dispatchSchema(definitions: StepDefinition[], what: 'trigger' | 'step'): SchemaObject | boolean {
  if (definitions.length === 0) return false;
  const summaries = definitions.map(({ title, description }) => `${title}: ${firstSentence(description)}`);
  return {
    type: 'object',
    description: what === 'trigger' ? 'The step that starts the flow.' : 'A step of the flow.',
    required: ['id', 'type'],
    properties: {
      id: { $ref: '#/$defs/stepId' },
      type: {
        description: what === 'trigger' ? 'The trigger type.' : 'The step type.',
        enum: definitions.map((definition) => definition.type),
        enumDescriptions: summaries,
        markdownEnumDescriptions: definitions.map(({ title, description }) => `**${title}**: ${description}`),
      },
    },
    allOf: definitions.map((definition) => ({
      if: { properties: { type: { const: definition.type } }, required: ['type'] },
      then: { $ref: `#/$defs/step.${definition.type}` },
    })),
  };
}

function stepSchema(definition: StepDefinition): SchemaObject {
  const scopes = definition.scopes ?? [];
  const required = ['id', 'type', ...(definition.config.required?.length ? ['config'] : [])];
  const properties: Record<string, unknown> = {
    id: { $ref: '#/$defs/stepId' },
    type: { const: definition.type, title: definition.title, markdownDescription: definition.description },
    name: { type: 'string', description: `A display name for this ${definition.title} step.` },
    description: { type: 'string', description: 'What this step is for.' },
    disabled: { type: 'boolean', description: 'When true, the runtime skips this step.' },
    config: configSchema(definition.config, `The configuration of this ${definition.title} step.`),
  };
  for (const scope of scopes) {
    if (!(scope.kind === 'sequence' && scope.optional)) required.push(scope.key);
    properties[scope.key] =
      scope.kind === 'sequence'
        ? { $ref: '#/$defs/steps', title: scope.title, description: scope.description ?? scope.title }
        : {
            type: 'array',
            title: scope.title,
            description: scope.description ?? scope.title,
            ...(scope.minItems === undefined ? {} : { minItems: scope.minItems }),
            items: { $ref: `#/$defs/${branchDefName(definition, scope)}` },
          };
  }
  return {
    type: 'object',
    title: definition.title,
    description: firstSentence(definition.description),
    markdownDescription: definition.description,
    required,
    properties,
    additionalProperties: false,
  };
}

function branchSchema(scope: Extract<ScopeSpec, { kind: 'branches' }>): SchemaObject {
  const required = ['id', ...(scope.branchConfig.required?.length ? ['config'] : []), 'steps'];
  return {
    type: 'object',
    title: scope.branchTitle,
    description: scope.description ?? scope.branchTitle,
    required,
    properties: {
      id: { $ref: '#/$defs/stepId' },
      name: { type: 'string', description: `A display name for this ${scope.branchTitle}.` },
      config: configSchema(scope.branchConfig, `The configuration of this ${scope.branchTitle}.`),
      steps: { $ref: '#/$defs/steps' },
    },
    additionalProperties: false,
  };
}

/** A config schema whose expression-accepting fields also take `$defs/expression`. */
function configSchema(config: JsonSchema, description: string): JsonSchema {
  const mapped = mapExpressionPositions(config, (field) => {
    const { title, description: fieldDescription, default: fallback, examples } = field;
    const documentation = { title, description: fieldDescription, default: fallback, examples };
    const given = Object.entries(documentation).filter(([, value]) => value !== undefined);
    return { ...Object.fromEntries(given), anyOf: [{ $ref: EXPRESSION_REF }, field] } as JsonSchema;
  });
  return { description, ...mapped };
}

function branchDefName(definition: StepDefinition, scope: ScopeSpec): string {
  return `branch.${definition.type}.${scope.key}`;
}

function firstSentence(markdown: string): string {
  const match = /^[\s\S]*?[.!?](?=\s|$)/.exec(markdown.trim());
  return (match ? match[0] : markdown.trim()).replace(/\s+/g, ' ');
}
