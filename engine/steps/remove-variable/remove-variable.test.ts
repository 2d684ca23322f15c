/**
 * @module Tests of Remove Variable: output vars and bad names.
 */
import { describe, expect, it } from 'vitest';
import { runStep } from '../testing.js';
import { removeVariableStep } from './index.js';

describe('remove-variable', () => {
  it('removes the variable and keeps the others', async () => {
    const { message } = await runStep(removeVariableStep, {
      config: { name: 'token' },
      message: { payload: 1, vars: { token: 's3cret', keep: true } },
    });
    expect(message).toEqual({ payload: 1, attributes: {}, vars: { keep: true } });
  });

  it('does nothing when the variable is not set', async () => {
    const { output, message } = await runStep(removeVariableStep, {
      config: { name: 'absent' },
      message: { vars: { keep: 1 } },
    });
    expect(output).toBeUndefined();
    expect(message.vars).toEqual({ keep: 1 });
  });

  it('does not treat inherited properties as variables', async () => {
    const { message } = await runStep(removeVariableStep, { config: { name: 'toString' } });
    expect(message.vars).toEqual({});
  });

  it.each([
    ['an object', {}, 'name must be a string, got an object'],
    ['a hyphenated name', 'a-b', 'got "a-b"'],
  ])('rejects a name that is %s', async (_, name, message) => {
    await expect(runStep(removeVariableStep, { config: { name: name as string } })).rejects.toMatchObject({
      type: 'VALIDATION',
      message: expect.stringContaining(message),
    });
  });
});
