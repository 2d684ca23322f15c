/**
 * @module Benchmark of compiled JSONata against the interpreter, measured in one run, interleaved: per group
 * of the reference suite (its compiled cases, evaluated bare), and on the example flows' expressions (each
 * evaluated as flowbus does, against the messages the flows' steps see in their tests).
 * Run: `node --import tsx bench/expressions.ts` (BENCH_SECONDS, default 5, per workload).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import jsonata from 'jsonata';
import { createAppRegistry } from '../app/registry.js';
import { findFiles } from '../engine/json/files.js';
import { createRegistry } from '../engine/core/registry.js';
import { parseJsonata } from '../engine/expressions/compile.js';
import { parseCached } from '../engine/expressions/parse-cache.js';
import type { AstNode } from '../engine/expressions/compiler/ast.js';
import { accepts } from '../engine/expressions/compiler/index.js';
import { toPlain } from '../engine/expressions/plain.js';
import { createRun } from '../engine/expressions/run.js';
import { scanTemplate } from '../engine/expressions/template-scan.js';
import { isExpressionValue } from '../engine/expressions/value.js';
import { runFlowTestFile } from '../engine/flow-tests/index.js';
import { loadFlowCatalog } from '../engine/runtime/catalog.js';
import { inputOf, loadSuite, prepareCase, runCompiled, SUITE_AVAILABLE } from '../test/conformance/jsonata-suite.js';

/** One evaluation measured both ways. */
interface Pair {
  interpreted: () => Promise<unknown>;
  compiled: () => unknown;
}

const seconds = Number(process.env.BENCH_SECONDS ?? 5);

/** Evaluations per timed pass of a group, so that a pass is long enough to time on a busy machine. */
const PASS_EVALUATIONS = 200;

async function timePass(pairs: Pair[], side: keyof Pair, repeat: number): Promise<number> {
  const started = process.hrtime.bigint();
  for (let round = 0; round < repeat; round++) for (const pair of pairs) await pair[side]();
  return Number(process.hrtime.bigint() - started) / (repeat * pairs.length);
}


/**
 * Times each group's pairs both ways in alternating passes, round after round until `seconds` pass (at least
 * three rounds); the figure per group is the fastest interpreted pass over the fastest compiled pass: on a
 * shared machine a pass can only be slowed down (other processes, a collection of the other side's garbage).
 */
async function measure(groups: Map<string, Pair[]>): Promise<Map<string, { ratio: number; compiledNs: number }>> {
  const samples = new Map([...groups.keys()].map((name) => [name, { interpreted: [] as number[], compiled: [] as number[] }]));
  const deadline = Date.now() + seconds * 1000;
  for (let round = 0; round < 3 || Date.now() < deadline; round++) {
    for (const [name, pairs] of groups) {
      const repeat = Math.max(1, Math.ceil(PASS_EVALUATIONS / pairs.length));
      samples.get(name)!.interpreted.push(await timePass(pairs, 'interpreted', repeat));
      samples.get(name)!.compiled.push(await timePass(pairs, 'compiled', repeat));
    }
  }
  return new Map([...samples].map(([name, times]) => {
    const compiledNs = Math.min(...times.compiled);
    return [name, { ratio: Math.min(...times.interpreted) / compiledNs, compiledNs }];
  }));
}

/** The suite's compiled cases that give a value and leave their input unchanged, by group. */
function suiteWorkload(): Map<string, Pair[]> {
  const groups = new Map<string, Pair[]>();
  for (const testCase of loadSuite()) {
    const prepared = prepareCase(testCase);
    if (!prepared.compiled || testCase.timelimit !== undefined || !('value' in runCompiled(prepared))) continue;
    const input = inputOf(testCase);
    const before = JSON.stringify(input);
    const expression = jsonata(testCase.expr);
    const { compiled } = prepared;
    const pair: Pair = {
      interpreted: () => expression.evaluate(input, testCase.bindings),
      compiled: () => compiled.evaluate(input, testCase.bindings),
    };
    pair.compiled();
    if (JSON.stringify(input) !== before) continue;
    groups.set(testCase.group, [...(groups.get(testCase.group) ?? []), pair]);
  }
  return groups;
}

