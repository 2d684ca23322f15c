// The whole test suite: typecheck, then every vitest test; ends with one plain line
// `N passed, N failed` and a non-zero exit code when anything failed.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDependencies } from './ensure-deps.mjs';

ensureDependencies();

const extraArgs = process.argv.slice(2);
let passed = 0;
let failed = 0;

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  return result.status ?? 1;
}

const typecheckStatus = run('npx', ['tsc', '--noEmit']);
if (typecheckStatus === 0) passed += 1;
else {
  failed += 1;
  console.error('typecheck failed');
}

const reportDir = mkdtempSync(join(tmpdir(), 'flowbus-test-'));
const reportFile = join(reportDir, 'vitest.json');
const vitestStatus = run('npx', [
  'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`,
  ...extraArgs,
]);
try {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A suite that fails to load has no tests counted as failed; count it so the total cannot hide it.
  const brokenSuites = report.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.length === 0);
  failed += brokenSuites.length;
  if (report.numTotalTests === 0) failed += 1;
} catch (error) {
  console.error(`could not read the vitest report: ${error.message}`);
  failed += 1;
}
rmSync(reportDir, { recursive: true, force: true });
if (vitestStatus !== 0 && failed === 0) failed += 1;

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
