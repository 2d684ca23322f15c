/**
 * @module Tests of the generated flow JSON Schema, checked with ajv against valid and broken flows.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { stringifyJson } from '../json/write.js';
import { FLOW_SCHEMA_ID, generateFlowSchema } from './schema.js';
import { createTestRegistry } from './test-registry.js';

const registry = createTestRegistry();
const schema = generateFlowSchema(registry) as Record<string, any>;
// The full meta-schema check is on here: the generated schema must itself be valid draft 2020-12.
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

function validFlow(): any {
  return {
    $schema: '../schema/flow.schema.json',
    format: 'flowbus/flow@1',
    name: 'Alarm to IM',
    trigger: { id: 'on-alarm', type: 'event', config: { bus: 'default' } },
    steps: [
      { id: 'body', type: 'set-variable', config: { name: 'body', value: { $expr: 'payload' } } },
      {
        id: 'guard',
        type: 'try',
        steps: [
          {
            id: 'send',
            type: 'http-request',
            config: {
              method: 'POST',
              url: { $template: 'http://127.0.0.1:9/{{ payload.id }}' },
              headers: { 'x-region': { $expr: 'vars.body.region' }, accept: 'application/json' },
              body: { nested: { $expr: 'payload' } },
            },
          },
        ],
        catch: [{ id: 'on-any', config: { errorTypes: ['ANY'] }, steps: [] }],
      },
      {
        id: 'route',
        type: 'choice',
        when: [{ id: 'eu', config: { condition: true }, steps: [] }],
        otherwise: [],
      },
    ],
  };
}

const EXPR = { $expr: 'payload' };

function changed(change: (flow: any) => void): unknown {
  const flow = validFlow();
  change(flow);
  return flow;
}

describe('generateFlowSchema', () => {
  it('describes the root with the published id and draft 2020-12', () => {
    expect(schema.$id).toBe(FLOW_SCHEMA_ID);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(['format', 'name', 'trigger', 'steps']);
  });

  it('offers trigger types for the trigger and the other types for steps, with their docs', () => {
    expect(schema.$defs.trigger.properties.type.enum).toEqual(['event', 'http']);
    const stepTypes = schema.$defs.step.properties.type;
    const actions = ['set-variable', 'logger', 'http-request', 'try', 'choice', 'flow-reference'];
    expect(stepTypes.enum).toEqual(actions);
    expect(stepTypes.markdownEnumDescriptions[0]).toBe('**Set Variable**: Stores a value in `vars.<name>`.');
    expect(schema.$defs['step.http-request']).toMatchObject({
      title: 'HTTP Request',
      description: 'Sends an HTTP request and puts the response in the payload.',
    });
    expect(schema.$defs['step.http-request'].properties.config.properties.url).toMatchObject({
      title: 'URL',
      description: 'Where to send the request.',
      anyOf: [{ $ref: '#/$defs/expression' }, { type: 'string' }],
    });
    expect(schema.$defs.expression.markdownDescription).toContain('JSONata');
  });

  it('keeps literal-only fields free of expression alternatives', () => {
    const timeout = schema.$defs['step.http-request'].properties.config.properties.timeoutMs;
    expect(timeout).toEqual({ type: 'integer', minimum: 1, 'x-expression': false });
  });

  it('is plain JSON that the canonical writer writes the same way twice', () => {
    const text = stringifyJson(schema);
    expect(stringifyJson(JSON.parse(text))).toBe(text);
    expect(JSON.parse(text)).toEqual(schema);
  });

  it('accepts a valid flow', () => {
    expect(validate(validFlow()), JSON.stringify(validate.errors, null, 1)).toBe(true);
  });

  const sendConfig = (flow: any) => flow.steps[1].steps[0].config;

  const broken: Array<[problem: string, change: (flow: any) => unknown]> = [
    ['a wrong format', (flow) => (flow.format = 'flowbus/flow@2')],
    ['a missing name', (flow) => delete flow.name],
    ['an unknown root key', (flow) => (flow.version = 1)],
    ['a step as the trigger', (flow) => (flow.trigger = { id: 't', type: 'logger' })],
    ['a trigger among the steps', (flow) => flow.steps.push({ id: 'h', type: 'http' })],
    ['an unknown step type', (flow) => (flow.steps[0].type = 'set-varaible')],
    ['a bad step id', (flow) => (flow.steps[0].id = 'Body')],
    ['a missing required config field', (flow) => delete flow.steps[0].config.name],
    ['an unknown config field', (flow) => (flow.steps[0].config.other = 1)],
    ['a wrong literal type', (flow) => (sendConfig(flow).url = 5)],
    ['a wrong nested literal type', (flow) => (sendConfig(flow).headers.n = 5)],
    ['an expression in a literal-only field', (flow) => (flow.steps[0].config.name = EXPR)],
    ['a malformed expression', (flow) => (sendConfig(flow).url = { $expr: 'x', y: 1 })],
    ['catch on a step that is not a Try', (flow) => (flow.steps[0].catch = [])],
    ['a missing scope key', (flow) => delete flow.steps[1].steps],
    ['too few branches', (flow) => (flow.steps[1].catch = [])],
    ['a branch without steps', (flow) => delete flow.steps[1].catch[0].steps],
    ['a wrong branch config', (flow) => (flow.steps[2].when[0].config.condition = 'y')],
    ['a bad nested step', (flow) => (flow.steps[1].catch[0].steps = [{ id: 'x' }])],
  ];

  it.each(broken)('rejects %s', (_problem, change) => {
    expect(validate(changed(change))).toBe(false);
  });

  it('reports the errors of the step type that applies, not of every type', () => {
    validate(changed((flow) => (flow.steps[1].steps[0].config.url = 5)));
    const paths = new Set(validate.errors?.map((error) => error.instancePath));
    const allowed = ['/steps/1', '/steps/1/steps/0', '/steps/1/steps/0/config/url'];
    expect([...paths].filter((path) => !allowed.includes(path))).toEqual([]);
  });
});
