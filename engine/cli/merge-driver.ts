/**
 * @module `flowbus merge-driver BASE OURS THEIRS PATH`: git's merge driver for flow, rule and bus files. It
 * merges on the step tree by id, writes the result (canonical) over OURS, and exits 0 when clean, 1 when
 * there are conflicts (marked in the file for `flowbus validate` to show) - git's driver convention.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatBus, formatRule } from '../bus/index.js';
import { formatIssue } from '../core/issues.js';
import { formatFlow } from '../flow/canonical.js';
import { validateFlow } from '../flow/validate.js';
import { documentKindOf, mergeDocuments, type DocumentKind } from '../flow-diff/index.js';
import { git } from '../git/git.js';
import { kindFromText } from './diff.js';
import { UsageError, type CliDeps, type Command } from './io.js';

export const mergeDriverCommand: Command = async (args, deps) => {
  if (args.length < 3 || args.length > 4) throw new UsageError('merge-driver takes BASE OURS THEIRS [PATH] (git passes %O %A %B %P)');
  const [basePath, oursPath, theirsPath] = args.slice(0, 3).map((path) => resolve(deps.cwd, path)) as [string, string, string];
  const shownPath = args[3] ?? args[1]!;
  const [baseText, oursText, theirsText] = await Promise.all([basePath, oursPath, theirsPath].map((path) => readFile(path, 'utf8')));
  const kind = documentKindOf(shownPath) ?? kindFromText(oursText!) ?? kindFromText(theirsText!);
  const base = baseText!.trim() === '' ? { ok: true as const, json: undefined } : parse(baseText!);
  const ours = parse(oursText!);
  const theirs = parse(theirsText!);
  if (!kind || !base.ok || !ours.ok || !theirs.ok) {
    deps.err(`${shownPath}: not a readable flow, rule or bus file on every side; merged line by line`);
    return lineMerge(basePath, oursPath, theirsPath, deps);
  }
  const { document, conflicts } = mergeDocuments(base.json, ours.json, theirs.json, kind, deps.registry);
  await writeFile(oursPath, format(kind, document, deps));
  if (conflicts.length > 0) {
    for (const conflict of conflicts) {
      const subject = conflict.key.startsWith('(') ? kind : `${kind === 'rule' ? 'target' : 'step'} ${conflict.key}`;
      deps.err(`${shownPath}: conflict at ${subject}${conflict.pointer ? ` ${conflict.pointer}` : ''}: ${conflict.reason}`);
    }
    deps.err(`${shownPath}: ${conflicts.length} conflict(s) marked with "$conflict"; run flowbus validate to see them`);
    return 1;
  }
  if (kind === 'flow' && validateFlow(ours.json, deps.registry).length === 0 && validateFlow(theirs.json, deps.registry).length === 0) {
    const issues = validateFlow(document, deps.registry, { file: shownPath });
    for (const issue of issues) deps.err(formatIssue(issue));
    if (issues.length > 0) {
      deps.err(`${shownPath}: both sides are valid but the merged flow is not; check it before committing`);
      return 1;
    }
  }
  return 0;
};

function parse(text: string): { ok: true; json: unknown } | { ok: false } {
  try {
    return { ok: true, json: JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text) };
  } catch {
    return { ok: false };
  }
}

function format(kind: DocumentKind, document: unknown, deps: CliDeps): string {
  if (kind === 'flow') return formatFlow(document, deps.registry);
  return kind === 'rule' ? formatRule(document) : formatBus(document);
}

/** Git's own line merge into OURS, with the usual conflict markers; exit 1 when it left any. */
async function lineMerge(base: string, ours: string, theirs: string, deps: CliDeps): Promise<number> {
  try {
    await git(['merge-file', '-L', 'ours', '-L', 'base', '-L', 'theirs', ours, base, theirs], deps.cwd);
    return 0;
  } catch {
    return 1;
  }
}
