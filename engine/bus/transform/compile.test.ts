/**
 * @module Tests of rule transforms: the input transformer's template filling and JSONata, with their errors.
 */
import { describe, expect, it } from 'vitest';
import type { BusEvent } from '../cloudevents/index.js';
import { compileTransform } from './compile.js';

const event: BusEvent = {
  specversion: '1.0',
  id: 'e-1',
  source: 'cvm.cloud.tencent',
  type: 'cvm:ErrorEvent:GuestReboot',
  subject: 'ins-1',
  region: 'ap-guangzhou',
  status: '1',
  data: { instanceId: 'ins-1', dimensions: { ip: '10.0.0.1' }, count: 3 },
};
const origin = { bus: 'default', rule: 'cvm-alarms' };

async function apply(transform: Parameters<typeof compileTransform>[0]): Promise<unknown> {
  const compiled = compileTransform(transform);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
  return compiled.apply(event, origin);
}

describe('input transformer', () => {
  it('puts whole values where a string is just the placeholder, and text inside longer strings', async () => {
    const result = await apply({
      inputPaths: {
        instance: '$.subject',
        dims: '$.data.dimensions',
        count: '$.data.count',
        gone: '$.data.none',
      },
      template: {
        sessionId: '<instance>',
        dimensions: '<dims>',
        count: '<count>',
        text: 'Alarm on <instance> (<count>) <dims> [<gone>]',
        missing: '<gone>',
        list: ['<instance>', 1, true, null],
      },
    });
    expect(result).toEqual({
      sessionId: 'ins-1',
      dimensions: { ip: '10.0.0.1' },
      count: 3,
      text: 'Alarm on ins-1 (3) {"ip":"10.0.0.1"} []',
      missing: null,
      list: ['ins-1', 1, true, null],
    });
  });

  it('leaves markup and unknown names alone, and knows $event, $rule and $bus', async () => {
    const result = await apply({
      template: {
        text: '<font color="warning">hi</font> <b> <unknown>',
        rule: '<$rule> on <$bus>',
        whole: '<$event>',
      },
    });
    expect(result).toEqual({
      text: '<font color="warning">hi</font> <b> <unknown>',
      rule: 'cvm-alarms on default',
      whole: { ...event },
    });
  });

  it('reports every bad path and reserved name with its pointer', () => {
    const compiled = compileTransform({ inputPaths: { a: 'subject', $rule: '$.x', b: '$.[' }, template: '' });
    expect(compiled.ok).toBe(false);
    expect(!compiled.ok && compiled.issues.map((issue) => [issue.pointer, issue.code])).toEqual([
      ['/transform/inputPaths/a', 'invalid-path'],
      ['/transform/inputPaths/$rule', 'reserved-name'],
      ['/transform/inputPaths/b', 'invalid-path'],
    ]);
  });
});

describe('JSONata transform', () => {
  it('evaluates with the event as input and the rule and bus bound', async () => {
    const result = await apply({
      jsonata: "{ 'id': id, 'ip': data.dimensions.ip, 'rule': $rule, 'bus': $bus }",
    });
    expect(result).toEqual({ id: 'e-1', ip: '10.0.0.1', rule: 'cvm-alarms', bus: 'default' });
  });

  it('gives null for an expression that yields nothing', async () => {
    expect(await apply({ jsonata: 'data.nothing' })).toBeNull();
  });

  it('reports a syntax error at /transform/jsonata', () => {
    const compiled = compileTransform({ jsonata: '{ "a": ' });
    expect(compiled.ok).toBe(false);
    expect(!compiled.ok && compiled.issues[0]).toMatchObject({
      pointer: '/transform/jsonata',
      code: 'expression-syntax',
    });
  });

  it('fails at run time with a non-retryable BUS:TRANSFORM error', async () => {
    await expect(apply({ jsonata: "$error('boom')" })).rejects.toMatchObject({
      type: 'BUS:TRANSFORM',
      details: { retryable: false },
    });
  });
});
