/**
 * @module Rule and bus files for the CLI's validate and fmt: found, checked and formatted like flow files.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ValidationIssue } from '../core/issues.js';
import { builtinTargetTypes, createTargetRegistry, formatBus, formatRule, parseBusText, parseRuleText } from '../bus/index.js';
import type { TargetTypeDefinition } from '../bus/index.js';
import { findFilesEndingWith } from './files.js';

export const RULE_SUFFIX = '.rule.json';
export const BUS_SUFFIX = '.bus.json';

/** Every rule and bus file under `paths`. */
export async function findRuleAndBusFiles(paths: string[]): Promise<string[]> {
  return [...(await findFilesEndingWith(paths, RULE_SUFFIX)), ...(await findFilesEndingWith(paths, BUS_SUFFIX))];
}

/**
 * Every problem of rule and bus files; a rule naming a bus is checked against `default` and the bus files found,
 * its targets against the built-in target types and `targetTypes`.
 */
export async function validateRuleAndBusFiles(
  files: string[],
  targetTypes: readonly TargetTypeDefinition[] = [],
): Promise<ValidationIssue[]> {
  const targets = createTargetRegistry([...builtinTargetTypes, ...targetTypes]);
  const buses = new Set(['default', ...files.filter((file) => file.endsWith(BUS_SUFFIX)).map((file) => basename(file, BUS_SUFFIX))]);
  const issues: ValidationIssue[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    if (file.endsWith(BUS_SUFFIX)) issues.push(...parseBusText(text, file).issues);
    else issues.push(...parseRuleText(text, { id: basename(file, RULE_SUFFIX), file, targets, buses }).issues);
  }
  return issues;
}

/** The canonical text of a rule or bus document. */
export function formatRuleOrBus(file: string, document: unknown): string {
  return file.endsWith(BUS_SUFFIX) ? formatBus(document) : formatRule(document);
}
