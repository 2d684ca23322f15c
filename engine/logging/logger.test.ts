import { describe, expect, it } from 'vitest';
import { FlowbusError } from '../core/errors.js';
import { createLogger, errorFields, type LogThreshold } from './logger.js';
import { createRedactor } from './redact.js';

function capture(level?: LogThreshold) {
  const lines: string[] = [];
  const redactor = createRedactor();
  const logger = createLogger({ level, write: (line) => lines.push(line), redactor });
  return { lines, logger, redactor, parsed: () => lines.map((line) => JSON.parse(line)) };
}

describe('createLogger', () => {
  it('writes one JSON object per line with time, level, message and fields', () => {
    const { logger, parsed } = capture();
    logger.info('server listening', { url: 'http://127.0.0.1:1' });
    const [line] = parsed();
    expect(line).toMatchObject({ level: 'info', msg: 'server listening', url: 'http://127.0.0.1:1' });
    expect(new Date(line.time).toISOString()).toBe(line.time);
  });

  it.each([
    ['debug', ['debug', 'info', 'warn', 'error']],
    ['info', ['info', 'warn', 'error']],
    ['warn', ['warn', 'error']],
    ['error', ['error']],
    ['silent', []],
  ] as const)('at level %s writes %j', (level, written) => {
    const { logger, parsed } = capture(level);
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(parsed().map((line) => line.level)).toEqual(written);
    expect(logger.enabled('warn')).toBe(written.includes('warn' as never));
  });

  it('adds child fields to every line, and line fields win', () => {
    const { logger, parsed } = capture();
    logger.child({ flowId: 'echo', step: 'a' }).warn('slow', { step: 'b' });
    expect(parsed()[0]).toMatchObject({ flowId: 'echo', step: 'b', msg: 'slow' });
  });

  it('redacts known secrets, also when JSON escaping changed them', () => {
    const { logger, lines, redactor } = capture();
    redactor.setSecrets(['hunter22', 'pa"ss\\word']);
    logger.info('login with hunter22', { value: 'x-pa"ss\\word-y' });
    expect(lines[0]).not.toContain('hunter22');
    expect(lines[0]).not.toContain('ss\\\\word');
    expect(JSON.parse(lines[0])).toMatchObject({ msg: 'login with [redacted]', value: 'x-[redacted]-y' });
  });

  it('still writes a line when a field cannot be serialized', () => {
    const { logger, parsed } = capture();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    logger.error('broken', { cyclic, big: 1n });
    expect(parsed()[0]).toMatchObject({ msg: 'broken', unserializableFields: true });
  });

  it('serializes errors without the stack of a typed error', () => {
    expect(errorFields(new FlowbusError('HTTP:STATUS', 'bad gateway'))).toEqual({
      errorType: 'HTTP:STATUS',
      error: 'bad gateway',
    });
    expect(errorFields(new TypeError('oops'))).toMatchObject({ errorType: 'TypeError', error: 'oops' });
    expect(errorFields('plain')).toEqual({ error: 'plain' });
  });

  it('cuts a line longer than maxLineBytes, keeping it one JSON object that says so', () => {
    const lines: string[] = [];
    const logger = createLogger({ write: (line) => lines.push(line), maxLineBytes: 1000 });
    logger.warn(`execution failed: ${'x'.repeat(5000)}`, { big: 'y'.repeat(50_000) });
    logger.info('short', { n: 1 });
    expect(lines[0]!.length).toBeLessThanOrEqual(1000);
    const cut = JSON.parse(lines[0]!);
    expect(cut).toMatchObject({ level: 'warn', limit: 'limits.logLineBytes' });
    expect(cut.lineBytes).toBeGreaterThan(55_000);
    expect(cut.msg.startsWith('execution failed: xxx')).toBe(true);
    expect(JSON.parse(lines[1]!)).toMatchObject({ msg: 'short', n: 1 });
  });
});
