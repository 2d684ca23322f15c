/**
 * @module Tests of Set Variable: output vars and bad names.
 */
import { describe, expect, it } from 'vitest';
import { runStep } from '../testing.js';
import { setVariableStep } from './index.js';

describe('set-variable', () => {
  it('adds a variable and keeps payload, attributes and other vars', async () => {
    const { message } = await runStep(setVariableStep, {
      config: { name: 'orderId', value: { id: 42 } },
      message: { payload: 'p', attributes: { method: 'POST' }, vars: { other: 1 } },
    });
    expect(message).toEqual({
      payload: 'p',
      attributes: { method: 'POST' },
      vars: { other: 1, orderId: { id: 42 } },
    });
  });

  it('replaces an existing variable without changing the input message', async () => {
    const vars = { count: 1 };
    const config = { name: 'count', value: 2 };
    const { message } = await runStep(setVariableStep, { config, message: { vars } });
    expect(message.vars).toEqual({ count: 2 });
    expect(vars).toEqual({ count: 1 });
  });

  it('stores null when an expression selected nothing', async () => {
    const { message } = await runStep(setVariableStep, { config: { name: 'missing', value: undefined } });
    expect(message.vars).toEqual({ missing: null });
  });

  it('keeps a name like __proto__ as an own variable', async () => {
    const { message } = await runStep(setVariableStep, { config: { name: '__proto__', value: 'x' } });
    expect(Object.hasOwn(message.vars, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(message.vars)).toBe(Object.prototype);
  });

  it.each([
    ['a number', 3, 'name must be a string, got a number'],
    [
      'a leading digit',
      '1st',
      'name must be a variable name (letters, digits and _, not starting with a digit), got "1st"',
    ],
    ['a dot', 'a.b', 'got "a.b"'],
    ['an empty string', '', 'got ""'],
    ['nothing', undefined, 'name must be a string, got nothing'],
  ])('rejects a name that is %s', async (_, name, message) => {
    const run = runStep(setVariableStep, { config: { name: name as string, value: 1 } });
    await expect(run).rejects.toMatchObject({ type: 'VALIDATION', details: { field: 'name' } });
    await expect(run).rejects.toThrow(message);
  });
});
