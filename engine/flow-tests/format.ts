/**
 * @module The flow test file format (`<flow>.test.json` beside `<flow>.flow.json`): cases as data.
 */
import type { JsonSchema } from '../core/json-schema.js';
import type { ExecutionStatus, StepStub } from '../runtime/types.js';

export const FLOW_TEST_FORMAT = 'flowbus/flow-test@1';

/** What a case expects; every field is optional and only the fields given are checked. */
export interface FlowTestExpectation {
  /** Default: `failed` when `error` is given, else `succeeded`. */
  status?: ExecutionStatus;
  /** The final payload, compared in full. */
  payload?: unknown;
  /** Each listed variable must equal the given value. */
  vars?: Record<string, unknown>;
  /** Each listed attribute must equal the given value. */
  attributes?: Record<string, unknown>;
  /** Listed fields of the final error; `message` is matched as a substring. */
  error?: { type?: string; step?: string; message?: string };
  /** Ids of the steps that ran (skipped ones left out), in order. */
  steps?: string[];
  /** Per stubbed step id: listed fields of the config it would have sent. */
  calls?: Record<string, Record<string, unknown>>;
  /** Each listed log line must appear (listed fields equal; `content` as a substring). */
  logs?: Array<{ level?: string; category?: string; content?: string }>;
}

export interface FlowTestCase {
  name: string;
  /** The first message; or give `event` for a flow with an event trigger. */
  input?: { payload?: unknown; attributes?: Record<string, unknown>; vars?: Record<string, unknown> };
  /** A CloudEvent: the message is built as the event trigger builds it. */
  event?: Record<string, unknown>;
  /** Canned answers by step id. Steps with side effects not listed here are stubbed to pass the message on. */
  stubs?: Record<string, StepStub>;
  /** Run steps with side effects for real (only for flows whose outside services the test starts). */
  live?: boolean;
  timeoutMs?: number;
  expect: FlowTestExpectation;
}

export interface FlowTestFile {
  $schema?: string;
  format: typeof FLOW_TEST_FORMAT;
  /** The flow under test; default: the test file's name without `.test.json`. */
  flow?: string;
  cases: FlowTestCase[];
}

const stubSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    output: {
      type: 'object',
      additionalProperties: false,
      properties: { payload: {}, attributes: { type: 'object' }, vars: { type: 'object' } },
    },
    error: {
      type: 'object',
      additionalProperties: false,
      required: ['type'],
      properties: { type: { type: 'string' }, message: { type: 'string' }, details: { type: 'object' } },
    },
  },
};

/** JSON Schema of a flow test file; also published as schema/flow-test.schema.json. */
export const flowTestSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['format', 'cases'],
  properties: {
    $schema: { type: 'string' },
    format: { const: FLOW_TEST_FORMAT, description: 'The test file format version.' },
    flow: { type: 'string', description: 'Id of the flow under test; default: this file name without .test.json.' },
    cases: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'expect'],
        properties: {
          name: { type: 'string', minLength: 1, description: 'What the case shows.' },
          input: {
            type: 'object',
            additionalProperties: false,
            description: 'The first message.',
            properties: { payload: {}, attributes: { type: 'object' }, vars: { type: 'object' } },
          },
          event: { type: 'object', description: 'A CloudEvent, for flows with an event trigger.' },
          stubs: { type: 'object', additionalProperties: stubSchema, description: 'Canned answers by step id.' },
          live: { type: 'boolean', description: 'Run steps with side effects for real.' },
          timeoutMs: { type: 'integer', minimum: 1 },
          expect: {
            type: 'object',
            additionalProperties: false,
            properties: {
              status: { enum: ['succeeded', 'failed', 'cancelled', 'timed-out'] },
              payload: {},
              vars: { type: 'object' },
              attributes: { type: 'object' },
              error: {
                type: 'object',
                additionalProperties: false,
                properties: { type: { type: 'string' }, step: { type: 'string' }, message: { type: 'string' } },
              },
              steps: { type: 'array', items: { type: 'string' } },
              calls: { type: 'object', additionalProperties: { type: 'object' } },
              logs: {
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  properties: {
                    level: { enum: ['DEBUG', 'INFO', 'WARN', 'ERROR'] },
                    category: { type: 'string' },
                    content: { type: 'string' },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};
