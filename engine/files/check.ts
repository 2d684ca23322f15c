/**
 * @module Checks a set of files of any kind together, as `flowbus validate` does: the flows and buses found
 * are what flow references, rules and sources may name.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ValidationIssue } from '../core/issues.js';
import { fileKindOf, type FileCheckContext, type FileKind, busKind, flowKind } from './kinds.js';

/** One file as checked. */
export interface CheckedFile {
  file: string;
  kind: FileKind;
  /** The parsed JSON whenever the text is JSON. */
  json?: unknown;
}

/** What checking the files gives: every problem, every warning, and each file. */
export interface FileSetCheck {
  issues: ValidationIssue[];
  warnings: ValidationIssue[];
  files: CheckedFile[];
}

/**
 * Reads and checks `files` (their kind by name ending; others are left out); a file that cannot be read is one
 * `read-error` issue.
 *
 * @example
 * const { issues } = await checkFiles(['flows/echo.flow.json', 'flows/cvm.rule.json'], context);
 */
export async function checkFiles(
  files: readonly string[],
  context: Omit<FileCheckContext, 'knownFlows' | 'buses'>,
): Promise<FileSetCheck> {
  const ofKind = (kind: FileKind) => files.filter((file) => fileKindOf(file) === kind).map((file) => basename(file, kind.suffix));
  const full: FileCheckContext = {
    ...context,
    knownFlows: new Set(ofKind(flowKind)),
    buses: new Set(['default', ...ofKind(busKind)]),
  };
  const result: FileSetCheck = { issues: [], warnings: [], files: [] };
  for (const file of files) {
    const kind = fileKindOf(file);
    if (!kind) continue;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      const reason = code === 'ENOENT' ? 'no such file' : message;
      result.issues.push({ file, pointer: '', code: 'read-error', message: `cannot read the ${kind.name} file: ${reason}` });
      result.files.push({ file, kind });
      continue;
    }
    const checked = kind.check(text, file, full);
    result.issues.push(...checked.issues);
    result.warnings.push(...(checked.warnings ?? []));
    result.files.push({ file, kind, json: checked.json });
  }
  return result;
}
