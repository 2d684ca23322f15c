/**
 * @module Reading rule and bus files: JSON syntax errors as issues (the flow loader's scanner), validation,
 * and finding the files under the flows folder.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ValidationIssue } from '../../core/issues.js';
import { findJsonSyntaxError, lineAndColumn } from '../../flow/json-syntax.js';
import { compareCodeUnits } from '../../flow/canonical.js';
import { BUS_FILE_SUFFIX, RULE_FILE_SUFFIX, type BusDocument } from './format.js';
import { validateBus, validateRule, type RuleValidation, type ValidateRuleOptions } from './validate.js';

/** What parsing a file's text gives: the JSON when it is JSON, and every issue. */
export interface ParsedRule extends RuleValidation {
  json?: unknown;
}

export interface ParsedBus {
  json?: unknown;
  document?: BusDocument;
  issues: ValidationIssue[];
}

/**
 * Parses and validates the text of a rule file. A leading byte order mark is ignored.
 *
 * @example
 * const { rule, issues } = parseRuleText(text, { id: 'cvm', file: 'flows/cvm.rule.json', targets });
 */
export function parseRuleText(text: string, options: ValidateRuleOptions): ParsedRule {
  const parsed = parseJsonText(text, options.file);
  if (!parsed.ok) return { issues: [parsed.issue] };
  return { json: parsed.json, ...validateRule(parsed.json, options) };
}

/** Parses and validates the text of a bus file. */
export function parseBusText(text: string, file?: string): ParsedBus {
  const parsed = parseJsonText(text, file);
  if (!parsed.ok) return { issues: [parsed.issue] };
  const issues = validateBus(parsed.json, file);
  if (issues.length > 0) return { json: parsed.json, issues };
  return { json: parsed.json, document: parsed.json as BusDocument, issues };
}

type JsonRead = { ok: true; json: unknown } | { ok: false; issue: ValidationIssue };

function parseJsonText(text: string, file: string | undefined): JsonRead {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return { ok: true, json: JSON.parse(source) };
  } catch (error) {
    const found = findJsonSyntaxError(source);
    const offset = found?.offset ?? source.length;
    const { line, column } = found ?? lineAndColumn(source, offset);
    const reason = found?.reason ?? (error as Error).message;
    const message = `invalid JSON at line ${line}, column ${column}: ${reason}`;
    const where = file === undefined ? {} : { file };
    return { ok: false, issue: { ...where, pointer: '', code: 'json-syntax', message } };
  }
}

/** The rule and bus files under a folder (recursively, skipping `node_modules` and dot folders), sorted. */
export async function findBusFiles(folder: string): Promise<{ rules: string[]; buses: string[] }> {
  const found = { rules: [] as string[], buses: [] as string[] };
  const visit = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const skipped = entry.name === 'node_modules' || entry.name.startsWith('.');
      if (entry.isDirectory() && !skipped) await visit(path);
      else if (entry.isFile() && entry.name.endsWith(RULE_FILE_SUFFIX)) found.rules.push(path);
      else if (entry.isFile() && entry.name.endsWith(BUS_FILE_SUFFIX)) found.buses.push(path);
    }
  };
  await visit(folder);
  found.rules.sort(compareCodeUnits);
  found.buses.sort(compareCodeUnits);
  return found;
}
