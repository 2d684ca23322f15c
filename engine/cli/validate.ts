/**
 * @module `flowbus validate [paths] [--env NAME]`: every problem of every flow, flow test, rule, bus, source and
 * environment file, as `file:pointer: message`, then the flows' warnings (which never fail it); with `--env`, what
 * the flows use that the environment lacks.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatIssue, type ValidationIssue } from '../core/issues.js';
import { flowIdFromPath } from '../flow/document.js';
import { findFlowFiles, loadFlowFile } from '../flow/load.js';
import { findFlowWarnings } from '../flow/warnings.js';
import { parseFlowTestText } from '../flow-tests/index.js';
import { findRuleAndBusFiles, validateRuleAndBusFiles } from './bus-files.js';
import { checkEnvironment, validateEnvironmentFiles } from './environment-files.js';
import { findFilesEndingWith } from './files.js';
import { findSourceFiles, validateSourceFiles } from './source-files.js';
import type { Command } from './io.js';

export const validateCommand: Command = async (argv, deps) => {
  const { values, positionals: args } = parseArgs({ args: argv, options: { env: { type: 'string' } }, allowPositionals: true });
  const paths = (args.length > 0 ? args : ['flows']).map((path) => resolve(deps.cwd, path));
  const flowFiles = await findFlowFiles(paths);
  const testFiles = await findFilesEndingWith(paths, '.test.json');
  const busFiles = await findRuleAndBusFiles(paths);
  const sourceFiles = await findSourceFiles(paths);
  const knownFlows = new Set(flowFiles.map(flowIdFromPath));
  const issues: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  const flows = [];
  for (const file of flowFiles) {
    const loaded = await loadFlowFile(file, deps.registry, { knownFlows });
    issues.push(...loaded.issues);
    if (loaded.document) warnings.push(...findFlowWarnings(loaded.document, deps.registry, { file }));
    if (loaded.json !== undefined) flows.push({ file, document: loaded.json });
  }
  for (const file of testFiles) {
    issues.push(...parseFlowTestText(await readFile(file, 'utf8'), file).issues);
  }
  issues.push(...(await validateRuleAndBusFiles(busFiles, deps.targetTypes)));
  issues.push(...(await validateSourceFiles(sourceFiles, busFiles, deps)));
  const environments = await validateEnvironmentFiles(paths, deps);
  issues.push(...environments.issues);
  if (values.env) issues.push(...(await checkEnvironment(values.env, paths, flows, busFiles, deps, environments.files)));
  const shown = [...issues, ...warnings].map((issue) => ({ ...issue, file: issue.file && relative(deps.cwd, issue.file) }));
  for (const issue of shown) deps.err(formatIssue(issue));
  // Warnings are shown but never fail the command: the flows load and run as they are.
  const warned = warnings.length > 0 ? `; ${warnings.length} warning(s)` : '';
  const count = flowFiles.length + testFiles.length + busFiles.length + sourceFiles.length + environments.files.length;
  if (count === 0) {
    deps.err(`no flow, flow test, rule, bus, source or environment files under ${args.join(' ') || 'flows'}`);
    return 1;
  }
  if (issues.length > 0) {
    const filesWithIssues = new Set(issues.map((issue) => issue.file)).size;
    deps.err(`${issues.length} problem(s) in ${filesWithIssues} of ${count} file(s)${warned}`);
    return 1;
  }
  deps.out(`${count} file(s) valid${warned}`);
  return 0;
};
