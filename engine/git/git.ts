/**
 * @module Runs the `git` binary with argument arrays (never through a shell) and reads files of a revision.
 */
import { execFile, spawn } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';
import { FlowbusError } from '../core/errors.js';

/** Where a folder sits in a git work tree. */
export interface WorkTree {
  /** The top folder of the work tree. */
  top: string;
  /** The folder relative to `top`, `/`-separated, `''` for the top itself. */
  prefix: string;
}

/**
 * Runs `git args...` in `cwd` and resolves with its standard output. Fails with `GIT:FAILED` and git's own
 * message; `GIT:NOT_FOUND` when there is no git binary.
 *
 * @example
 * const head = (await git(['rev-parse', 'HEAD'], repo)).trim();
 */
export function git(args: string[], cwd: string, input?: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = execFile('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (!error) return resolvePromise(stdout);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return reject(new FlowbusError('GIT:NOT_FOUND', 'git is not installed (no "git" on PATH)'));
      }
      const detail = stderr.trim().split('\n').pop() || error.message;
      reject(new FlowbusError('GIT:FAILED', `git ${args[0]}: ${detail}`, { args, stderr: stderr.trim() }));
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** The work tree `folder` is in, or undefined when it is in none. */
export async function findWorkTree(folder: string): Promise<WorkTree | undefined> {
  let top: string;
  try {
    top = (await git(['rev-parse', '--show-toplevel'], folder)).trim();
  } catch (error) {
    if ((error as FlowbusError).type === 'GIT:FAILED') return undefined;
    throw error;
  }
  const prefix = relative(resolve(top), resolve(folder)).split(sep).join('/');
  return { top, prefix };
}

/** Whether `revision` names a commit in the repository at `cwd`. */
export async function isCommit(revision: string, cwd: string): Promise<boolean> {
  return git(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], cwd).then(
    () => true,
    () => false,
  );
}

/**
 * The files under `prefix` at `revision` whose names end with one of `endings`, as paths relative to
 * `prefix` mapped to their text; read in one `git cat-file --batch`.
 */
export async function readRevisionFiles(
  tree: WorkTree,
  revision: string,
  endings: readonly string[],
): Promise<Map<string, string>> {
  const listing = await git(['ls-tree', '-r', '-z', '--full-tree', revision, '--', tree.prefix || '.'], tree.top);
  const wanted: Array<{ path: string; object: string }> = [];
  for (const entry of listing.split('\0')) {
    const match = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (!match || !endings.some((ending) => match[2]!.endsWith(ending))) continue;
    const path = tree.prefix ? match[2]!.slice(tree.prefix.length + 1) : match[2]!;
    wanted.push({ path, object: match[1]! });
  }
  const texts = await catFiles(tree.top, wanted.map((item) => item.object));
  return new Map(wanted.map((item, index) => [item.path, texts[index]!]));
}

/** The contents of blobs, in order, from one `git cat-file --batch` process. */
function catFiles(cwd: string, objects: string[]): Promise<string[]> {
  if (objects.length === 0) return Promise.resolve([]);
  return new Promise((resolvePromise, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new FlowbusError('GIT:FAILED', `git cat-file: ${stderr.trim() || `exit ${code}`}`));
      const output = Buffer.concat(chunks);
      const texts: string[] = [];
      let at = 0;
      for (let index = 0; index < objects.length; index += 1) {
        const headerEnd = output.indexOf(10, at);
        const size = Number(output.subarray(at, headerEnd).toString().split(' ')[2]);
        texts.push(output.subarray(headerEnd + 1, headerEnd + 1 + size).toString('utf8'));
        at = headerEnd + 1 + size + 1;
      }
      resolvePromise(texts);
    });
    child.stdin.end(`${objects.join('\n')}\n`);
  });
}

/** The text of one file (`path` relative to the folder of `tree`) at `revision`; undefined when it has none. */
export async function readRevisionFile(tree: WorkTree, revision: string, path: string): Promise<string | undefined> {
  const full = tree.prefix ? `${tree.prefix}/${path}` : path;
  if (!(await isCommit(revision, tree.top))) return undefined;
  const listing = await git(['ls-tree', '-z', '--full-tree', revision, '--', full], tree.top);
  const object = /^\d+ blob ([0-9a-f]+)\t/.exec(listing)?.[1];
  return object === undefined ? undefined : (await catFiles(tree.top, [object]))[0];
}
