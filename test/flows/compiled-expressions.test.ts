/**
 * @module Differential test of the expression compiler on the project's own flows: runs every flow test
 * under flows/, records each expression evaluation the flows make, and replays each one through the
 * compiled path and through the interpreter, which must agree.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { EvaluationRun } from '../../engine/expressions/bounds.js';
import type { AstNode } from '../../engine/expressions/compiler/ast.js';
import { difference } from '../conformance/jsonata-compare.js';

interface Recorded {
  ast: AstNode;
  interpret: (input: unknown, run: EvaluationRun) => Promise<unknown>;
  toResult: (value: unknown) => unknown;
  evaluations: Array<{ input: unknown; bindings: Record<string, unknown> }>;
}

const recorded: Recorded[] = vi.hoisted(() => []);

vi.mock('../../engine/expressions/compiler/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../engine/expressions/compiler/index.js')>();
  return {
    ...original,
    withCompiledPath: (ast: AstNode, interpret: Recorded['interpret'], toResult: Recorded['toResult']) => {
      const entry: Recorded = { ast, interpret, toResult, evaluations: [] };
      recorded.push(entry);
      const evaluate = original.withCompiledPath(ast, interpret, toResult);
      return (input: unknown, run: EvaluationRun) => {
        entry.evaluations.push({ input: structuredClone(input), bindings: { ...run.bindings } });
        return evaluate(input, run);
      };
    },
  };
});

const { createAppRegistry } = await import('../../app/registry.js');
const { findFiles } = await import('../../engine/json/files.js');
const { runFlowTestFile } = await import('../../engine/flow-tests/index.js');
const { loadFlowCatalog } = await import('../../engine/runtime/catalog.js');
const { compileAst } = await import('../../engine/expressions/compiler/index.js');
const { createRun } = await import('../../engine/expressions/run.js');

const flowsDir = fileURLToPath(new URL('../../flows/', import.meta.url));
const catalog = await loadFlowCatalog([flowsDir], createAppRegistry());
for (const file of await findFiles([flowsDir], ['.test.json'])) await runFlowTestFile(file, catalog);

type Outcome = { value: unknown } | { error: string };

async function settle(work: () => unknown): Promise<Outcome> {
  try {
    return { value: await work() };
  } catch (error) {
    return { error: String((error as { message?: unknown }).message ?? error) };
  }
}

describe('compiled expressions on the example flows', () => {
  const compiledEntries = recorded.filter((entry) => 'compiled' in compileAst(entry.ast));
  const evaluations = recorded.flatMap((entry) => entry.evaluations.map((evaluation) => ({ entry, ...evaluation })));

  afterAll(() => {
    const distinct = (entries: Recorded[]): number => new Set(entries.map((entry) => JSON.stringify(entry.ast))).size;
    const compiledEvaluations = compiledEntries.reduce((sum, entry) => sum + entry.evaluations.length, 0);
    console.log(
      `flow expressions: ${distinct(recorded)} distinct, ${distinct(compiledEntries)} compiled; ` +
        `${evaluations.length} evaluations recorded, ${compiledEvaluations} of them compiled`,
    );
  });

  it('records the evaluations of the flow tests', () => {
    expect(recorded.length).toBeGreaterThan(40);
    expect(evaluations.length).toBeGreaterThan(100);
  });

  it('compiles nearly every expression of the flows (all but those with a regex)', () => {
    const reasons = recorded.flatMap((entry) => {
      const compilation = compileAst(entry.ast);
      return 'reason' in compilation ? [compilation.reason] : [];
    });
    expect(new Set(reasons)).toEqual(new Set(['regex argument']));
  });

  it('gives, on every recorded evaluation, what the interpreter gives', async () => {
    const mismatches: string[] = [];
    for (const { entry, input, bindings } of evaluations) {
      const compilation = compileAst(entry.ast);
      if (!('compiled' in compilation)) continue;
      const run = createRun({ bindings });
      const compiled = await settle(() => entry.toResult(compilation.compiled.evaluate(structuredClone(input), run.bindings, run)));
      const interpreted = await settle(() => entry.interpret(structuredClone(input), createRun({ bindings })));
      const found = 'value' in compiled && 'value' in interpreted
        ? difference(compiled.value, interpreted.value, true)
        : 'error' in interpreted ? undefined : `compiled ${JSON.stringify(compiled)}`;
      if (found) mismatches.push(`${JSON.stringify(entry.ast).slice(0, 80)}: ${found}`);
    }
    expect(mismatches).toEqual([]);
  });
});
