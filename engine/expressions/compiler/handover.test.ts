/**
 * @module Tests of the compiled path inside flowbus's evaluation: bounds, hand-over to the interpreter, and
 * errors reported with the interpreter's exact message.
 */
import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { FlowbusError } from '../../core/errors.js';
import { compileExpression } from '../index.js';
import { createRun } from '../run.js';
import type { AstNode } from './ast.js';
import { compileAst, FALLBACK, type CompiledJsonata } from './index.js';

const message = { payload: { a: 'x', n: 3, items: [1, 2, 3] }, attributes: {}, vars: {} };

function compiled(source: string): CompiledJsonata {
  const compilation = compileAst(jsonata(source).ast() as AstNode);
  if (!('compiled' in compilation)) throw new Error(compilation.reason);
  return compilation.compiled;
}

function thrownBy(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  return undefined;
}

async function failure(promise: Promise<unknown>): Promise<FlowbusError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FlowbusError);
    return error as FlowbusError;
  }
  throw new Error('expected the evaluation to fail');
}

describe('compiled path', () => {
  it('hands a range over 1,000 items to the interpreter, which gives the same result', async () => {
    expect(thrownBy(() => compiled('$sum([1..1001])').evaluate(undefined))).toBe(FALLBACK);
    expect(compiled('$sum([1..1000])').evaluate(undefined)).toBe(500500);
    expect(await compileExpression('$sum([1..1001])').evaluate(message)).toBe(501501);
  });

  it('hands work over 10 ms to the interpreter, whose time bound then stops it', async () => {
    const source = '$sum($map([1..1000], function($i) { $sum($map([1..1000], function($j) { $i * $j })) }))';
    expect(thrownBy(() => compiled(source).evaluate(undefined))).toBe(FALLBACK);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const error = await failure(compileExpression(source).evaluate(message, { limits: { timeoutMs: 150 } }));
    clearInterval(timer);
    expect(error.message).toBe('expression exceeded 150 ms');
    expect(ticks).toBeGreaterThan(0);
  });

  it('leaves a depth limit below the expression nesting to the interpreter', async () => {
    const error = await failure(compileExpression('payload.items[$ > 1].($ + 1)').evaluate(message, { limits: { maxDepth: 2 } }));
    expect(error.message).toBe('expression exceeded recursion depth 2');
  });

  it.each([
    '$string($now())',
    'payload.items[$ > 1].($ + 1)',
    '$map(payload.items, function($i) { $i * 2 })',
    'payload ~> $keys()',
    '{"a": [payload.n, -payload.n]}',
    '($x := payload.n; $x > 2 ? "big" : "small")',
    '($f := function($x) { {"v": [$x * 2, -$x]} }; [$f(payload.n), $f(1)])',
    '($f := function($x) { $x + 1 }; payload.items ~> $map($f))',
  ])('never returns a value where the depth bound stops the interpreter: %s', async (source) => {
    // The compiled bound may exceed jsonata's count (a named lambda's body is counted under each call).
    for (let maxDepth = 1; maxDepth <= 20; maxDepth++) {
      const expression = jsonata(source);
      const hook = (_node: unknown, _input: unknown, environment: { base: { depth: number } }): void => {
        if (environment.base.depth > maxDepth) throw new Error('depth');
      };
      expression.assign(Symbol.for('jsonata.__evaluate_entry') as unknown as string, hook);
      const stopped = await expression.evaluate(message).then(() => false, () => true);
      const run = createRun({ limits: { maxDepth } });
      const handedOver = thrownBy(() => compiled(source).evaluate(message, run.bindings, run)) === FALLBACK;
      // Handing over where the interpreter would succeed is safe (the bound is an upper bound); the reverse is not.
      if (stopped) expect({ maxDepth, handedOver }).toEqual({ maxDepth, handedOver: true });
      if (maxDepth === 20) expect(handedOver).toBe(false);
    }
  });

  it('hands an object constructor over when its groups together could pass the depth bound', async () => {
    const source = 'payload.items{$string($): $ + 1}';
    // Three groups evaluate their values concurrently: jsonata's counter reaches 7 where one group needs 3.
    const run = createRun({ limits: { maxDepth: 6 } });
    expect(thrownBy(() => compiled(source).evaluate(message, run.bindings, run))).toBe(FALLBACK);
    const wide = createRun({ limits: { maxDepth: 100 } });
    expect(compiled(source).evaluate(message, wide.bindings, wide)).toEqual({ 1: 2, 2: 3, 3: 4 });
    const error = await failure(compileExpression(source).evaluate(message, { limits: { maxDepth: 6 } }));
    expect(error.message).toBe('expression exceeded recursion depth 6');
  });

  it('calls a caller binding that shadows a built-in, as the interpreter does', async () => {
    const mine = (): string => 'mine';
    expect(await compileExpression('$string(1)').evaluate(message, { bindings: { string: mine } })).toBe('mine');
    expect(await compileExpression('$string(1)').evaluate(message)).toBe('1');
  });

  it('reports an error with the interpreter message and position', async () => {
    const source = 'payload.n + payload.a';
    const error = await failure(compileExpression(source).evaluate(message));
    let original: { message?: string; position?: number } = {};
    try {
      await jsonata(source).evaluate(message);
    } catch (thrown) {
      original = thrown as typeof original;
    }
    expect(error.type).toBe('EXPRESSION:EVALUATION');
    expect(error.details).toMatchObject({ code: 'T2002', position: original.position });
    expect(error.message).toContain(original.message);
  });

  it('stops at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await failure(compileExpression('payload.n + 1').evaluate(message, { signal: controller.signal }));
    expect(error.type).toBe('EXPRESSION:CANCELLED');
  });

  it('reads $env through the evaluation allow-list', async () => {
    process.env.FLOWBUS_VAR_COMPILED_TEST = 'yes';
    process.env.COMPILED_TEST_SECRET = 'no';
    const expression = compileExpression('$env("FLOWBUS_VAR_COMPILED_TEST") & "/" & $string($env("COMPILED_TEST_SECRET"))');
    expect(compileAst(jsonata('$env("x")').ast() as AstNode)).toHaveProperty('compiled');
    expect(await expression.evaluate(message)).toBe('yes/');
  });

  it('returns plain data: no sequence marks survive', async () => {
    const value = (await compileExpression('payload.items[$ > 1]').evaluate(message)) as unknown[];
    expect(value).toEqual([2, 3]);
    expect(Object.keys(value)).toEqual(['0', '1']);
  });
});
