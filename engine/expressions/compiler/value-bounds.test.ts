/**
 * @module Tests that the compiled path honours the value-size bound (`limits.valueBytes`) exactly as the
 * interpreter does: it never returns a value where the interpreter stops, and hands such evaluations over.
 */
import { describe, expect, it } from 'vitest';
import { FlowbusError } from '../../core/errors.js';
import { compileExpression } from '../index.js';
import { parseCached } from '../parse-cache.js';
import { createRun } from '../run.js';
import type { AstNode } from './ast.js';
import { compileAst, FALLBACK, type CompiledJsonata } from './index.js';

const message = {
  payload: { text: 'abcdefghij', items: ['a', 'b', 'c', 'd', 'e', 'f'], n: 40, deep: { list: [1, 2, 3, 4] } },
  attributes: {},
  vars: {},
};

function compiled(source: string): CompiledJsonata {
  const parsed = parseCached(source);
  if ('thrown' in parsed) throw new Error('syntax');
  const compilation = compileAst(parsed.expression.ast() as AstNode);
  if (!('compiled' in compilation)) throw new Error(compilation.reason);
  return compilation.compiled;
}

/** What the interpreter alone gives under `valueBytes`: a value, or the fact that it stopped. */
async function interpreted(
  source: string,
  valueBytes: number,
): Promise<{ value: unknown } | { stopped: true }> {
  const parsed = parseCached(source);
  if ('thrown' in parsed) throw new Error('syntax');
  const run = createRun({ limits: { valueBytes } });
  return parsed.expression.evaluate(message, run.bindings).then(
    (value) => ({ value }),
    () => ({ stopped: true as const }),
  );
}

function compiledOutcome(source: string, valueBytes: number): { value: unknown } | { handedOver: true } {
  const run = createRun({ limits: { valueBytes } });
  try {
    return { value: compiled(source).evaluate(message, run.bindings, run) };
  } catch (thrown) {
    // As withCompiledPath does: anything the compiled code throws goes to the interpreter.
    const reason = thrown === FALLBACK ? 'fallback' : (thrown as Error).message;
    expect(['fallback', 'expression bound exceeded: value']).toContain(reason);
    return { handedOver: true };
  }
}

describe('compiled path under the value bound', () => {
  it.each([
    'payload.text & payload.text & payload.text',
    '$pad(payload.text, payload.n, "-")',
    '$join(payload.items, "--")',
    '$append(payload.items, payload.items)',
    '[1..payload.n]',
    '[1..20].$string($)',
    'payload.deep.list',
    '$count(payload.items.($ & $ & $ & $))',
    '$length($pad("", payload.n * 3))',
    '{"a": payload.items, "b": payload.text}',
    '$map(payload.items, function($i) { $i & $i & $i })',
    '$string(payload)',
  ])('never returns a value where the interpreter stops on the bound: %s', async (source) => {
    let compiledSomewhere = false;
    for (let valueBytes = 1; valueBytes <= 400; valueBytes += valueBytes < 40 ? 1 : 7) {
      const reference = await interpreted(source, valueBytes);
      const outcome = compiledOutcome(source, valueBytes);
      if ('stopped' in reference) {
        expect({ valueBytes, outcome }).toEqual({ valueBytes, outcome: { handedOver: true } });
      }
      else if ('value' in outcome) expect(outcome.value).toEqual(reference.value);
      if ('value' in outcome) compiledSomewhere = true;
    }
    // The compiled code runs under a bound the values fit in (no hand-over for every evaluation).
    expect(compiledSomewhere).toBe(true);
  });

  it('reports EXPRESSION:LIMIT (from the interpreter) for a value the compiled path hands over', async () => {
    const expression = compileExpression('$pad(payload.text, 5000, "-")');
    const error = await expression.evaluate(message, { limits: { valueBytes: 1000 } }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(FlowbusError);
    expect((error as FlowbusError).type).toBe('EXPRESSION:LIMIT');
  });
});
