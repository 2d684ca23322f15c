import { describe, expect, it } from 'vitest';
import { FlowbusError } from '../core/errors.js';
import { DEFAULT_LIMITS, compileExpression, compileTemplate, compileValue } from './index.js';
import { resolveLimits } from './bounds.js';

const message = { payload: {}, attributes: {}, vars: {} };
const small = { limits: { timeoutMs: 200, maxDepth: 200 } };

const TAIL_RECURSION = '($f := function($n){ $f($n+1) }; $f(0))';
const DEEP_RECURSION = '($f := function($n){ $n > 1e15 ? 0 : $f($n + 1) + 1 }; $f(0))';
const LONG_WORK = '$sum([1..1000000].($ * 2))';
/** Recursion 40 calls deep: needs a nesting depth of more than 100 and less than 200. */
const COUNTDOWN = '($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(40))';

interface Settled {
  value?: unknown;
  error?: FlowbusError;
  ms: number;
}

async function settle(promise: Promise<unknown>): Promise<Settled> {
  const started = Date.now();
  try {
    return { value: await promise, ms: Date.now() - started };
  } catch (error) {
    expect(error).toBeInstanceOf(FlowbusError);
    return { error: error as FlowbusError, ms: Date.now() - started };
  }
}

describe('bounds', () => {
  it('defaults to 5000 ms, a depth of 500 and values of 10 MB', () => {
    expect(DEFAULT_LIMITS).toEqual({ timeoutMs: 5000, maxDepth: 500, valueBytes: 10 * 1024 * 1024 });
  });

  it.each([
    [undefined, DEFAULT_LIMITS],
    [{ timeoutMs: 50 }, { ...DEFAULT_LIMITS, timeoutMs: 50 }],
    [{ valueBytes: 64 }, { ...DEFAULT_LIMITS, valueBytes: 64 }],
    [{ timeoutMs: 0, maxDepth: -1 }, DEFAULT_LIMITS],
    [{ timeoutMs: Number.NaN, maxDepth: '9' as unknown as number }, DEFAULT_LIMITS],
  ])('resolves limits %j to %j', (limits, expected) => {
    expect(resolveLimits(limits)).toEqual(expected);
  });

  it('stops a tail-recursive runaway on the time bound', async () => {
    const { error, ms } = await settle(compileExpression(TAIL_RECURSION).evaluate(message, small));
    expect(error?.type).toBe('EXPRESSION:TIMEOUT');
    expect(error?.message).toBe('expression exceeded 200 ms');
    expect(error?.details).toMatchObject({ source: TAIL_RECURSION, bound: 'time', timeoutMs: 200 });
    expect(ms).toBeLessThan(2000);
  });

  it('stops a non-tail runaway on the depth bound', async () => {
    const { error, ms } = await settle(compileExpression(DEEP_RECURSION).evaluate(message, small));
    expect(error?.type).toBe('EXPRESSION:TIMEOUT');
    expect(error?.message).toBe('expression exceeded recursion depth 200');
    expect(error?.details).toMatchObject({ bound: 'depth', maxDepth: 200 });
    expect(ms).toBeLessThan(2000);
  });

  it('stops the non-tail runaway on the time bound when the depth bound is out of reach', async () => {
    const limits = { timeoutMs: 300, maxDepth: 1e9 };
    const { error, ms } = await settle(compileExpression(DEEP_RECURSION).evaluate(message, { limits }));
    expect(error?.message).toBe('expression exceeded 300 ms');
    expect(ms).toBeLessThan(2000);
  });

  it('stops long work over a huge range within a few times the bound', async () => {
    const { error, ms } = await settle(compileExpression(LONG_WORK).evaluate(message, small));
    expect(error?.message).toBe('expression exceeded 200 ms');
    expect(ms).toBeLessThan(2000);
  });

  it('applies one budget to a whole template and to a whole compiled value', async () => {
    const template = await settle(compileTemplate(`a {{ ${TAIL_RECURSION} }} b`).evaluate(message, small));
    expect(template.error?.message).toBe('expression exceeded 200 ms');
    const value = compileValue({ first: { $expr: '$sum([1..20000])' }, loop: { $expr: TAIL_RECURSION } });
    const result = await settle(value.evaluate(message, small));
    expect(result.error?.type).toBe('EXPRESSION:TIMEOUT');
    expect(result.error?.details?.source).toBe(TAIL_RECURSION);
  });

  it('lets slow but legitimate work finish, and keeps timers running meanwhile', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const limits = { timeoutMs: 10_000 };
    const slow = compileExpression('$sum([1..30000].($ * 2))');
    const { value } = await settle(slow.evaluate(message, { limits }));
    clearInterval(timer);
    expect(value).toBe(30000 * 30001);
    // The evaluation yields to the event loop about every 10 ms, so a timer fires during a long evaluation.
    expect(ticks).toBeGreaterThan(0);
  });

  it('keeps the process responsive while a runaway runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    await settle(compileExpression(TAIL_RECURSION).evaluate(message, { limits: { timeoutMs: 300 } }));
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(5);
  });

  it('counts time and depth per evaluation, never shared between concurrent ones', async () => {
    const slow = compileExpression('$sum([1..50000].($ * 2))');
    const [short, long] = await Promise.all([
      settle(slow.evaluate(message, { limits: { timeoutMs: 50 } })),
      settle(slow.evaluate(message, { limits: { timeoutMs: 20_000 } })),
    ]);
    expect(short.error?.message).toBe('expression exceeded 50 ms');
    expect(long.value).toBe(50000 * 50001);

    const countdown = compileExpression(COUNTDOWN);
    const [shallow, deep] = await Promise.all([
      settle(countdown.evaluate(message, { limits: { maxDepth: 100 } })),
      settle(countdown.evaluate(message, { limits: { maxDepth: 1000 } })),
    ]);
    expect(shallow.error?.message).toBe('expression exceeded recursion depth 100');
    expect(deep.value).toBe(40);

    // Five interleaved runs each fit the bound; a shared counter would add their depths up and fail.
    const runs = await Promise.all(
      Array.from({ length: 5 }, () => settle(countdown.evaluate(message, { limits: { maxDepth: 200 } }))),
    );
    expect(runs.map((run) => run.value)).toEqual([40, 40, 40, 40, 40]);
  });

  describe('cancellation', () => {
    it('does not start when the signal is already aborted', async () => {
      let called = false;
      const bindings = {
        spy: () => {
          called = true;
        },
      };
      const { error } = await settle(
        compileExpression('$spy()').evaluate(message, { bindings, signal: AbortSignal.abort() }),
      );
      expect(error?.type).toBe('EXPRESSION:CANCELLED');
      expect(called).toBe(false);
    });

    it('stops a running evaluation when the signal is aborted', async () => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const pending = compileExpression(TAIL_RECURSION).evaluate(message, {
        signal: controller.signal,
        limits: { timeoutMs: 10_000 },
      });
      const { error, ms } = await settle(pending);
      expect(error?.type).toBe('EXPRESSION:CANCELLED');
      expect(error?.message).toBe('expression evaluation was cancelled');
      expect(ms).toBeLessThan(1000);
    });

    it('stops an evaluation waiting on a binding that never answers', async () => {
      const controller = new AbortController();
      const bindings = { wait: () => new Promise(() => {}) };
      setTimeout(() => controller.abort(), 20);
      const pending = compileExpression('$wait()').evaluate(message, { bindings, signal: controller.signal });
      const { error } = await settle(pending);
      expect(error?.type).toBe('EXPRESSION:CANCELLED');
    });

    it('cancels a template and a compiled value too', async () => {
      const signal = AbortSignal.abort();
      const template = await settle(compileTemplate('{{ 1 }}').evaluate(message, { signal }));
      expect(template.error?.type).toBe('EXPRESSION:CANCELLED');
      const value = await settle(compileValue([{ $expr: '1' }]).evaluate(message, { signal }));
      expect(value.error?.type).toBe('EXPRESSION:CANCELLED');
    });
  });
});
