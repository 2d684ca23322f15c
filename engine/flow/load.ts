/**
 * @module Reading flow files: parsing with JSON syntax errors as issues, loading one file, finding them all.
 */
import { readFile } from 'node:fs/promises';
import type { ValidationIssue } from '../core/issues.js';
import type { Registry } from '../core/registry.js';
import { flowIdFromPath, type FlowDocument } from './document.js';
import { findFiles, parseJsonText } from '../json/files.js';
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
/** How to parse a flow text: the known flows, and a bound to check before validating (a size, say). */
export interface ParseFlowOptions extends Pick<ValidateFlowOptions, 'knownFlows' | 'maxJsonDepth'> {
  precheck?: (json: unknown) => ValidationIssue | undefined;
  /** The issues of this very text, found by the caller already (a save validates in slices first). */
  issues?: ValidationIssue[];
}

export function parseFlowText(
  text: string,
  file: string,
  registry: Registry,
  options: ParseFlowOptions = {},
): ParsedFlow {
  const read = parseJsonText(text, file, options.maxJsonDepth);
  if (!read.ok) return { issues: [read.issue] };
  const json = read.json;
  // A bound checked before validating, which costs about the size of the document.
  const refused = options.precheck?.(json);
  if (refused) return { json, issues: [{ file, ...refused }] };
  const issues = options.issues ?? validateFlow(json, registry, { file, knownFlows: options.knownFlows, maxJsonDepth: options.maxJsonDepth });
  return issues.length === 0 ? { document: json as FlowDocument, json, issues } : { json, issues };
}

/**
 * Reads, parses and validates one flow file; a file that cannot be read is one `read-error` issue.
 * `options.file` is the name written into issues (default: `path` as given).
 */
export async function loadFlowFile(
  path: string,
  registry: Registry,
  options: Pick<ValidateFlowOptions, 'knownFlows' | 'file' | 'maxJsonDepth'> = {},
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
 * The flow files named by `paths` (see {@link findFiles}): `*.flow.json` files given, or found in folders.
 *
 * @example
 * for (const path of await findFlowFiles(['flows'])) console.log(path); // flows/alarm-to-im.flow.json ...
 */
export async function findFlowFiles(paths: string[]): Promise<string[]> {
  return findFiles(paths, [FLOW_FILE_ENDING]);
}

/** What a flow file's name ends with. */
export const FLOW_FILE_ENDING = '.flow.json';
