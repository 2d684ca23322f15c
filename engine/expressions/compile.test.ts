import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FlowbusError } from '../core/errors.js';
import { compileExpression } from './index.js';

const message = {
  payload: { a: 'x', b: 'y', count: 3, items: [{ n: 1 }, { n: 2 }] },
  attributes: { method: 'POST' },
  vars: { region: 'eu' },
};

async function rejection(promise: Promise<unknown>): Promise<FlowbusError> {
  const thrown = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(FlowbusError);
  return thrown as FlowbusError;
}

function thrownBy(action: () => unknown): FlowbusError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(FlowbusError);
    return error as FlowbusError;
  }
  throw new Error('expected a throw');
}

describe('compileExpression', () => {
  it.each([
    ["payload.a & '-' & payload.b", 'x-y'],
    ['payload.count * 2', 6],
    ['attributes.method', 'POST'],
    ['vars.region = "eu"', true],
    ['payload.missing', undefined],
    ['payload.items.n', [1, 2]],
    ['{ "total": $sum(payload.items.n) }', { total: 3 }],
  ])('evaluates %s against the message', async (source, expected) => {
    const expression = compileExpression(source);
    expect(expression.kind).toBe('expr');
    expect(expression.source).toBe(source);
    expect(await expression.evaluate(message)).toEqual(expected);
  });

  it('returns plain arrays, without JSONata sequence marks', async () => {
    const nested = compileExpression('{ "ns": payload.items.n }');
    const result = (await nested.evaluate(message)) as { ns: unknown[] };
    expect(Object.keys(result.ns)).toEqual(['0', '1']);
    const top = (await compileExpression('payload.items.n').evaluate(message)) as unknown[];
    expect(Object.keys(top)).toEqual(['0', '1']);
  });

  it('exposes the error of a Catch handler as `error`', async () => {
    const input = { ...message, error: { type: 'HTTP:STATUS', message: 'answered 502' } };
    expect(await compileExpression('error.type').evaluate(input)).toBe('HTTP:STATUS');
  });

  it('binds context bindings as $name', async () => {
    const expression = compileExpression('$executionId & "/" & $flowId & "/" & $stepId');
    const bindings = { executionId: 'e1', flowId: 'f1', stepId: 's1' };
    expect(await expression.evaluate(message, { bindings })).toBe('e1/f1/s1');
  });

  it('keeps a caller binding from replacing the evaluation state', async () => {
    const bindings = { ' flowbus evaluation': 'not a run' };
    expect(await compileExpression('1 + 1').evaluate(message, { bindings })).toBe(2);
  });

  it('offers $uuid(), a fresh v4 UUID on each call', async () => {
    const result = (await compileExpression('[$uuid(), $uuid()]').evaluate(message)) as string[];
    expect(result[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(result[1]).not.toBe(result[0]);
  });

  it('offers $nowMillis() and keeps JSONata built-ins such as $now() and $fromMillis()', async () => {
    const before = Date.now();
    const [now, iso, formatted] = (await compileExpression('[$nowMillis(), $now(), $fromMillis(0)]').evaluate(
      message,
    )) as [number, string, string];
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(iso)).toBeGreaterThanOrEqual(before - 1000);
    expect(formatted).toBe('1970-01-01T00:00:00.000Z');
  });

  describe('$env', () => {
    beforeAll(() => {
      vi.stubEnv('FLOWBUS_VAR_REGION', 'eu-west');
      vi.stubEnv('FLOWBUS_TEST_SECRET', 'hidden');
    });
    afterAll(() => vi.unstubAllEnvs());
    const expression = compileExpression('[$env("FLOWBUS_VAR_REGION"), $env("FLOWBUS_TEST_SECRET")]');

    it('reads only FLOWBUS_VAR_* names by default', async () => {
      expect(await expression.evaluate(message)).toEqual(['eu-west']);
    });

    it('follows the allow-list of the context', async () => {
      const envAllowList = (name: string) => name === 'FLOWBUS_TEST_SECRET';
      expect(await expression.evaluate(message, { envAllowList })).toEqual(['hidden']);
    });

    it('returns nothing for a variable that is not set', async () => {
      expect(await compileExpression('$env("FLOWBUS_VAR_NOT_SET")').evaluate(message)).toBeUndefined();
    });
  });

  describe('syntax errors', () => {
    it.each([
      ['payload.', 1, 8, 'S0207', 'Unexpected end of expression'],
      ['(1 + ', 1, 5, 'S0203', 'Expected ")" before end of expression'],
      ['(\n  $f(12', 2, 7, 'S0203', 'Expected ")" before end of expression'],
      ['(\n  1 +\n  ]', 3, 3, 'S0211', 'The symbol "]" cannot be used as a unary operator'],
      ['foo bar', 1, 7, 'S0201', 'Syntax error: "bar"'],
      ['"abc', 1, 4, 'S0101', 'String literal must be terminated by a matching quote'],
      ['', 1, 1, 'S0207', 'Unexpected end of expression'],
      ['{ "a": 1', 1, 8, 'S0203', 'Expected "}" before end of expression'],
    ])('%j fails at line %i, column %i', (source, line, column, code, reason) => {
      const error = thrownBy(() => compileExpression(source));
      expect(error.type).toBe('EXPRESSION:SYNTAX');
      expect(error.message).toBe(`expression syntax error at line ${line}, column ${column}: ${reason}`);
      expect(error.details).toMatchObject({ source, line, column, code });
      expect(typeof error.details?.position).toBe('number');
    });

    it('reports an expression nested too deeply for the parser instead of crashing', () => {
      const error = thrownBy(() => compileExpression('('.repeat(100_000) + '1' + ')'.repeat(100_000)));
      expect(error.type).toBe('EXPRESSION:SYNTAX');
      expect(error.message).toContain('nested too deeply');
    });
  });

  describe('evaluation errors', () => {
    it.each([
      ['$error("boom")', 'D3137', 7, 'boom'],
      ['1 + "a"', 'T2002', 3, 'The right side of the "+" operator must evaluate to a number'],
      ['$nofn(1)', 'T1006', 6, 'Attempted to invoke a non-function'],
      ['$string(1, 2, 3)', 'T0410', 8, 'does not match function signature'],
      ['(\n  payload.a + 1\n)', 'T2001', 15, 'The left side of the "+" operator must evaluate to a number'],
    ])('%j fails with EXPRESSION:EVALUATION %s', async (source, code, position, reason) => {
      const error = await rejection(compileExpression(source).evaluate(message));
      expect(error.type).toBe('EXPRESSION:EVALUATION');
      expect(error.message).toContain(reason);
      expect(error.message).toContain(`position ${position}`);
      expect(error.details).toMatchObject({ source, code, position });
    });

    it('gives the line and column of a runtime error in a multi-line expression', async () => {
      const error = await rejection(compileExpression('(\n  payload.a + 1\n)').evaluate(message));
      expect(error.message).toMatch(/^expression evaluation error at position 15 \(line 2, column 13\): /);
      expect(error.details).toMatchObject({ line: 2, column: 13 });
    });

    it('turns anything a binding throws into EXPRESSION:EVALUATION', async () => {
      const bindings = {
        fail: () => Promise.reject(new TypeError('not today')),
        raw: () => {
          throw 'text';
        },
      };
      const typed = await rejection(compileExpression('$fail()').evaluate(message, { bindings }));
      expect(typed.type).toBe('EXPRESSION:EVALUATION');
      expect(typed.message).toContain('not today');
      const raw = await rejection(compileExpression('$raw()').evaluate(message, { bindings }));
      expect(raw.type).toBe('EXPRESSION:EVALUATION');
      expect(raw.message).toContain('text');
    });

    it('lets a FlowbusError thrown by a binding through unchanged', async () => {
      const typed = new FlowbusError('CUSTOM:REJECTED', 'order rejected');
      const bindings = { reject: () => { throw typed; } };
      expect(await rejection(compileExpression('$reject()').evaluate(message, { bindings }))).toBe(typed);
    });

    it('turns a JS stack overflow into EXPRESSION:TIMEOUT with the depth message', async () => {
      const overflow = (): number => overflow() + 1;
      const pending = compileExpression('$overflow()').evaluate(message, { bindings: { overflow } });
      const error = await rejection(pending);
      expect(error.type).toBe('EXPRESSION:TIMEOUT');
      expect(error.message).toBe('expression exceeded recursion depth 500');
    });
  });
});
