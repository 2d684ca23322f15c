/**
 * @module Tests of flow validation: one row per kind of problem, whole documents, the validator cache.
 */
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../core/registry.js';
import { isExpressionValue } from '../expressions/index.js';
import { configValidator } from './config-validators.js';
import { createTestRegistry, testDefinitions } from './test-registry.js';
import { validateFlow } from './validate.js';

const registry = createTestRegistry();

/** A valid flow with a trigger, an action and a Try with one Catch handler; a fresh copy each call. */
function validFlow(): any {
  return {
    $schema: '../schema/flow.schema.json',
    format: 'flowbus/flow@1',
    name: 'Alarm to IM',
    trigger: { id: 'on-alarm', type: 'event', config: { bus: 'default' } },
    steps: [
      {
        id: 'body',
        type: 'set-variable',
        config: { name: 'body', value: { $expr: "{'region': payload.region}" } },
      },
      {
        id: 'guard',
        type: 'try',
        steps: [
          {
            id: 'send',
            type: 'http-request',
            config: {
              method: 'POST',
              url: 'http://127.0.0.1:9/x',
              body: { $template: 'Alarm {{ vars.body.region }}' },
            },
          },
        ],
        catch: [
          {
            id: 'on-any',
            config: { errorTypes: ['ANY'] },
            steps: [
              {
                id: 'log',
                type: 'logger',
                config: { level: 'ERROR', category: 'ebtest', content: { $expr: 'error.message' } },
              },
            ],
          },
        ],
      },
    ],
  };
}

/** One expected issue: code, pointer, stepId (undefined when none) and a fragment of the message. */
type Expected = [code: string, pointer: string, stepId: string | undefined, fragment: string];

interface Row {
  problem: string;
  /** Changes a fresh copy of the valid flow. */
  change?: (flow: any) => unknown;
  /** Or: the document itself. */
  document?: () => unknown;
  expected: Expected[];
  knownFlows?: string[];
}

const ID_RULE = 'lowercase letters, digits and "-"';
const LONG_ID = 'a'.repeat(65);
const CATCH_MESSAGE = "a Catch handler can only be inside a Try step's catch list";
const send = (flow: any) => flow.steps[1].steps[0];
const handler = (flow: any) => flow.steps[1].catch[0];
const choiceWithoutOtherwise = () => ({
  id: 'route',
  type: 'choice',
  when: [{ id: 'eu', config: { condition: true }, steps: [] }],
});

