/**
 * @module Tests of Raise Error: the thrown type, message and details, and bad values.
 */
import { describe, expect, it } from 'vitest';
import { FlowbusError } from '../../core/errors.js';
import { runStep } from '../testing.js';
import { qualifyErrorType, raiseErrorStep } from './index.js';
import type { RaiseErrorConfig } from './index.js';

describe('raise-error', () => {
  it.each([
    ['ORDER_REJECTED', 'CUSTOM:ORDER_REJECTED'],
    ['SHOP:OUT_OF_STOCK', 'SHOP:OUT_OF_STOCK'],
    ['E2', 'CUSTOM:E2'],
  ])('raises %s as %s with the message and details', async (errorType, type) => {
    const config = { errorType, message: 'no lines', details: { orderId: 9 } };
    const run = runStep(raiseErrorStep, { config });
    await expect(run).rejects.toBeInstanceOf(FlowbusError);
    await expect(run).rejects.toMatchObject({ type, message: 'no lines', details: { orderId: 9 } });
  });

  it('raises without details when none are given', async () => {
    const error = await runStep(raiseErrorStep, { config: { errorType: 'X', message: 'm' } }).catch((e) => e);
    expect(error).toMatchObject({ type: 'CUSTOM:X', message: 'm' });
    expect(error.details).toBeUndefined();
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a lower-case type', { errorType: 'oops', message: 'm' }, 'errorType must be NAMESPACE:NAME'],
    ['a type with two colons', { errorType: 'A:B:C', message: 'm' }, 'got "A:B:C"'],
    ['a type starting with a digit', { errorType: '1A', message: 'm' }, 'got "1A"'],
    ['a type that is not a string', { errorType: 1, message: 'm' }, 'errorType must be a string'],
    ['a message that is an object', { errorType: 'X', message: {} }, 'message must be a string, got an'],
    ['no message', { errorType: 'X' }, 'message must be a string, got nothing'],
    ['details that are an array', { errorType: 'X', message: 'm', details: [] }, 'details must be an object'],
  ])('raises VALIDATION for %s', async (_, config, message) => {
    const run = runStep(raiseErrorStep, { config: config as unknown as RaiseErrorConfig });
    await expect(run).rejects.toMatchObject({
      type: 'VALIDATION',
      message: expect.stringContaining(message),
    });
  });

  it('qualifies only bare names', () => {
    expect(qualifyErrorType('A')).toBe('CUSTOM:A');
    expect(qualifyErrorType('HTTP:STATUS')).toBe('HTTP:STATUS');
  });
});
