/**
 * @module Tests of rule and bus validation: a valid rule compiles with its defaults; one row per kind of
 * problem, each with its pointer and code; every problem of a file is reported at once.
 */
import { describe, expect, it } from 'vitest';
import { builtinTargetTypes, createTargetRegistry } from '../targets/index.js';
import { validateBus, validateRule } from './validate.js';

const targets = createTargetRegistry(builtinTargetTypes);
const options = {
  id: 'cvm-alarms',
  file: 'flows/cvm-alarms.rule.json',
  targets,
  buses: new Set(['default', 'retail']),
};

const NOT_AN_OBJECT = Symbol('not an object');

/** A valid rule; a fresh copy each call. */
function validRule(): any {
  return {
    format: 'flowbus/rule@1',
    name: 'CVM alarms',
    pattern: { source: 'cvm.cloud.tencent' },
    targets: [
      { id: 'to-flow', type: 'flow', config: { flow: 'alarm-to-wecom' }, batch: { maxEvents: 5 } },
      {
        id: 'hook',
        type: 'webhook',
        config: { url: 'http://127.0.0.1:9/hook' },
        retry: { maxAttempts: 2 },
        deadLetter: 'DROP',
      },
      { id: 'archive', type: 'log-store' },
    ],
  };
}

describe('validateRule', () => {
  it('compiles a valid rule and fills in every default', () => {
    const { issues, rule } = validateRule(validRule(), options);
    expect(issues).toEqual([]);
    expect(rule).toMatchObject({
      id: 'cvm-alarms',
      bus: 'default',
      enabled: true,
      file: 'flows/cvm-alarms.rule.json',
    });
    const [flow, hook, archive] = rule!.targets;
    expect(flow).toMatchObject({
      batch: { maxEvents: 5, maxWaitMs: 1000 },
      deadLetter: 'DLQ',
      concurrency: 4,
    });
    expect(flow!.retry).toEqual({
      maxAttempts: 4,
      initialDelayMs: 1000,
      maxDelayMs: 60_000,
      maxAgeMs: 86_400_000,
    });
    expect(hook).toMatchObject({ deadLetter: 'DROP', retry: { maxAttempts: 2 } });
    expect(hook!.batch).toBeUndefined();
    expect(archive!.definition.type).toBe('log-store');
  });

  it('takes the rule-level dead-letter policy for targets without their own', () => {
    const { rule } = validateRule({ ...validRule(), deadLetter: 'IGNORE_ERROR' }, options);
    expect(rule!.targets.map((target) => target.deadLetter)).toEqual([
      'IGNORE_ERROR',
      'DROP',
      'IGNORE_ERROR',
    ]);
  });

  it.each([
    ['not an object', () => NOT_AN_OBJECT, '', 'wrong-type'],
    ['missing format', (rule: any) => delete rule.format, '/format', 'missing-field'],
    ['wrong format', (rule: any) => (rule.format = 'flowbus/rule@9'), '/format', 'invalid-value'],
    ['empty name', (rule: any) => (rule.name = ' '), '/name', 'invalid-value'],
    ['unknown root key', (rule: any) => (rule.enable = true), '/enable', 'unknown-field'],
    ['enabled not boolean', (rule: any) => (rule.enabled = 'yes'), '/enabled', 'wrong-type'],
    ['pattern not an object', (rule: any) => (rule.pattern = ['x']), '/pattern', 'wrong-type'],
    [
      'bad pattern operator',
      (rule: any) => (rule.pattern = { source: [{ prefx: 'a' }] }),
      '/pattern/source/0/prefx',
      'invalid-pattern',
    ],
    [
      'empty pattern object',
      (rule: any) => (rule.pattern = { data: {} }),
      '/pattern/data',
      'invalid-pattern',
    ],
    ['no targets', (rule: any) => (rule.targets = []), '/targets', 'invalid-value'],
    [
      'too many targets',
      (rule: any) => (rule.targets = Array.from({ length: 11 }, (_, i) => ({ id: `t${i}`, type: 'x' }))),
      '/targets',
      'invalid-value',
    ],
    [
      'unknown target type',
      (rule: any) => (rule.targets[2].type = 'kafka'),
      '/targets/2/type',
      'invalid-value',
    ],
    ['bad target id', (rule: any) => (rule.targets[2].id = 'Archive!'), '/targets/2/id', 'invalid-value'],
    [
      'duplicate target id',
      (rule: any) => (rule.targets[2].id = 'hook'),
      '/targets/2/id',
      'duplicate-target-id',
    ],
    [
      'flow target without flow',
      (rule: any) => (rule.targets[0].config = {}),
      '/targets/0/config/flow',
      'missing-field',
    ],
    [
      'webhook without config',
      (rule: any) => delete rule.targets[1].config,
      '/targets/1/config',
      'missing-field',
    ],
    [
      'webhook url not http',
      (rule: any) => (rule.targets[1].config.url = 'ftp://x'),
      '/targets/1/config/url',
      'invalid-value',
    ],
    [
      'unknown webhook field',
      (rule: any) => (rule.targets[1].config.verb = 'POST'),
      '/targets/1/config/verb',
      'unknown-field',
    ],
    [
      'batch on the log store is fine, on an unknown key not',
      (rule: any) => (rule.targets[0].batch.size = 1),
      '/targets/0/batch/size',
      'unknown-field',
    ],
    [
      'batch too large',
      (rule: any) => (rule.targets[0].batch.maxEvents = 10_001),
      '/targets/0/batch/maxEvents',
      'invalid-value',
    ],
    [
      'batch wait too long',
      (rule: any) => (rule.targets[0].batch.maxWaitMs = 60_001),
      '/targets/0/batch/maxWaitMs',
      'invalid-value',
    ],
    [
      'zero attempts',
      (rule: any) => (rule.targets[1].retry.maxAttempts = 0),
      '/targets/1/retry/maxAttempts',
      'invalid-value',
    ],
    [
      'delays the wrong way round',
      (rule: any) => (rule.targets[1].retry = { initialDelayMs: 10, maxDelayMs: 5 }),
      '/targets/1/retry/maxDelayMs',
      'invalid-value',
    ],
    [
      'unknown dead-letter policy',
      (rule: any) => (rule.targets[1].deadLetter = 'RETRY'),
      '/targets/1/deadLetter',
      'invalid-value',
    ],
    [
      'concurrency zero',
      (rule: any) => (rule.targets[1].concurrency = 0),
      '/targets/1/concurrency',
      'invalid-value',
    ],
    ['unknown bus', (rule: any) => (rule.bus = 'orders'), '/bus', 'unknown-bus'],
    ['bad bus id', (rule: any) => (rule.bus = 'a b'), '/bus', 'invalid-value'],
    [
      'transform of both kinds',
      (rule: any) => (rule.transform = { jsonata: 'x', template: {} }),
      '/transform',
      'invalid-value',
    ],
    [
      'transform of no kind',
      (rule: any) => (rule.transform = { inputPaths: {} }),
      '/transform',
      'invalid-value',
    ],
    [
      'input paths with JSONata',
      (rule: any) => (rule.transform = { jsonata: 'x', inputPaths: {} }),
      '/transform/inputPaths',
      'invalid-value',
    ],
    [
      'transform syntax',
      (rule: any) => (rule.transform = { jsonata: '(' }),
      '/transform/jsonata',
      'expression-syntax',
    ],
    [
      'transform regex with a lookahead, which RE2 cannot run',
      (rule: any) => (rule.transform = { jsonata: '$match(data.msg, /^(?=a)\\w+$/)' }),
      '/transform/jsonata',
      'unsupported-regex',
    ],
    [
      'transform path',
      (rule: any) => (rule.transform = { inputPaths: { a: 'subject' }, template: '<a>' }),
      '/transform/inputPaths/a',
      'invalid-value',
    ],
    [
      'transform path syntax',
      (rule: any) => (rule.transform = { inputPaths: { a: '$x' }, template: '<a>' }),
      '/transform/inputPaths/a',
      'invalid-path',
    ],
  ])('%s', (_name, change, pointer, code) => {
    const rule = validRule();
    const document = change(rule) === NOT_AN_OBJECT ? [] : rule;
    const { issues, rule: compiled } = validateRule(document, options);
    expect(compiled).toBeUndefined();
    expect(issues.map((issue) => [issue.pointer, issue.code])).toContainEqual([pointer, code]);
    for (const issue of issues) expect(issue.file).toBe('flows/cvm-alarms.rule.json');
  });

  it('a batch on a target type that cannot batch is reported', () => {
    const definition = { ...targets.get('log-store')!, type: 'single', batching: false };
    const registry = createTargetRegistry([...builtinTargetTypes, definition]);
    const rule = { ...validRule(), targets: [{ id: 'one', type: 'single', batch: {} }] };
    const { issues } = validateRule(rule, { ...options, targets: registry });
    expect(issues).toEqual([
      expect.objectContaining({ pointer: '/targets/0/batch', code: 'batch-not-supported' }),
    ]);
  });

  it('reports every problem of a file at once, in document order', () => {
    const rule = validRule();
    rule.name = 1;
    rule.pattern = { source: [{ prefix: 1 }], region: [] };
    rule.targets[1].config.url = 'x';
    const { issues } = validateRule(rule, options);
    expect(issues.map((issue) => issue.pointer)).toEqual([
      '/name',
      '/pattern/source/0/prefix',
      '/pattern/region',
      '/targets/1/config/url',
    ]);
  });
});

describe('validateBus', () => {
  it('accepts a bus file', () => {
    expect(validateBus({ format: 'flowbus/bus@1', name: 'Retail hub', storeEvents: true })).toEqual([]);
  });

  it.each([
    [{ name: 'x' }, '/format', 'missing-field'],
    [{ format: 'flowbus/bus@1' }, '/name', 'missing-field'],
    [{ format: 'flowbus/bus@1', name: 'x', storeEvents: 1 }, '/storeEvents', 'wrong-type'],
    [{ format: 'flowbus/bus@1', name: 'x', store: true }, '/store', 'unknown-field'],
  ])('%j', (json, pointer, code) => {
    const issues = validateBus(json, 'flows/x.bus.json');
    expect(issues).toContainEqual(expect.objectContaining({ file: 'flows/x.bus.json', pointer, code }));
  });
});
