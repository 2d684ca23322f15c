/**
 * @module A small step registry for the flow module's tests: tiny definitions shaped like the built-ins.
 */
import { createRegistry, type Registry } from '../core/registry.js';
import { defineStep, type StepDefinition } from '../core/step-definition.js';

const event = defineStep({
  type: 'event',
  title: 'Event',
  category: 'trigger',
  kind: 'trigger',
  description: 'Starts the flow for each event a rule sends to it. Matches on the bus.',
  config: { type: 'object', properties: { bus: { type: 'string', title: 'Bus', 'x-expression': false } } },
});

const http = defineStep({
  type: 'http',
  title: 'HTTP',
  category: 'trigger',
  kind: 'trigger',
  description: 'Starts the flow for each HTTP request to its path.',
  config: {
    type: 'object',
    properties: { path: { type: 'string', title: 'Path', pattern: '^/', 'x-expression': false } },
    required: ['path'],
  },
});

const setVariable = defineStep({
  type: 'set-variable',
  title: 'Set Variable',
  category: 'variables',
  kind: 'action',
  description: 'Stores a value in `vars.<name>`.',
  config: {
    type: 'object',
    properties: {
      name: { type: 'string', title: 'Name', minLength: 1, 'x-expression': false },
      value: { title: 'Value' },
    },
    required: ['name', 'value'],
  },
});

const logger = defineStep({
  type: 'logger',
  title: 'Logger',
  category: 'logging',
  kind: 'action',
  description: 'Writes a line to the flow log.',
  config: {
    type: 'object',
    properties: {
      level: { type: 'string', enum: ['DEBUG', 'INFO', 'WARN', 'ERROR'], default: 'INFO' },
      category: { type: 'string' },
      content: { type: 'string', title: 'Content' },
    },
    required: ['content'],
  },
});

const httpRequest = defineStep({
  type: 'http-request',
  title: 'HTTP Request',
  category: 'http',
  kind: 'action',
  description: 'Sends an HTTP request and puts the response in the payload.',
  sideEffects: true,
  config: {
    type: 'object',
    properties: {
      method: { type: 'string', enum: ['GET', 'POST', 'PUT', 'DELETE'], default: 'GET' },
      url: { type: 'string', title: 'URL', description: 'Where to send the request.' },
      headers: { type: 'object', additionalProperties: { type: 'string' } },
      timeoutMs: { type: 'integer', minimum: 1, 'x-expression': false },
      body: { title: 'Body' },
    },
    required: ['url'],
  },
});

const tryStep = defineStep({
  type: 'try',
  title: 'Try',
  category: 'errors',
  kind: 'scope',
  description: 'Runs its steps and handles their errors with Catch handlers.',
  config: { type: 'object', properties: {} },
  scopes: [
    { kind: 'sequence', key: 'steps', title: 'Try' },
    {
      kind: 'branches',
      key: 'catch',
      title: 'Catch handlers',
      branchTitle: 'Catch',
      minItems: 1,
      branchConfig: {
        type: 'object',
        properties: {
          errorTypes: { type: 'array', items: { type: 'string' }, minItems: 1, 'x-expression': false },
          retries: { type: 'integer', minimum: 0, 'x-expression': false },
        },
        required: ['errorTypes'],
      },
    },
  ],
});

const choice = defineStep({
  type: 'choice',
  title: 'Choice',
  category: 'flow-control',
  kind: 'scope',
  description: 'Runs the first branch whose condition holds, else the otherwise steps.',
  config: { type: 'object', properties: {} },
  scopes: [
    {
      kind: 'branches',
      key: 'when',
      title: 'When branches',
      branchTitle: 'When',
      minItems: 1,
      branchConfig: {
        type: 'object',
        properties: { condition: { type: 'boolean', title: 'Condition' } },
        required: ['condition'],
      },
    },
    { kind: 'sequence', key: 'otherwise', title: 'Otherwise' },
  ],
});

const flowReference = defineStep({
  type: 'flow-reference',
  title: 'Flow Reference',
  category: 'flow-control',
  kind: 'action',
  description: 'Runs another flow.',
  config: {
    type: 'object',
    properties: { flow: { type: 'string', 'x-expression': false } },
    required: ['flow'],
  },
});

/** Every definition of the test registry, triggers first. */
export const testDefinitions: StepDefinition[] = [
  event,
  http,
  setVariable,
  logger,
  httpRequest,
  tryStep,
  choice,
  flowReference,
];

/** A registry of the test definitions: event and http triggers, a few actions, try and choice scopes. */
export function createTestRegistry(): Registry {
  return createRegistry(testDefinitions);
}
