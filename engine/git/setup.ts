/**
 * @module `flowbus git setup`: makes git diff flow, rule and bus files in steps (textconv) and merge them on
 * the step tree (merge driver), through `.gitattributes` and the repository's own git config.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../core/package-root.js';
import { git } from './git.js';

/** The driver name used in `.gitattributes` and in git config. */
export const DRIVER = 'flowbus';

/** The `.gitattributes` lines the setup makes sure of. */
export const ATTRIBUTE_LINES = ['*.flow.json', '*.rule.json', '*.bus.json'].map((pattern) => `${pattern} diff=${DRIVER} merge=${DRIVER}`);

/** What the setup did. */
export interface SetupResult {
  attributesFile: string;
  addedLines: string[];
  config: Array<[key: string, value: string]>;
}

/** Quotes a word for the POSIX shell that git runs drivers with. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command line that runs this flowbus: this Node and the package's `bin/flowbus.js`, quoted. */
export function defaultFlowbusCommand(): string {
  // from the package root: this module may be running from the sources or from the one-file bundle
  const bin = join(packageRoot(import.meta.url), 'bin', 'flowbus.js');
  return [process.execPath, bin].map(shellQuote).join(' ');
}

/**
 * Installs the diff and merge drivers in the work tree at `top`. Idempotent: lines already in
 * `.gitattributes` are not added again, config values are overwritten.
 *
 * @example
 * await setupGit('/repo', { command: 'npx flowbus' });
 */
export async function setupGit(top: string, options: { command?: string } = {}): Promise<SetupResult> {
  const command = options.command ?? defaultFlowbusCommand();
  const attributesFile = join(top, '.gitattributes');
  const existing = await readFile(attributesFile, 'utf8').catch(() => '');
  const present = new Set(existing.split(/\r?\n/).map((line) => line.trim()));
  const addedLines = ATTRIBUTE_LINES.filter((line) => !present.has(line));
  if (addedLines.length > 0) {
    const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
    await writeFile(attributesFile, `${existing}${separator}${addedLines.join('\n')}\n`);
  }
  const config: Array<[string, string]> = [
    [`diff.${DRIVER}.textconv`, `${command} diff --textconv`],
    [`merge.${DRIVER}.name`, 'flowbus: three-way merge of flow and rule files by step id'],
    [`merge.${DRIVER}.driver`, `${command} merge-driver %O %A %B %P`],
  ];
  for (const [key, value] of config) await git(['config', '--local', key, value], top);
  return { attributesFile, addedLines, config };
}
