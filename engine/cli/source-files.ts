/**
 * @module Source files (`*.source.json`) for the CLI's validate: checked against the source types and the buses
 * found, as the server checks them when it starts a source (the broker's own answers come only from a server).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ValidationIssue } from '../core/issues.js';
import { createUrlCallbackSource, parseSourceText, SOURCE_FILE_SUFFIX } from '../bus/sources/index.js';
import { BUS_SUFFIX } from './bus-files.js';
import { findFilesEndingWith } from './files.js';
import type { CliDeps } from './io.js';

/** Every source file under `paths`. */
export function findSourceFiles(paths: string[]): Promise<string[]> {
  return findFilesEndingWith(paths, SOURCE_FILE_SUFFIX);
}

/** Every problem of the source files; `busFiles` are the bus files found beside them. */
export async function validateSourceFiles(
  files: string[],
  busFiles: string[],
  deps: Pick<CliDeps, 'sourceTypes'>,
): Promise<ValidationIssue[]> {
  const types = [createUrlCallbackSource().definition, ...(deps.sourceTypes ?? [])];
  const busIds = busFiles.filter((file) => file.endsWith(BUS_SUFFIX)).map((file) => basename(file, BUS_SUFFIX));
  const buses = new Set(['default', ...busIds]);
  const issues: ValidationIssue[] = [];
  for (const file of files) issues.push(...parseSourceText(await readFile(file, 'utf8'), { file, types, buses }).issues);
  return issues;
}
