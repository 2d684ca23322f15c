/**
 * @module A real git repository in a temp folder for the git tests: a flows folder, commits, branches, and
 * the flowbus CLI run as git runs it (this Node and bin/flowbus.js).
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createAppRegistry } from '../../app/registry.js';
import { formatFlow } from '../../engine/flow/canonical.js';
import { formatRule } from '../../engine/bus/index.js';

const run = promisify(execFile);

/** The repository root of flowbus itself. */
export const root = fileURLToPath(new URL('../../', import.meta.url));
const registry = createAppRegistry();

export interface TestRepo {
  dir: string;
  /** Runs git in the repository; rejects on a non-zero exit. */
  git(...args: string[]): Promise<string>;
  /** Runs git and gives its exit code and output, whatever the code. */
  gitStatus(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  /** Runs `flowbus ...` in the repository as a child process. */
  flowbus(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  /** Writes a document under the repository in canonical form (flows and rules). */
  writeDocument(path: string, document: unknown): Promise<void>;
  readJson(path: string): Promise<any>;
  commitAll(message: string): Promise<void>;
  close(): Promise<void>;
}

async function status(command: string, args: string[], cwd: string) {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

export async function createTestRepo(): Promise<TestRepo> {
  const dir = await mkdtemp(join(tmpdir(), 'flowbus-git-'));
  const git = async (...args: string[]) => (await run('git', args, { cwd: dir, maxBuffer: 32 * 1024 * 1024 })).stdout;
  await git('init', '-q', '-b', 'main');
  await git('config', 'user.name', 'Flow Author');
  await git('config', 'user.email', 'author@example.test');
  await git('config', 'commit.gpgsign', 'false');
  await mkdir(join(dir, 'flows'), { recursive: true });
  return {
    dir,
    git,
    gitStatus: (...args) => status('git', args, dir),
    flowbus: (...args) => status(process.execPath, [join(root, 'bin/flowbus.js'), ...args], dir),
    async writeDocument(path, document) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      const text = path.endsWith('.rule.json') ? formatRule(document) : formatFlow(document, registry);
      await writeFile(join(dir, path), text);
    },
    readJson: async (path) => JSON.parse(await readFile(join(dir, path), 'utf8')),
    async commitAll(message) {
      await git('add', '-A');
      await git('commit', '-q', '-m', message);
    },
    close: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A story flow of the repository, parsed. */
export async function storyFlow(id: string): Promise<any> {
  return JSON.parse(await readFile(join(root, 'flows', `${id}.flow.json`), 'utf8'));
}
