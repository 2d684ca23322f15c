/**
 * @module `flowbus validate --env NAME`: the flows and rules checked against that environment.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseJsonText } from '../json/files.js';
import type { ValidationIssue } from '../core/issues.js';
import { checkInEnvironment, environmentFile, ENVIRONMENT_FILE_ENDING, loadEnvironmentFile, type CheckedFlow } from '../environments/index.js';
import { httpAuthConnectionType } from '../server/http-auth-connection.js';
import type { CliDeps } from './io.js';

/** The connection types environment files may use: `http-auth` and the connectors'. */
export function connectionTypesOf(deps: Pick<CliDeps, 'connectionTypes'>) {
  const all = [httpAuthConnectionType, ...(deps.connectionTypes ?? [])];
  return new Map(all.map((definition) => [definition.type, definition]));
}

/**
 * The issues of `flows` and rules in environment `name`, whose file is found under the first folder of
 * `paths` (or is `name` itself when it ends with `.env.json`). An invalid environment file gives its own
 * problems only, unless it is one of `checkedFiles`.
 */
export async function checkEnvironment(
  name: string,
  paths: string[],
  flows: CheckedFlow[],
  ruleFiles: string[],
  deps: CliDeps,
  checkedFiles: readonly string[] = [],
): Promise<ValidationIssue[]> {
  const folder = await firstFolder(paths, deps);
  const file = name.endsWith(ENVIRONMENT_FILE_ENDING) ? resolve(deps.cwd, name) : environmentFile(folder, name);
  const loaded = await loadEnvironmentFile(file, connectionTypesOf(deps));
  // An environment file under the paths has had its own problems reported already.
  if (!loaded.document) return checkedFiles.includes(file) ? [] : loaded.issues;
  const rules: CheckedFlow[] = [];
  for (const path of ruleFiles.filter((candidate) => candidate.endsWith('.rule.json'))) {
    const parsed = parseJsonText(await readFile(path, 'utf8'), path);
    rules.push({ file: path, document: parsed.ok ? parsed.json : undefined });
  }
  return checkInEnvironment({ flows, rules, environment: loaded.document, environmentFile: file, registry: deps.registry });
}

async function firstFolder(paths: string[], deps: CliDeps): Promise<string> {
  for (const path of paths) {
    const folder = await stat(path).then((stats) => stats.isDirectory(), () => false);
    if (folder) return path;
  }
  return paths[0] ? dirname(paths[0]) : resolve(deps.cwd, 'flows');
}
