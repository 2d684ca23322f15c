/**
 * @module Tests of Set Payload: the payload replaced, the rest kept.
 */
import { describe, expect, it } from 'vitest';
import { runStep } from '../testing.js';
import { setPayloadStep } from './index.js';

describe('set-payload', () => {
  it.each([
    ['an object', { title: 'disk full' }],
    ['an array', [1, 2]],
    ['a string', 'text'],
    ['zero', 0],
    ['false', false],
    ['null', null],
  ])('replaces the payload with %s and keeps attributes and vars', async (_, value) => {
    const { message } = await runStep(setPayloadStep, {
      config: { value },
      message: { payload: 'old', attributes: { a: 1 }, vars: { v: 2 } },
    });
    expect(message).toEqual({ payload: value, attributes: { a: 1 }, vars: { v: 2 } });
  });

  it('gives a null payload when an expression selected nothing', async () => {
    const config = { value: undefined };
    const { message } = await runStep(setPayloadStep, { config, message: { payload: 'old' } });
    expect(message.payload).toBeNull();
  });
});
