/**
 * @module Reading flow files: parsing with JSON syntax errors as issues, loading one file, finding them all.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ValidationIssue } from '../core/issues.js';
import type { Registry } from '../core/registry.js';
import { flowIdFromPath, type FlowDocument } from './document.js';
import { findJsonSyntaxError, lineAndColumn } from './json-syntax.js';
import { compareCodeUnits } from './json-text.js';
import { validateFlow, type ValidateFlowOptions } from './validate.js';

/** What parsing a flow text gives. */
export interface ParsedFlow {
  /** The flow, present only when it has no issues: safe to compile and run. */
  document?: FlowDocument;
  /** The parsed JSON whenever the text is JSON, valid flow or not: what `fmt` and the editor work on. */
  json?: unknown;
  /** Every problem: one `json-syntax` issue when the text is not JSON, else the validation issues. */
  issues: ValidationIssue[];
}

/** A flow file as loaded: its id (the file name without `.flow.json`) and what parsing it gave. */
export interface LoadedFlow extends ParsedFlow {
  id: string;
  file: string;
}

/**
 * Parses and validates the text of a flow file. A leading byte order mark is ignored.
 *
 * @example
 * const { document, issues } = parseFlowText(text, 'flows/echo.flow.json', registry);
 */
export function parseFlowText(
  text: string,
  file: string,
  registry: Registry,
  options: Pick<ValidateFlowOptions, 'knownFlows'> = {},
): ParsedFlow {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    return { issues: [jsonSyntaxIssue(source, file, error)] };
  }
  const issues = validateFlow(json, registry, { file, knownFlows: options.knownFlows });
  return issues.length === 0 ? { document: json as FlowDocument, json, issues } : { json, issues };
}

/**
 * Reads, parses and validates one flow file; a file that cannot be read is one `read-error` issue.
 * `options.file` is the name written into issues (default: `path` as given).
 */
export async function loadFlowFile(
  path: string,
  registry: Registry,
  options: Pick<ValidateFlowOptions, 'knownFlows' | 'file'> = {},
): Promise<LoadedFlow> {
  const file = options.file ?? path;
  const id = flowIdFromPath(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const { code, message: detail } = error as NodeJS.ErrnoException;
    const reason = code === 'ENOENT' ? 'no such file' : detail;
    const message = `cannot read the flow file: ${reason}`;
    return { id, file, issues: [{ file, pointer: '', code: 'read-error', message }] };
  }
  return { id, file, ...parseFlowText(text, file, registry, options) };
}

/**
 * The flow files named by `paths`: a file is taken as given; a folder is searched recursively for
 * `*.flow.json`, skipping `node_modules` and folders whose name starts with a dot. A path that does not exist
 * is kept, so that loading it reports it. The result is sorted and has no duplicates.
 *
 * @example
 * for (const path of await findFlowFiles(['flows'])) console.log(path); // flows/alarm-to-im.flow.json ...
 */
export async function findFlowFiles(paths: string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const path of paths) {
    const isFolder = await stat(path).then(
      (stats) => stats.isDirectory(),
      () => false,
    );
    if (isFolder) for (const file of await flowFilesUnder(path)) found.add(file);
    else found.add(path);
  }
  return [...found].sort(compareCodeUnits);
}

async function flowFilesUnder(folder: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      const skipped = entry.name === 'node_modules' || entry.name.startsWith('.');
      if (!skipped) files.push(...(await flowFilesUnder(path)));
    } else if (entry.isFile() && entry.name.endsWith('.flow.json')) {
      files.push(path);
    }
  }
  return files;
}

function jsonSyntaxIssue(text: string, file: string, error: unknown): ValidationIssue {
  const found = findJsonSyntaxError(text);
  const parserMessage = error instanceof Error ? error.message : String(error);
  // The scanner and JSON.parse agree on what JSON is; should they ever not, JSON.parse's position is used.
  const offset = found?.offset ?? Number(/at position (\d+)/.exec(parserMessage)?.[1] ?? text.length);
  const { line, column } = found ?? lineAndColumn(text, offset);
  const reason = found?.reason ?? parserMessage;
  const message = `invalid JSON at line ${line}, column ${column}: ${reason}`;
  return { file, pointer: '', code: 'json-syntax', message };
}
