/**
 * @module Tests of the bound on how deeply an expression's result may nest: the writers and the redaction
 * that get the result walk it recursively, so a deeper one is an `EXPRESSION:LIMIT` error instead.
 */
import { describe, expect, it } from 'vitest';
import { compileExpression, compileValue } from './index.js';

/** A tail-recursive expression that wraps 1 in `levels` objects. */
const nest = (levels: number) =>
  `($f := function($n, $acc) { $n = 0 ? $acc : $f($n - 1, {'a': $acc}) }; $f(${levels}, 1))`;

describe('the nesting of expression results', () => {
  it('lets a result nest up to 512 levels', async () => {
    const value = await compileExpression(nest(400)).evaluate({ payload: null });
    expect(JSON.stringify(value)).toBe(`${'{"a":'.repeat(400)}1${'}'.repeat(400)}`);
  });

  it.each([
    ['an expression', () => compileExpression(nest(600)), '/a'.repeat(512)],
    ['a value holding one', () => compileValue({ deep: { $expr: nest(600) } }), `/deep${'/a'.repeat(511)}`],
  ])('refuses a deeper result of %s with EXPRESSION:LIMIT', async (_what, compile, pointer) => {
    const failed = (thrown: unknown) => thrown as { type: string; message: string };
    const error = await compile()
      .evaluate({ payload: null })
      .then(() => undefined, failed);
    expect(error).toMatchObject({ type: 'EXPRESSION:LIMIT', details: { limit: 512, pointer } });
    expect(error?.message).toBe("the expression's result nests deeper than 512 levels of objects and lists");
  });
});
