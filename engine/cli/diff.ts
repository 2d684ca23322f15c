/**
 * @module `flowbus diff`: the semantic diff of two flow or rule files, of the flows folder between git
 * revisions (`REV`, `REV1..REV2`, `REV1 REV2`), or of one file as text for git's textconv.
 */
import { readFile, stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { builtinTargetTypes, createTargetRegistry } from '../bus/index.js';
import { FlowbusError } from '../core/errors.js';
import { diffSnapshots, diffTexts, documentKindOf, renderDiff, renderDocument, type DocumentKind, type SchemaSource, type Snapshot, type SnapshotFileDiff } from '../flow-diff/index.js';
import { findWorkTree } from '../git/git.js';
import { readFolderSnapshot, readRevisionSnapshot } from '../git/snapshots.js';
import { UsageError, type CliDeps, type Command } from './io.js';

/** The step and target schemas the CLI's diff and merge read (for which fields are secret). */
export function schemaSourceOf(deps: CliDeps): SchemaSource {
  const targets = createTargetRegistry([...builtinTargetTypes, ...(deps.targetTypes ?? [])]);
  return { registry: deps.registry, targetSchema: (type) => targets.get(type)?.config };
}

export const diffCommand: Command = async (args, deps) => {
  const { values, positionals } = parseArgs({
    args,
    options: {
      json: { type: 'boolean' },
      'exit-code': { type: 'boolean' },
      textconv: { type: 'boolean' },
      flows: { type: 'string' },
    },
    allowPositionals: true,
  });
  const source = schemaSourceOf(deps);
  if (values.textconv) return textconv(positionals, deps, source);
  let files: SnapshotFileDiff[];
  try {
    files = await diffFor(positionals, values.flows ?? 'flows', deps, source);
  } catch (error) {
    if (!(error instanceof FlowbusError) || !error.type.startsWith('GIT:')) throw error;
    deps.err(`flowbus diff: ${error.message}`);
    return 2;
  }
  if (values.json) deps.out(JSON.stringify({ files }, null, 2));
  else {
    const text = renderDiff(files).trimEnd();
    if (text) deps.out(text);
    for (const file of files) if (file.problem) deps.err(`${file.file}: ${file.problem}`);
  }
  return values['exit-code'] && files.length > 0 ? 1 : 0;
};

async function diffFor(positionals: string[], flows: string, deps: CliDeps, source: SchemaSource): Promise<SnapshotFileDiff[]> {
  if (positionals.length > 2) throw new UsageError('diff takes two files, or one or two git revisions');
  if (positionals.length === 2 && (await isFile(deps, positionals[0]!)) && (await isFile(deps, positionals[1]!))) {
    const [left, right] = positionals.map((path) => resolve(deps.cwd, path)) as [string, string];
    const name = relative(deps.cwd, right);
    const kind = documentKindOf(right) ?? documentKindOf(left) ?? kindFromText(await readFile(right, 'utf8')) ?? 'flow';
    const file = kind === documentKindOf(name) ? name : `${name} (${kind})`;
    const diff = diffTexts(`${file}`, await readFile(left, 'utf8'), await readFile(right, 'utf8'), source);
    return diff.changes.length > 0 || diff.problem ? [{ ...diff, kind }] : [];
  }
  const folder = resolve(deps.cwd, flows);
  const tree = await findWorkTree(folder);
  if (!tree) throw new UsageError(`${flows} is not in a git work tree; give two files to compare instead`);
  const [from, to] = revisions(positionals);
  const before = await readRevisionSnapshot(tree, from);
  const after: Snapshot = to === undefined ? await readFolderSnapshot(folder) : await readRevisionSnapshot(tree, to);
  const shown = relative(deps.cwd, folder) || '.';
  return diffSnapshots(before, after, source).map((diff) => ({ ...diff, file: `${shown}/${diff.file}` }));
}

/** `[]`: HEAD against the work tree; `REV`: REV against the work tree; `A..B` and `A B`: A against B. */
function revisions(positionals: string[]): [string, string | undefined] {
  if (positionals.length === 2) return [positionals[0]!, positionals[1]!];
  const [range] = positionals;
  if (range === undefined) return ['HEAD', undefined];
  const dots = range.indexOf('..');
  if (dots < 0) return [range, undefined];
  if (range.slice(dots).startsWith('...')) throw new UsageError('diff takes REV1..REV2 (two dots), not a three-dot range');
  return [range.slice(0, dots) || 'HEAD', range.slice(dots + 2) || 'HEAD'];
}

async function isFile(deps: CliDeps, path: string): Promise<boolean> {
  return stat(resolve(deps.cwd, path)).then(
    (stats) => stats.isFile(),
    () => false,
  );
}

/** The kind a file's `format` tag says, for files whose name does not (git's temporary files). */
export function kindFromText(text: string): DocumentKind | undefined {
  return /"format"\s*:\s*"flowbus\/(flow|rule|bus)@/.exec(text)?.[1] as DocumentKind | undefined;
}

/** `diff --textconv FILE`: the file as lines of step ids and pointers; text that is not JSON as it is. */
async function textconv(positionals: string[], deps: CliDeps, source: SchemaSource): Promise<number> {
  if (positionals.length !== 1) throw new UsageError('diff --textconv takes one file');
  const path = resolve(deps.cwd, positionals[0]!);
  const text = await readFile(path, 'utf8');
  let document: unknown;
  try {
    document = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch {
    deps.out(text.replace(/\n$/, ''));
    return 0;
  }
  const kind = kindFromText(text) ?? documentKindOf(path) ?? 'flow';
  deps.out(renderDocument(document, kind, source).replace(/\n$/, ''));
  return 0;
}
