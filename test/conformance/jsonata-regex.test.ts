/**
 * @module The regex cases of the JSONata reference suite, run through flowbus's expression compiler (and so
 * on RE2), when the `shared` folder sits beside the repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { FlowbusError } from '../../engine/core/errors.js';
import { compileExpression } from '../../engine/expressions/index.js';

const suite = fileURLToPath(new URL('../../../shared/acceptance/jsonata-suite/', import.meta.url));
const available = existsSync(`${suite}groups`);

/** The groups about regexes and the functions that take them; other groups contribute their regex cases. */
const REGEX_GROUPS = ['regex', 'matchers', 'function-contains', 'function-replace', 'function-split'];

/**
 * Cases RE2 cannot do, each asserted to fail with EXPRESSION:UNSUPPORTED_REGEX so this list cannot go stale.
 * The suite has none at jsonata 2.2.2: no case uses lookaround or a backreference.
 */
const EXCEPTIONS: Record<string, string> = {};

interface SuiteCase {
  id: string;
  expr: string;
  data: unknown;
  bindings: Record<string, unknown>;
  expected: { result: unknown } | { undefinedResult: true } | { code: string };
}

function readJson(path: string): any {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function hasRegexLiteral(expr: string): boolean {
  let ast: unknown;
  try {
    ast = jsonata(expr).ast();
  } catch {
    return false;
  }
  const seen = new Set<object>();
  const visit = (node: unknown): boolean => {
    if (node instanceof RegExp) return true;
    if (typeof node !== 'object' || node === null || seen.has(node)) return false;
    seen.add(node);
    return Object.values(node).some(visit);
  };
  return visit(ast);
}

function toCase(id: string, folder: string, raw: any): SuiteCase {
  const expr: string = raw.expr ?? readFileSync(`${folder}/${raw['expr-file']}`, 'utf8');
  let data: unknown;
  if ('data' in raw) data = raw.data;
  else if (raw.dataset) data = readJson(`${suite}datasets/${raw.dataset}.json`);
  let expected: SuiteCase['expected'] = { result: raw.result };
  if ('code' in raw) expected = { code: raw.code };
  else if (raw.undefinedResult) expected = { undefinedResult: true };
  return { id, expr, data, bindings: raw.bindings ?? {}, expected };
}

function loadCases(): SuiteCase[] {
  if (!available) return [];
  const cases: SuiteCase[] = [];
  for (const group of readdirSync(`${suite}groups`).sort()) {
    const folder = `${suite}groups/${group}`;
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.json')).sort()) {
      const content = readJson(`${folder}/${file}`);
      const list: any[] = Array.isArray(content) ? content : [content];
      list.forEach((raw, index) => {
        const id = `${group}/${file.replace('.json', '')}${list.length > 1 ? `[${index}]` : ''}`;
        const suiteCase = toCase(id, folder, raw);
        if (REGEX_GROUPS.includes(group) || hasRegexLiteral(suiteCase.expr)) cases.push(suiteCase);
      });
    }
  }
  return cases;
}

async function outcome(suiteCase: SuiteCase): Promise<{ value: unknown } | { error: FlowbusError }> {
  try {
    const expression = compileExpression(suiteCase.expr);
    return { value: await expression.evaluate(suiteCase.data, { bindings: suiteCase.bindings }) };
  } catch (error) {
    if (!(error instanceof FlowbusError)) throw error;
    return { error };
  }
}

const cases = loadCases();

describe.skipIf(!available)('JSONata reference suite, regex cases (shared/acceptance/jsonata-suite)', () => {
  it('finds the regex cases', () => {
    expect(cases.length).toBeGreaterThan(80);
    expect(cases.filter((suiteCase) => hasRegexLiteral(suiteCase.expr)).length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases.map((suiteCase) => [suiteCase.id, suiteCase] as const))('%s', async (_id, suiteCase) => {
    const got = await outcome(suiteCase);
    if (suiteCase.id in EXCEPTIONS) {
      expect('error' in got && got.error.type).toBe('EXPRESSION:UNSUPPORTED_REGEX');
      return;
    }
    const { expected } = suiteCase;
    if ('code' in expected) {
      expect('error' in got ? got.error.details?.code : got).toBe(expected.code);
    } else if ('error' in got) {
      throw got.error;
    } else if ('undefinedResult' in expected) {
      expect(got.value).toBeUndefined();
    } else {
      expect(got.value).toEqual(expected.result);
    }
  });
});
