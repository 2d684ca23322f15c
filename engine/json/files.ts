/**
 * @module Reading the project's JSON files: parsing text into JSON with a positioned issue when it is not,
 * and finding files by name ending under files and folders. Flow, test, rule and bus files all use these.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ValidationIssue } from '../core/issues.js';
import { DEFAULT_JSON_DEPTH } from '../core/json-depth.js';
import { describeJsonError, readJson } from './read.js';
import { compareCodeUnits } from './write.js';

export type JsonRead = { ok: true; json: unknown } | { ok: false; issue: ValidationIssue };

/**
 * Parses `text` (a leading BOM is ignored); when it is not JSON, one `json-syntax` issue with the line, the
 * column and what was expected there, at the pointer of the value being read; when it nests more than
 * `maxDepth` objects and arrays, one `json-depth` issue at the pointer where it passed the limit (nothing
 * deeper is ever built).
 *
 * @example
 * parseJsonText('{"a": 1,}', 'x.json'); // { ok: false, issue: { pointer: '', code: 'json-syntax', message: 'invalid JSON at line 1, column 9: ...' } }
 */
export function parseJsonText(text: string, file?: string, maxDepth = DEFAULT_JSON_DEPTH): JsonRead {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const read = readJson(source, { maxDepth });
  if (read.ok) return { ok: true, json: read.value };
  const { error } = read;
  const code = error.problem === 'depth' ? 'json-depth' : 'json-syntax';
  const onFile = file === undefined ? {} : { file };
  return { ok: false, issue: { ...onFile, pointer: error.pointer, code, message: describeJsonError(error) } };
}

/**
 * The files named by `paths` whose names end with one of `endings`: a file path with such a name is taken as
 * given (even when it does not exist, so that loading it reports it); a folder is searched recursively,
 * skipping `node_modules` and folders whose name starts with a dot. Sorted, without duplicates.
 *
 * @example
 * await findFiles(['flows'], ['.rule.json', '.bus.json']);
 */
export async function findFiles(paths: string[], endings: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const path of paths) {
    const isFolder = await stat(path).then(
      (stats) => stats.isDirectory(),
      () => false,
    );
    if (isFolder) for (const file of await filesUnder(path, endings)) found.add(file);
    else if (endings.some((ending) => path.endsWith(ending))) found.add(path);
  }
  return [...found].sort(compareCodeUnits);
}

async function filesUnder(folder: string, endings: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return files;
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      const skipped = entry.name === 'node_modules' || entry.name.startsWith('.');
      if (!skipped) files.push(...(await filesUnder(path, endings)));
    } else if (entry.isFile() && endings.some((ending) => entry.name.endsWith(ending))) {
      files.push(path);
    }
  }
  return files;
}