const rows: Row[] = [
  {
    problem: 'an array instead of a flow',
    document: () => [],
    expected: [['wrong-type', '', undefined, 'JSON object']],
  },
  {
    problem: 'null instead of a flow',
    document: () => null,
    expected: [['wrong-type', '', undefined, 'JSON object']],
  },
  {
    problem: 'missing format',
    change: (flow) => delete flow.format,
    expected: [['missing-field', '/format', undefined, 'expected "flowbus/flow@1"']],
  },
  {
    problem: 'unsupported format',
    change: (flow) => (flow.format = 'flowbus/flow@9'),
    expected: [['unsupported-format', '/format', undefined, 'supported formats are "flowbus/flow@1"']],
  },
  {
    problem: 'missing name',
    change: (flow) => delete flow.name,
    expected: [['missing-field', '/name', undefined, 'missing "name"']],
  },
  {
    problem: 'empty name',
    change: (flow) => (flow.name = ' '),
    expected: [['wrong-type', '/name', undefined, 'non-empty string']],
  },
  {
    problem: 'unknown root key',
    change: (flow) => (flow.version = 2),
    expected: [['unknown-key', '/version', undefined, 'allowed keys: $schema, format, name']],
  },
  {
    problem: 'missing trigger',
    change: (flow) => delete flow.trigger,
    expected: [['missing-field', '/trigger', undefined, 'one trigger step (event, http)']],
  },
  {
    problem: 'a trigger that is not a trigger-kind step',
    change: (flow) => (flow.trigger = { id: 'start', type: 'logger', config: { content: 'x' } }),
    expected: [['not-a-trigger', '/trigger/type', 'start', 'one of event, http']],
  },
  {
    problem: 'a trigger-kind step inside steps',
    change: (flow) => flow.steps.push({ id: 'again', type: 'http', config: { path: '/x' } }),
    expected: [['trigger-in-steps', '/steps/2/type', 'again', 'is a trigger']],
  },
  {
    problem: 'steps not an array',
    change: (flow) => (flow.steps = {}),
    expected: [['wrong-type', '/steps', undefined, 'list of steps']],
  },
  {
    problem: 'missing steps',
    change: (flow) => delete flow.steps,
    expected: [['missing-field', '/steps', undefined, 'list of steps']],
  },
  {
    problem: 'a step that is not an object',
    change: (flow) => (flow.steps[0] = 'log it'),
    expected: [['wrong-type', '/steps/0', undefined, 'expected a step']],
  },
  {
    problem: 'unknown step type close to a registered one',
    change: (flow) => (flow.steps[0].type = 'set-varaible'),
    expected: [['unknown-step-type', '/steps/0/type', 'body', 'did you mean set-variable?']],
  },
  {
    problem: 'unknown step type far from any',
    change: (flow) => (flow.steps[0].type = 'teleport'),
    expected: [['unknown-step-type', '/steps/0/type', 'body', 'expected one of set-variable']],
  },
  {
    problem: 'missing type',
    change: (flow) => delete flow.steps[0].type,
    expected: [['missing-field', '/steps/0/type', 'body', 'missing "type"']],
  },
  {
    problem: 'id not a slug',
    change: (flow) => (flow.steps[0].id = 'Set Body'),
    expected: [['invalid-step-id', '/steps/0/id', 'Set Body', ID_RULE]],
  },
  {
    problem: 'id longer than 64 characters',
    change: (flow) => (send(flow).id = LONG_ID),
    expected: [['invalid-step-id', '/steps/1/steps/0/id', LONG_ID, 'at most 64']],
  },
  {
    problem: 'missing id',
    change: (flow) => delete flow.steps[0].id,
    expected: [['missing-field', '/steps/0/id', undefined, 'missing "id"']],
  },
  {
    problem: 'id not a string',
    change: (flow) => (flow.steps[0].id = 7),
    expected: [['wrong-type', '/steps/0/id', undefined, 'got 7']],
  },
  {
    problem: 'duplicate step id',
    change: (flow) => (send(flow).id = 'body'),
    expected: [['duplicate-step-id', '/steps/1/steps/0/id', 'body', 'already used at /steps/0']],
  },
  {
    problem: 'step id equal to the trigger id',
    change: (flow) => (flow.steps[0].id = 'on-alarm'),
    expected: [['duplicate-step-id', '/steps/0/id', 'on-alarm', 'already used at /trigger']],
  },
  {
    problem: 'branch id equal to a step id',
    change: (flow) => (handler(flow).id = 'guard'),
    expected: [['duplicate-step-id', '/steps/1/catch/0/id', 'guard', 'already used at /steps/1']],
  },
  {
    problem: 'unknown key on a step',
    change: (flow) => (flow.steps[0].retry = 3),
    expected: [['unknown-key', '/steps/0/retry', 'body', 'allowed keys: id, type, name']],
  },
  {
    problem: 'catch on a step that is not a Try',
    change: (flow) => (flow.steps[0].catch = []),
    expected: [['misplaced-branch', '/steps/0/catch', 'body', CATCH_MESSAGE]],
  },
  {
    problem: 'a node of type catch among the steps',
    change: (flow) => flow.steps.push({ id: 'handler', type: 'catch', steps: [] }),
    expected: [['misplaced-branch', '/steps/2/type', 'handler', CATCH_MESSAGE]],
  },
  {
    problem: 'a step with disabled not a boolean',
    change: (flow) => (flow.steps[0].disabled = 'yes'),
    expected: [['wrong-type', '/steps/0/disabled', 'body', 'true or false']],
  },
  {
    problem: 'a step name that is not a string',
    change: (flow) => (flow.steps[0].name = 5),
    expected: [['wrong-type', '/steps/0/name', 'body', 'must be a string']],
  },
  {
    problem: 'missing scope key',
    change: (flow) => delete flow.steps[1].steps,
    expected: [['missing-field', '/steps/1/steps', 'guard', 'a Try step holds']],
  },
  {
    problem: 'sequence scope of the wrong shape',
    change: (flow) => (flow.steps[1].steps = { id: 'x' }),
    expected: [['wrong-type', '/steps/1/steps', 'guard', 'must be a list of steps']],
  },
  {
    problem: 'branches scope of the wrong shape',
    change: (flow) => (flow.steps[1].catch = 'ANY'),
    expected: [['wrong-type', '/steps/1/catch', 'guard', 'a list of Catch branches']],
  },
  {
    problem: 'fewer branches than minItems',
    change: (flow) => (flow.steps[1].catch = []),
    expected: [['too-few-branches', '/steps/1/catch', 'guard', 'at least 1 Catch']],
  },
  {
    problem: 'a branch that is not an object',
    change: (flow) => (flow.steps[1].catch = [5]),
    expected: [['wrong-type', '/steps/1/catch/0', undefined, 'expected a Catch']],
  },
  {
    problem: 'a branch without steps',
    change: (flow) => delete handler(flow).steps,
    expected: [['missing-field', '/steps/1/catch/0/steps', 'on-any', 'missing "steps"']],
  },
  {
    problem: 'unknown key on a branch',
    change: (flow) => (handler(flow).type = 'catch'),
    expected: [['unknown-key', '/steps/1/catch/0/type', 'on-any', 'id, name, config, steps']],
  },
  {
    problem: 'missing required config field',
    change: (flow) => delete flow.steps[0].config.name,
    expected: [['missing-field', '/steps/0/config/name', 'body', 'missing required field "name"']],
  },
  {
    problem: 'missing config with required fields',
    change: (flow) => delete flow.steps[0].config,
    expected: [
      ['missing-field', '/steps/0/config/name', 'body', '"name" (Name): expected a string'],
      ['missing-field', '/steps/0/config/value', 'body', '"value"'],
    ],
  },
  {
    problem: 'config not an object',
    change: (flow) => (flow.steps[0].config = ['body']),
    expected: [['wrong-type', '/steps/0/config', 'body', 'object of fields']],
  },
  {
    problem: 'unknown config field close to a known one',
    change: (flow) => (flow.steps[0].config.nmae = 'x'),
    expected: [['unknown-field', '/steps/0/config/nmae', 'body', 'did you mean "name"?']],
  },
  {
    problem: 'unknown config field',
    change: (flow) => (send(flow).config.retries = 2),
    expected: [
      [
        'unknown-field',
        '/steps/1/steps/0/config/retries',
        'send',
        'allowed fields: method, url, headers, timeoutMs, body',
      ],
    ],
  },
  {
    problem: 'wrong literal type',
    change: (flow) => (send(flow).config.url = 5),
    expected: [
      ['wrong-type', '/steps/1/steps/0/config/url', 'send', 'expected a string or an expression, got 5'],
    ],
  },
  {
    problem: 'wrong literal type in a nested value',
    change: (flow) => (send(flow).config.headers = { accept: 'json', retries: 3 }),
    expected: [['wrong-type', '/steps/1/steps/0/config/headers/retries', 'send', 'got 3']],
  },
  {
    problem: 'value not in the enum',
    change: (flow) => (send(flow).config.method = 'FETCH'),
    expected: [['invalid-value', '/steps/1/steps/0/config/method', 'send', 'one of "GET", "POST"']],
  },
  {
    problem: 'value below the minimum',
    change: (flow) => (send(flow).config.timeoutMs = 0),
    expected: [['invalid-value', '/steps/1/steps/0/config/timeoutMs', 'send', 'must be >= 1']],
  },
  {
    problem: 'wrong type in a branch config',
    change: (flow) => (handler(flow).config.errorTypes = 'ANY'),
    expected: [['wrong-type', '/steps/1/catch/0/config/errorTypes', 'on-any', 'expected a list, got "ANY"']],
  },
  {
    problem: 'missing branch config field',
    change: (flow) => delete handler(flow).config,
    expected: [['missing-field', '/steps/1/catch/0/config/errorTypes', 'on-any', 'errorTypes']],
  },
  {
    problem: 'expression syntax error',
    change: (flow) => (flow.steps[0].config.value = { $expr: 'payload.' }),
    expected: [['expression-syntax', '/steps/0/config/value', 'body', 'line 1, column']],
  },
  {
    problem: 'template syntax error',
    change: (flow) => (send(flow).config.body = { $template: 'Alarm {{ vars.' }),
    expected: [['expression-syntax', '/steps/1/steps/0/config/body', 'send', 'line 1']],
  },
  {
    problem: 'expression syntax error in a nested value',
    change: (flow) => (send(flow).config.headers = { 'x-region': { $expr: '(payload' } }),
    expected: [['expression-syntax', '/steps/1/steps/0/config/headers/x-region', 'send', 'column']],
  },
  {
    problem: 'regex with a lookahead, which the linear-time engine cannot run',
    change: (flow) => (flow.steps[0].config.value = { $expr: '$match(payload.s, /a(?=b)/)' }),
    expected: [
      ['unsupported-regex', '/steps/0/config/value', 'body', 'column 21: regex /a(?=b)/ uses a lookahead'],
    ],
  },
  {
    problem: 'regex with a backreference in a template hole',
    change: (flow) => {
      send(flow).config.body = { $template: 'Alarm {{ $replace(payload.s, /(a)\\1/, "") }}' };
    },
    expected: [['unsupported-regex', '/steps/1/steps/0/config/body', 'send', 'uses a backreference `\\1`']],
  },
  {
    problem: 'malformed expression object',
    change: (flow) => (send(flow).config.body = { $expr: 'payload', extra: 1 }),
    expected: [['expression-syntax', '/steps/1/steps/0/config/body', 'send', '"extra"']],
  },
  {
    problem: 'expression in a literal-only field',
    change: (flow) => (flow.steps[0].config.name = { $expr: 'payload.name' }),
    expected: [['expression-not-allowed', '/steps/0/config/name', 'body', 'literal value only']],
  },
  {
    problem: 'expression inside a literal-only branch field',
    change: (flow) => (handler(flow).config.errorTypes = [{ $expr: '"ANY"' }]),
    expected: [
      [
        'expression-not-allowed',
        '/steps/1/catch/0/config/errorTypes/0',
        'on-any',
        '"errorTypes" takes a literal value only',
      ],
    ],
  },
  {
    problem: 'flow reference to an unknown flow',
    change: (flow) =>
      flow.steps.push({ id: 'notify', type: 'flow-reference', config: { flow: 'notify-on-cal' } }),
    knownFlows: ['notify-on-call', 'alarm-to-im'],
    expected: [['unknown-flow', '/steps/2/config/flow', 'notify', 'did you mean notify-on-call?']],
  },
  {
    problem: 'missing sequence scope of a Choice',
    change: (flow) => flow.steps.push(choiceWithoutOtherwise()),
    expected: [['missing-field', '/steps/2/otherwise', 'route', 'Otherwise']],
  },
];

