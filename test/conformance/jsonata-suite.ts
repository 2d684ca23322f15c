/**
 * @module Reads the JSONata reference suite from the shared folder beside the repository and runs one case
 * through the interpreter and through the compiled path, for the differential test and the benchmark.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsonata from 'jsonata';
import { createRun } from '../../engine/expressions/run.js';
import { compileAst, FALLBACK, type CompiledJsonata } from '../../engine/expressions/compiler/index.js';

/** Where the suite sits: `../shared/acceptance/jsonata-suite` relative to the repository. */
export const SUITE_FOLDER = fileURLToPath(new URL('../../../shared/acceptance/jsonata-suite/', import.meta.url));
export const SUITE_AVAILABLE = existsSync(join(SUITE_FOLDER, 'groups'));

/** One case of the suite, with its group and file name. */
export interface SuiteCase {
  group: string;
  name: string;
  expr: string;
  data?: unknown;
  dataset?: string | null;
  bindings?: Record<string, unknown>;
  timelimit?: number;
  depth?: number;
  result?: unknown;
  undefinedResult?: boolean;
  code?: string;
  error?: { code?: string };
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Every case of every group, in file order; empty when the suite is absent. */
export function loadSuite(): SuiteCase[] {
  if (!SUITE_AVAILABLE) return [];
  const cases: SuiteCase[] = [];
  for (const group of readdirSync(join(SUITE_FOLDER, 'groups')).sort()) {
    const folder = join(SUITE_FOLDER, 'groups', group);
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.json')).sort()) {
      const spec = readJson(join(folder, file)) as SuiteCase | SuiteCase[];
      const items = Array.isArray(spec) ? spec : [spec];
      items.forEach((item, index) => {
        const name = items.length > 1 ? `${file}#${index}` : file;
        const exprFile = (item as { 'expr-file'?: string })['expr-file'];
        const expr = exprFile ? readFileSync(join(folder, exprFile), 'utf8') : item.expr;
        cases.push({ ...item, group, name, expr });
      });
    }
  }
  return cases;
}

const datasets = new Map<string, unknown>();

/** A fresh copy of the case's input (jsonata may change its input: an empty array grouped gains an item). */
export function inputOf(testCase: SuiteCase): unknown {
  if ('data' in testCase) return structuredClone(testCase.data);
  if (testCase.dataset === null || testCase.dataset === undefined) return undefined;
  if (!datasets.has(testCase.dataset)) {
    datasets.set(testCase.dataset, readJson(join(SUITE_FOLDER, 'datasets', `${testCase.dataset}.json`)));
  }
  return structuredClone(datasets.get(testCase.dataset));
}

/** What an evaluation gave: a value, an error code, or (compiled only) a hand-over to the interpreter. */
export type Outcome = { value: unknown } | { code: string } | { fallback: true };

function codeOf(thrown: unknown): { code: string } {
  const code = (thrown as { code?: unknown } | null)?.code;
  return { code: typeof code === 'string' ? code : `thrown: ${String(thrown)}` };
}

/** Installs the suite's own time and depth box (its `timeboxExpression`), which throws U1001. */
function timebox(expression: jsonata.Expression, timeout: number, maxDepth: number): void {
  let depth = 0;
  const started = Date.now();
  const check = (): void => {
    if ((maxDepth > 0 && depth > maxDepth) || Date.now() - started > timeout) throw { code: 'U1001' };
  };
  const entry = (_n: unknown, _i: unknown, env: { isParallelCall?: boolean }): void => {
    if (env.isParallelCall) return;
    depth++;
    check();
  };
  const exit = (_n: unknown, _i: unknown, env: { isParallelCall?: boolean }): void => {
    if (env.isParallelCall) return;
    depth--;
    check();
  };
  expression.assign(Symbol.for('jsonata.__evaluate_entry') as unknown as string, entry);
  expression.assign(Symbol.for('jsonata.__evaluate_exit') as unknown as string, exit);
}

/** A case parsed once: its interpreter expression and, where the compiler accepts it, the compiled one. */
export interface PreparedCase {
  testCase: SuiteCase;
  /** Absent when the expression does not parse (a syntax-error case). */
  expression?: jsonata.Expression;
  syntaxCode?: string;
  compiled?: CompiledJsonata;
  reason?: string;
}

/** Parses a case and compiles it where the compiler accepts it. */
export function prepareCase(testCase: SuiteCase): PreparedCase {
  let expression: jsonata.Expression;
  try {
    expression = jsonata(testCase.expr);
  } catch (thrown) {
    return { testCase, syntaxCode: codeOf(thrown).code, reason: 'syntax error' };
  }
  if (testCase.timelimit !== undefined && testCase.depth !== undefined) {
    timebox(expression, testCase.timelimit, testCase.depth);
  }
  const compilation = compileAst(expression.ast() as never);
  if ('reason' in compilation) return { testCase, expression, reason: compilation.reason };
  return { testCase, expression, compiled: compilation.compiled };
}

/** Evaluates with the interpreter. */
export async function interpret(prepared: PreparedCase): Promise<Outcome> {
  try {
    return { value: await prepared.expression!.evaluate(inputOf(prepared.testCase), prepared.testCase.bindings) };
  } catch (thrown) {
    return codeOf(thrown);
  }
}

/** Evaluates with the compiled path, under the case's time and depth limits when it has them. */
export function runCompiled(prepared: PreparedCase): Outcome {
  const { timelimit, depth, bindings } = prepared.testCase;
  const run = timelimit !== undefined ? createRun({ limits: { timeoutMs: timelimit, maxDepth: depth } }) : undefined;
  try {
    return { value: prepared.compiled!.evaluate(inputOf(prepared.testCase), bindings, run) };
  } catch (thrown) {
    if (thrown === FALLBACK) return { fallback: true };
    return codeOf(thrown);
  }
}

/** What the case file expects. */
export function expectedOutcome(testCase: SuiteCase): Outcome {
  const code = testCase.code ?? testCase.error?.code;
  if (code !== undefined) return { code };
  return { value: testCase.undefinedResult ? undefined : testCase.result };
}
