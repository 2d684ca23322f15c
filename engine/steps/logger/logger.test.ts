/**
 * @module Tests of Logger: levels, categories, content as text, and bad values.
 */
import { describe, expect, it } from 'vitest';
import { createStepContext, runStep } from '../testing.js';
import { loggerStep, logText } from './index.js';
import type { LoggerConfig } from './index.js';

const input = { payload: { id: 7 }, attributes: { a: 1 }, vars: { v: 1 } };

describe('logger', () => {
  it('logs at the level and category given and passes the message through', async () => {
    const { context, message } = await runStep(loggerStep, {
      config: { level: 'WARN', category: 'alarms', content: 'disk full' },
      message: input,
    });
    expect(context.logs).toEqual([{ level: 'WARN', category: 'alarms', content: 'disk full' }]);
    expect(message).toEqual(input);
  });

  it.each<[string, LoggerConfig, string]>([
    ['an object as JSON', { content: { a: [1, 'x'] } }, '{"a":[1,"x"]}'],
    ['a number as JSON', { content: 3.5 }, '3.5'],
    ['null as JSON', { content: null }, 'null'],
    ['nothing selected as an empty line', { content: undefined }, ''],
    ['the payload when content is left out', {}, '{"id":7}'],
  ])('logs %s, at INFO under flow by default', async (_, config, content) => {
    const { context } = await runStep(loggerStep, { config, message: input });
    expect(context.logs).toEqual([{ level: 'INFO', category: 'flow', content }]);
  });

  it('logs a cyclic value as text instead of failing', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(logText(cyclic)).toBe('[object Object]');
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown level', { level: 'TRACE' }, 'level must be one of DEBUG, INFO, WARN, ERROR, got "TRACE"'],
    ['a lower-case level', { level: 'info' }, 'got "info"'],
    ['a category that is a number', { category: 5 }, 'category must be a string, got a number'],
  ])('rejects %s and logs nothing', async (_, config, message) => {
    const context = createStepContext({ config: config as LoggerConfig });
    const run = loggerStep.execute!(context);
    await expect(run).rejects.toMatchObject({
      type: 'VALIDATION',
      message: expect.stringContaining(message),
    });
    expect(context.logs).toEqual([]);
  });
});
