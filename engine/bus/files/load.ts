/**
 * @module Reading rule and bus files: JSON syntax errors as issues (the flow loader's scanner), validation,
 * and finding the files under the flows folder.
 */
import type { ValidationIssue } from '../../core/issues.js';
import { findFiles, parseJsonText } from '../../json/files.js';
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
  const parsed = parseJsonText(text, options.file, options.maxJsonDepth);
  if (!parsed.ok) return { issues: [parsed.issue] };
  return { json: parsed.json, ...validateRule(parsed.json, options) };
}

/** Parses and validates the text of a bus file. */
export function parseBusText(text: string, file?: string, maxJsonDepth?: number): ParsedBus {
  const parsed = parseJsonText(text, file, maxJsonDepth);
  if (!parsed.ok) return { issues: [parsed.issue] };
  const issues = validateBus(parsed.json, file);
  if (issues.length > 0) return { json: parsed.json, issues };
  return { json: parsed.json, document: parsed.json as BusDocument, issues };
}

/** The rule and bus files under a folder (recursively, skipping `node_modules` and dot folders), sorted. */
export async function findBusFiles(folder: string): Promise<{ rules: string[]; buses: string[] }> {
  const files = await findFiles([folder], [RULE_FILE_SUFFIX, BUS_FILE_SUFFIX]);
  return {
    rules: files.filter((file) => file.endsWith(RULE_FILE_SUFFIX)),
    buses: files.filter((file) => file.endsWith(BUS_FILE_SUFFIX)),
  };
}