function documentOf(row: Row): unknown {
  if (row.document) return row.document();
  const flow = validFlow();
  row.change?.(flow);
  return flow;
}

describe('validateFlow', () => {
  it('accepts the valid flow', () => {
    expect(validateFlow(validFlow(), registry)).toEqual([]);
  });

  it.each(rows)('reports $problem', (row) => {
    const knownFlows = row.knownFlows && new Set(row.knownFlows);
    const issues = validateFlow(documentOf(row), registry, { knownFlows });
    expect(issues.map(({ code, pointer, stepId }) => [code, pointer, stepId])).toEqual(
      row.expected.map(([code, pointer, stepId]) => [code, pointer, stepId]),
    );
    issues.forEach((issue, index) => expect(issue.message).toContain(row.expected[index][3]));
  });
});

describe('validateFlow on whole documents', () => {
  it('accepts scopes, expressions at any depth of expression fields, and known flow references', () => {
    const flow = validFlow();
    send(flow).config.headers = { 'x-region': { $expr: 'vars.body.region' }, accept: 'application/json' };
    send(flow).config.url = { $template: 'http://127.0.0.1:9/{{ payload.id }}' };
    flow.steps.push(
      { ...choiceWithoutOtherwise(), otherwise: [] },
      { id: 'notify', type: 'flow-reference', disabled: true, config: { flow: 'notify-on-call' } },
    );
    expect(validateFlow(flow, registry, { knownFlows: new Set(['notify-on-call']) })).toEqual([]);
    // Without the list of flows, a reference is not checked.
    flow.steps[3].config.flow = 'elsewhere';
    expect(validateFlow(flow, registry)).toEqual([]);
  });

  it('reports every problem of a document with many, in document order', () => {
    const flow = {
      zzz: true,
      format: 'flowbus/flow@0',
      trigger: { id: 'start', type: 'htp', config: { path: '/x' } },
      steps: [
        { id: 'Bad Id', type: 'logger', config: { content: { $expr: 'a +' }, level: 'LOUD' } },
        {
          id: 'g',
          type: 'try',
          catch: [{ id: 'start', config: { errorTypes: [] }, steps: [{ id: 'x', type: 'catch' }] }],
        },
        { id: 'v', type: 'set-variable', catch: [], config: { name: { $expr: 'x' }, value: 1, extra: 2 } },
      ],
    };
    const issues = validateFlow(flow, registry, { file: 'flows/many.flow.json' });
    expect(issues.map((issue) => `${issue.code} ${issue.pointer}`)).toEqual([
      'missing-field /name',
      'unknown-key /zzz',
      'unsupported-format /format',
      'unknown-step-type /trigger/type',
      'invalid-step-id /steps/0/id',
      'expression-syntax /steps/0/config/content',
      'invalid-value /steps/0/config/level',
      'missing-field /steps/1/steps',
      'duplicate-step-id /steps/1/catch/0/id',
      'invalid-value /steps/1/catch/0/config/errorTypes',
      'misplaced-branch /steps/1/catch/0/steps/0/type',
      'misplaced-branch /steps/2/catch',
      'expression-not-allowed /steps/2/config/name',
      'unknown-field /steps/2/config/extra',
    ]);
    expect(issues.every((issue) => issue.file === 'flows/many.flow.json')).toBe(true);
    expect(issues[0]).not.toHaveProperty('stepId');
    expect(issues[3].message).toContain('did you mean http?');
    expect(issues[8]).toMatchObject({ stepId: 'start', message: expect.stringContaining('/trigger') });
  });

  it('still checks the steps nested under a step of unknown type', () => {
    const flow = validFlow();
    flow.steps[1].type = 'tyr';
    send(flow).id = 'body';
    const codes = validateFlow(flow, registry).map((issue) => `${issue.code} ${issue.pointer}`);
    expect(codes).toEqual(['unknown-step-type /steps/1/type', 'duplicate-step-id /steps/1/steps/0/id']);
  });

  it('reports a config schema that cannot be compiled instead of throwing', () => {
    const config = { type: 'object', properties: { a: { type: 'nope' } } };
    const broken = { ...testDefinitions[2], type: 'broken', config };
    const brokenRegistry = createRegistry([...testDefinitions, broken as never]);
    const flow = validFlow();
    flow.steps[0] = { id: 'b', type: 'broken', config: {} };
    const issues = validateFlow(flow, brokenRegistry);
    expect(issues).toMatchObject([
      { code: 'invalid-step-definition', pointer: '/steps/0/config', stepId: 'b' },
    ]);
    expect(issues[0].message).toContain('step type "broken"');
  });
});

describe('configValidator', () => {
  it('compiles a schema once per registry', () => {
    const schema = testDefinitions[2].config;
    const first = configValidator(registry, schema);
    expect(configValidator(registry, schema)).toBe(first);
    expect(configValidator(createTestRegistry(), schema)).not.toBe(first);
  });

  // regression: the expression test is plain JSON Schema now (so validators can be saved); it must accept
  // exactly what isExpressionValue accepts
  it.each([
    { $expr: 'payload.count' },
    { $template: 'n = {{payload.count}}' },
    { $expr: 3 },
    { $expr: 'a', $template: 'b' },
    { $expr: 'a', extra: 1 },
    { $template: null },
    {},
    ['$expr'],
    'text',
    7,
  ])('lets %j stand in for an integer exactly when isExpressionValue(it)', (value) => {
    const schema = { type: 'object', properties: { count: { type: 'integer' } } } as const;
    const checked = configValidator(registry, schema);
    if (!('validate' in checked)) throw new Error(checked.compileError);
    expect(checked.validate({ count: value })).toBe(isExpressionValue(value) || Number.isInteger(value));
    expect(checked.validate({ count: 7 })).toBe(true);
  });
});
