/**
 * @module `flowbus validate [paths] [--env NAME]`: every problem of every flow, flow test, rule, bus, source and
 * environment file (the kinds of `engine/files/kinds.ts`), as `file:pointer: message`, then the flows' warnings
 * (which never fail it); with `--env`, what the flows use that the environment lacks.
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { builtinTargetTypes, createTargetRegistry } from '../bus/targets/index.js';
import { createUrlCallbackSource } from '../bus/sources/url-callback.js';
import { formatIssue } from '../core/issues.js';
import { checkFiles } from '../files/check.js';
import { environmentKind, findKindFiles, flowKind, ruleKind } from '../files/kinds.js';
import { httpAuthConnectionType } from '../server/http-auth-connection.js';
import { checkEnvironment, connectionTypesOf } from './environment-files.js';
import type { Command } from './io.js';

export const validateCommand: Command = async (argv, deps) => {
  const { values, positionals: args } = parseArgs({ args: argv, options: { env: { type: 'string' } }, allowPositionals: true });
  const paths = (args.length > 0 ? args : ['flows']).map((path) => resolve(deps.cwd, path));
  const found = (await findKindFiles(paths)).map(({ file }) => file);
  const { issues, warnings, files } = await checkFiles(found, {
    registry: deps.registry,
    targets: createTargetRegistry([...builtinTargetTypes, ...(deps.targetTypes ?? [])]),
    sourceTypes: [createUrlCallbackSource().definition, ...(deps.sourceTypes ?? [])],
    connectionTypes: connectionTypesOf(deps),
  });
  if (values.env) {
    const flows = files.filter((entry) => entry.kind === flowKind && entry.json !== undefined);
    const rules = files.filter((entry) => entry.kind === ruleKind).map((entry) => entry.file);
    const environments = files.filter((entry) => entry.kind === environmentKind).map((entry) => entry.file);
    const checkedFlows = flows.map(({ file, json }) => ({ file, document: json }));
    issues.push(...(await checkEnvironment(values.env, paths, checkedFlows, rules, deps, environments)));
  }
  const shown = [...issues, ...warnings].map((issue) => ({ ...issue, file: issue.file && relative(deps.cwd, issue.file) }));
  for (const issue of shown) deps.err(formatIssue(issue));
  // Warnings are shown but never fail the command: the flows load and run as they are.
  const warned = warnings.length > 0 ? `; ${warnings.length} warning(s)` : '';
  const count = files.length;
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
