/**
 * @module Tests of Transform: each part replaced or merged only when given, and bad values.
 */
import { describe, expect, it } from 'vitest';
import { runStep } from '../testing.js';
import { transformStep } from './index.js';
import type { TransformConfig } from './index.js';

const input = { payload: { data: 1 }, attributes: { method: 'POST' }, vars: { keep: 'k', over: 'old' } };

describe('transform', () => {
  it('replaces payload and attributes and merges vars', async () => {
    const { message } = await runStep(transformStep, {
      config: { payload: 1, attributes: { source: 'x' }, vars: { over: 'new', added: true } },
      message: input,
    });
    expect(message).toEqual({
      payload: 1,
      attributes: { source: 'x' },
      vars: { keep: 'k', over: 'new', added: true },
    });
  });

  it.each<[string, TransformConfig, object]>([
    ['payload only', { payload: 'p' }, { ...input, payload: 'p' }],
    ['a null payload', { payload: null }, { ...input, payload: null }],
    ['a payload expression that selected nothing', { payload: undefined }, { ...input, payload: null }],
    ['attributes only', { attributes: {} }, { ...input, attributes: {} }],
    ['vars only', { vars: { n: 1 } }, { ...input, vars: { ...input.vars, n: 1 } }],
  ])('with %s changes only that part', async (_, config, expected) => {
    const { message } = await runStep(transformStep, { config, message: input });
    expect(message).toEqual(expected);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['no field', {}, 'transform needs at least one of payload, attributes or vars'],
    ['attributes that are an array', { attributes: [1] }, 'attributes must be an object, got an array'],
    ['vars that are a string', { vars: 'x' }, 'vars must be an object, got a string'],
    ['a var with a bad name', { vars: { 'bad name': 1 } }, 'vars key "bad name" must be a variable name'],
  ])('rejects %s', async (_, config, message) => {
    await expect(runStep(transformStep, { config: config as TransformConfig })).rejects.toMatchObject({
      type: 'VALIDATION',
      message: expect.stringContaining(message),
    });
  });
});