/** Every JSONata text in a flow document: `$expr` values and the holes of `$template` values. */
function flowExpressions(value: unknown, into: string[] = []): string[] {
  if (isExpressionValue(value)) {
    if ('$expr' in value) into.push(value.$expr);
    else for (const part of scanTemplate(value.$template).parts) if (part.kind === 'hole') into.push(part.source);
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) flowExpressions(item, into);
  }
  return into;
}

/** Each flow's expressions against the messages its steps receive in its tests, as flowbus evaluates them. */
async function flowWorkload(): Promise<{ pairs: Pair[]; expressions: number; compiled: number }> {
  const flowsDir = fileURLToPath(new URL('../flows/', import.meta.url));
  const seen = new Map<string, unknown[]>();
  let current = '';
  // A registry whose steps record the message they are given, so the messages are the flows' real ones.
  const recording = createRegistry(createAppRegistry().list().map((definition) => {
    const { execute } = definition;
    if (!execute) return definition;
    return {
      ...definition,
      execute: (context: Parameters<typeof execute>[0]) => {
        seen.get(current)!.push(structuredClone(context.message));
        return execute(context);
      },
    };
  }));
  const catalog = await loadFlowCatalog([flowsDir], recording);
  for (const file of await findFiles([flowsDir], ['.test.json'])) {
    current = file.replace(/\.test\.json$/, '.flow.json');
    seen.set(current, []);
    await runFlowTestFile(file, catalog);
  }
  const pairs: Pair[] = [];
  let expressions = 0;
  let compiled = 0;
  for (const file of catalog.files.values()) {
    const document = JSON.parse(await readFile(file, 'utf8')) as unknown;
    for (const source of flowExpressions(document)) {
      expressions++;
      const program = parseJsonata(source);
      if ('problems' in program) continue;
      // The interpreter as flowbus runs an expression the compiler does not take: hooks, bindings, plain copy.
      const parsed = parseCached(source);
      if ('thrown' in parsed) continue;
      const { expression } = parsed;
      if (accepts(expression.ast() as AstNode)) compiled++;
      for (const message of seen.get(file) ?? []) {
        const settle = (work: () => Promise<unknown>): Promise<unknown> => work().catch((error: unknown) => error);
        pairs.push({
          interpreted: () => settle(async () => {
            const run = createRun(undefined);
            return toPlain(await expression.evaluate(message, run.bindings));
          }),
          compiled: () => settle(async () => program.program.evaluateInRun(message, createRun(undefined))),
        });
      }
    }
  }
  return { pairs, expressions, compiled };
}

console.log(`compiled vs interpreted JSONata, ${seconds} s per workload, interleaved (node ${process.version})`);
if (SUITE_AVAILABLE) {
  const groups = suiteWorkload();
  const results = await measure(groups);
  console.log('\nreference suite, compiled cases evaluated bare (interpreted time / compiled time per evaluation):');
  for (const [name, { ratio }] of results) {
    console.log(`  ${name.padEnd(30)} ${String(groups.get(name)!.length).padStart(4)} cases  ${ratio.toFixed(1).padStart(7)}×`);
  }
  const all = await measure(new Map([['all', [...groups.values()].flat()]]));
  console.log(`  ${'all compiled cases'.padEnd(30)} ${String([...groups.values()].flat().length).padStart(4)} cases  ${all.get('all')!.ratio.toFixed(1).padStart(7)}×`);
} else {
  console.log('\nreference suite: ../shared/acceptance/jsonata-suite is absent, skipped');
}
const flows = await flowWorkload();
const flowResult = (await measure(new Map([['flows', flows.pairs]]))).get('flows')!;
console.log(
  `\nexample flows: ${flows.expressions} expressions, ${flows.compiled} compiled; ${flows.pairs.length} evaluations ` +
    `(each against a message its flow's steps see), as flowbus evaluates them: ${flowResult.ratio.toFixed(1)}× ` +
    `(${(flowResult.compiledNs / 1000).toFixed(2)} µs per evaluation compiled)`,
);
