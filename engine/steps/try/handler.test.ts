/**
 * @module Tests of Catch handler settings: defaults, bad values, matching and retry delays.
 */
import { describe, expect, it } from 'vitest';
import { catchHandlerSettings, firstMatchingHandler, handlerMatches, retryDelayMs } from './handler.js';

describe('catchHandlerSettings', () => {
  it.each([
    [undefined, { errorTypes: ['ANY'], retries: 0, retryIntervalMs: 1000, backoff: 'fixed' }],
    [{ errorTypes: ['HTTP'], retries: 3, retryIntervalMs: 0, backoff: 'exponential' }, undefined],
  ])('applies defaults to %j', (config, expected) => {
    expect(catchHandlerSettings(config)).toEqual(expected ?? config);
  });

  it.each<[string, unknown, string]>([
    ['a config that is a string', 'x', 'catch config must be an object, got a string'],
    ['no error types', { errorTypes: [] }, 'errorTypes must be a non-empty list of error types, got an'],
    ['an error type that is a number', { errorTypes: [1] }, 'errorTypes[0] must be a string'],
    ['too many retries', { retries: 11 }, 'retries must be an integer from 0 to 10, got 11'],
    ['a negative interval', { retryIntervalMs: -1 }, 'retryIntervalMs must be an integer from 0 to 300000'],
    ['an unknown backoff', { backoff: 'linear' }, 'backoff must be one of fixed, exponential, got "linear"'],
  ])('rejects %s', (_, config, message) => {
    expect(() => catchHandlerSettings(config)).toThrow(message);
  });
});

describe('handler matching', () => {
  const http = catchHandlerSettings({ errorTypes: ['HTTP:TIMEOUT', 'EXPRESSION'] });
  const any = catchHandlerSettings({});

  it.each([
    ['HTTP:TIMEOUT', true],
    ['HTTP:STATUS', false],
    ['EXPRESSION', true],
    ['EXPRESSION:TIMEOUT', true],
    ['CUSTOM:HTTP', false],
  ])('a handler for HTTP:TIMEOUT and EXPRESSION matches %s: %s', (type, matches) => {
    expect(handlerMatches(http, type)).toBe(matches);
  });

  it('picks the first matching handler, or none', () => {
    expect(firstMatchingHandler([http, any], 'HTTP:TIMEOUT')).toBe(0);
    expect(firstMatchingHandler([http, any], 'CUSTOM:X')).toBe(1);
    expect(firstMatchingHandler([http], 'CUSTOM:X')).toBe(-1);
  });
});

describe('retryDelayMs', () => {
  it('waits the interval each time with fixed backoff', () => {
    const fixed = catchHandlerSettings({ retries: 3, retryIntervalMs: 500 });
    expect([1, 2, 3].map((retry) => retryDelayMs(fixed, retry))).toEqual([500, 500, 500]);
  });

  it('doubles the interval with exponential backoff, capped at 5 minutes', () => {
    const exponential = catchHandlerSettings({ retries: 10, retryIntervalMs: 1000, backoff: 'exponential' });
    expect([1, 2, 3, 4].map((retry) => retryDelayMs(exponential, retry))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(exponential, 10)).toBe(300_000);
  });
});
