/**
 * @module `flowbus test [paths]`: runs flow test files and reports like a test runner.
 */
import { dirname, relative, resolve } from 'node:path';
import { flowTestKind } from '../files/kinds.js';
import { runFlowTestFile } from '../flow-tests/index.js';
import { findFiles } from '../json/files.js';
import { loadFlowCatalog, type FlowCatalog } from '../runtime/catalog.js';
import type { Command } from './io.js';

export const testCommand: Command = async (args, deps) => {
  const paths = (args.length > 0 ? args : ['flows']).map((path) => resolve(deps.cwd, path));
  const files = await findFiles(paths, [flowTestKind.suffix]);
  if (files.length === 0) {
    deps.err(`no *.test.json files under ${args.join(' ') || 'flows'}`);
    return 1;
  }
  const catalogs = new Map<string, FlowCatalog>();
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    const folder = dirname(file);
    if (!catalogs.has(folder)) catalogs.set(folder, await loadFlowCatalog([folder], deps.registry));
    const result = await runFlowTestFile(file, catalogs.get(folder)!);
    deps.out(relative(deps.cwd, file));
    for (const problem of result.problems) {
      deps.out(`  ✗ ${problem}`);
      failed += 1;
    }
    for (const testCase of result.cases) {
      deps.out(`  ${testCase.passed ? '✓' : '✗'} ${testCase.name} (${testCase.durationMs} ms)`);
      for (const failure of testCase.failures) deps.out(`      ${failure}`);
      if (testCase.passed) passed += 1;
      else failed += 1;
    }
  }
  deps.out(`\n${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
};
