/**
 * @module JSON Schemas of rule and bus files, made from the target types: an IDE checks a rule as it is
 * typed.
 */
import { documentSchema, type SchemaObject } from '../../core/document-schema.js';
import type { JsonSchema } from '../../core/json-schema.js';
import { builtinTargetTypes } from '../targets/index.js';
import type { TargetTypeDefinition } from '../types.js';
import {
  BUS_FORMAT,
  DEAD_LETTER_POLICIES,
  DEFAULT_BATCH,
  DEFAULT_BUS_ID,
  DEFAULT_CONCURRENCY,
  DEFAULT_RETRY,
  MAX_TARGETS_PER_RULE,
  RESOURCE_ID_PATTERN,
  RULE_FORMAT,
  TARGET_ID_PATTERN,
} from './format.js';

/** Where the schemas are published; files point at the copies in the repo with `$schema`. */
export const RULE_SCHEMA_ID = 'https://flowbus.dev/schema/rule.schema.json';
export const BUS_SCHEMA_ID = 'https://flowbus.dev/schema/bus.schema.json';

const DEAD_LETTER_SCHEMA = {
  enum: [...DEAD_LETTER_POLICIES],
  description:
    'When delivery fails for good: DLQ keeps the event in the dead-letter store (re-drivable), DROP ' +
    'discards it after the retries, IGNORE_ERROR does not retry and carries on.',
};

/**
 * The JSON Schema (draft 2020-12) of rule files for the given target types: each target is checked against
 * its type's config schema (chosen by `type` with `if`/`then`).
 *
 * @example
 * await writeFile('schema/rule.schema.json', stringifyJson(generateRuleSchema()));
 */
export function generateRuleSchema(
  targetTypes: readonly TargetTypeDefinition[] = builtinTargetTypes,
): SchemaObject {
  const head = {
    $id: RULE_SCHEMA_ID,
    kind: 'rule',
    format: RULE_FORMAT,
    title: 'flowbus rule',
    description: 'A rule file (flows/<id>.rule.json): the events of a bus that match go to the targets.',
    required: ['format', 'name', 'pattern', 'targets'],
    maxLength: 200,
  };
  return documentSchema(head, {
    bus: {
      type: 'string',
      pattern: RESOURCE_ID_PATTERN.source,
      default: DEFAULT_BUS_ID,
      description: 'The bus whose events the rule selects.',
    },
    enabled: { type: 'boolean', default: true, description: 'A disabled rule matches nothing.' },
    pattern: {
      type: 'object',
      description: 'The event pattern: every listed field must match; a list means "any of".',
      markdownDescription:
        'The event pattern, e.g. `{"source": ["cvm.cloud.tencent"]}`. Operators: `prefix`, `suffix`, ' +
        '`anything-but`, `numeric`, `exists`, `cidr`, `wildcard`, `equals-ignore-case`, `$or`, ...',
    },
    transform: transformSchema(),
    deadLetter: { ...DEAD_LETTER_SCHEMA, default: 'DLQ' },
    deadLetterQueue: deadLetterQueueSchema(targetTypes),
    targets: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_TARGETS_PER_RULE,
      description: 'Where matching events go.',
      items: targetSchema(targetTypes),
    },
  });
}

/** The JSON Schema of bus files. */
export function generateBusSchema(): SchemaObject {
  const head = {
    $id: BUS_SCHEMA_ID,
    kind: 'bus',
    format: BUS_FORMAT,
    title: 'flowbus bus',
    description: 'A bus file (flows/<id>.bus.json): a user-defined event bus.',
    required: ['format', 'name'],
    maxLength: 200,
  };
  return documentSchema(head, {
    storeEvents: {
      type: 'boolean',
      default: false,
      description: 'Keep every accepted event of this bus in the log store.',
    },
  });
}

function transformSchema(): SchemaObject {
  return {
    type: 'object',
    description:
      'Reshapes the event before the targets get it: an input transformer ("inputPaths" + "template") or a ' +
      'JSONata expression ("jsonata"), not both.',
    properties: {
      inputPaths: {
        type: 'object',
        description: 'Name -> JSONPath into the event, e.g. {"instance": "$.subject"}.',
        additionalProperties: { type: 'string', pattern: '^\\$' },
      },
      template: { description: 'Any JSON; "<name>" is replaced by the value, <name> in text by its text.' },
      jsonata: { type: 'string', description: 'A JSONata expression evaluated with the event as input.' },
    },
    additionalProperties: false,
  };
}

function targetSchema(targetTypes: readonly TargetTypeDefinition[]): SchemaObject {
  return {
    type: 'object',
    required: ['id', 'type'],
    properties: {
      id: { type: 'string', pattern: TARGET_ID_PATTERN.source, description: 'A slug unique in the rule.' },
      type: {
        enum: targetTypes.map((definition) => definition.type),
        enumDescriptions: targetTypes.map((definition) => `${definition.title}: ${definition.description}`),
        description: 'The target type.',
      },
      config: { type: 'object', description: 'The configuration of this target.' },
      batch: batchSchema(),
      retry: retrySchema(),
      deadLetter: DEAD_LETTER_SCHEMA,
      deadLetterQueue: deadLetterQueueSchema(targetTypes),
      concurrency: {
        type: 'integer',
        minimum: 1,
        maximum: 256,
        default: DEFAULT_CONCURRENCY,
        description: 'Deliveries in flight at once to this target.',
      },
    },
    additionalProperties: false,
    allOf: targetTypes.map((definition) => ({
      if: { properties: { type: { const: definition.type } }, required: ['type'] },
      then: {
        properties: { config: definition.config as JsonSchema },
        ...(definition.config.required?.length ? { required: ['config'] } : {}),
      },
    })),
  };
}

function deadLetterQueueSchema(targetTypes: readonly TargetTypeDefinition[]): SchemaObject {
  return {
    type: 'object',
    description:
      'With deadLetter DLQ, each dead letter is also sent to this target (a queue: rabbitmq, nats); one ' +
      'attempt, and the dead letter stays in the store either way.',
    required: ['type'],
    properties: {
      type: { enum: targetTypes.map((definition) => definition.type), description: 'The target type.' },
      config: { type: 'object' },
    },
    additionalProperties: false,
    allOf: targetTypes.map((definition) => ({
      if: { properties: { type: { const: definition.type } }, required: ['type'] },
      then: { properties: { config: definition.config as JsonSchema } },
    })),
  };
}

function batchSchema(): SchemaObject {
  return {
    type: 'object',
    description: 'Batch delivery (flow and webhook targets): several events a call as {"EventList": [...]}.',
    properties: {
      maxEvents: { type: 'integer', minimum: 1, maximum: 10_000, default: DEFAULT_BATCH.maxEvents },
      maxWaitMs: { type: 'integer', minimum: 0, maximum: 60_000, default: DEFAULT_BATCH.maxWaitMs },
    },
    additionalProperties: false,
  };
}

function retrySchema(): SchemaObject {
  return {
    type: 'object',
    description: 'Retries with exponential backoff and full jitter.',
    properties: {
      maxAttempts: { type: 'integer', minimum: 1, maximum: 200, default: DEFAULT_RETRY.maxAttempts },
      initialDelayMs: { type: 'integer', minimum: 0, default: DEFAULT_RETRY.initialDelayMs },
      maxDelayMs: { type: 'integer', minimum: 0, default: DEFAULT_RETRY.maxDelayMs },
      maxAgeMs: { type: 'integer', minimum: 1, default: DEFAULT_RETRY.maxAgeMs },
    },
    additionalProperties: false,
  };
}
