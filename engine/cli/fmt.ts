/**
 * @module `flowbus fmt [--check] [paths]`: writes flow, flow test, rule, bus, source and environment files in
 * the canonical format, each kind with its own writer (`engine/files/kinds.ts`).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatIssue } from '../core/issues.js';
import { findKindFiles } from '../files/kinds.js';
import { parseJsonText } from '../json/files.js';
import type { Command } from './io.js';

export const fmtCommand: Command = async (args, deps) => {
  const { values, positionals } = parseArgs({ args, options: { check: { type: 'boolean' } }, allowPositionals: true });
  const paths = (positionals.length > 0 ? positionals : ['flows']).map((path) => resolve(deps.cwd, path));
  const files = await findKindFiles(paths);
  const unformatted: string[] = [];
  let broken = 0;
  for (const { file, kind } of files) {
    const text = await readFile(file, 'utf8');
    const read = parseJsonText(text, relative(deps.cwd, file));
    if (!read.ok) {
      deps.err(`${formatIssue(read.issue)}; left as it is`);
      broken += 1;
      continue;
    }
    const formatted = kind.format(read.json, deps.registry);
    if (formatted === text) continue;
    unformatted.push(relative(deps.cwd, file));
    if (!values.check) await writeFile(file, formatted);
  }
  if (values.check) {
    for (const file of unformatted) deps.err(`${file}: not in canonical format (run: flowbus fmt ${file})`);
    if (unformatted.length === 0 && broken === 0) deps.out(`${files.length} file(s) already formatted`);
    return unformatted.length > 0 || broken > 0 ? 1 : 0;
  }
  for (const file of unformatted) deps.out(`formatted ${file}`);
  if (unformatted.length === 0) deps.out(`${files.length} file(s) already formatted`);
  return broken > 0 ? 1 : 0;
};
