/**
 * @module The compiled server: `npm start` and bin/flowbus.js run dist/flowbus.js, built by
 * scripts/build-server.mjs. This builds it (when stale), starts it on a free loopback port with the
 * example flows and a fresh data folder, and asks `/api/health` and the editor page; it also runs CLI
 * commands of the bundle that read files relative to the package (git setup) and use re2js.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { buildServer, serverBuildIsStale } from '../../scripts/build-server.mjs';
import { waitFor } from '../support/wait-for.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function health(url: string): Promise<{ status: number; body: Record<string, unknown> } | undefined> {
  try {
    const response = await fetch(`${url}/api/health`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  } catch {
    return undefined;
  }
}

it('builds the server, which starts from dist/flowbus.js and answers /api/health', async () => {
  // the editor as `npm start` builds it (a no-op when its build is current), for the page checked below
  execFileSync(process.execPath, [join(root, 'scripts', 'build-editor.mjs')], { cwd: root, stdio: 'pipe' });
  const bundle = await buildServer({ quiet: true });
  expect(bundle).toBe(join(root, 'dist', 'flowbus.js'));
  expect(serverBuildIsStale()).toBe(false);
  // the bundle is plain JavaScript with its map beside it, and reads none of the TypeScript sources
  expect(await readFile(`${bundle}.map`, 'utf8')).toContain('engine/server/');

  const port = await freePort();
  const data = await mkdtemp(join(tmpdir(), 'flowbus-compiled-'));
  const args = [bundle, 'serve', '--port', String(port), '--flows', 'flows', '--data', data];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    const url = `http://127.0.0.1:${port}`;
    const seen: { answer?: Awaited<ReturnType<typeof health>> } = {};
    const answeredOrExited = async () => child.exitCode !== null || (seen.answer = await health(url)) !== undefined;
    await waitFor(answeredOrExited, 'the compiled server', { timeoutMs: 25_000, intervalMs: 50 }).catch(() => undefined);
    expect(seen.answer, `no answer from the compiled server; its output:\n${output}`).toBeDefined();
    expect(seen.answer!.status).toBe(200);
    expect(output).toContain(`flowbus is serving on ${url}`);
    // the example flows were published by the compiled code
    expect(output).toContain('"flowId":"alarm-to-wecom"');
    // the editor's built files are found from the bundle, one level below the package root
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
  } finally {
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await rm(data, { recursive: true, force: true });
  }
}, 90_000);

it('runs CLI commands from the bundle: git setup finds bin/flowbus.js, patterns use re2js', async () => {
  const bundle = await buildServer({ quiet: true });
  const top = await mkdtemp(join(tmpdir(), 'flowbus-compiled-git-'));
  try {
    execFileSync('git', ['init', '-q', top]);
    execFileSync(process.execPath, [bundle, 'git', 'setup'], { cwd: top, stdio: 'pipe' });
    const config = ['config', '--local', 'merge.flowbus.driver'];
    const driver = execFileSync('git', config, { cwd: top, encoding: 'utf8' });
    const bin = join(root, 'bin', 'flowbus.js');
    expect(existsSync(bin)).toBe(true);
    expect(driver).toContain(`${bin} merge-driver`);
  } finally {
    await rm(top, { recursive: true, force: true });
  }
  // a non-ASCII equals-ignore-case compiles to an RE2 expression: 'ß' matches 'SS'
  const pattern = JSON.stringify({ name: [{ 'equals-ignore-case': 'straße' }] });
  const files = await mkdtemp(join(tmpdir(), 'flowbus-compiled-pattern-'));
  try {
    await writeFile(join(files, 'pattern.json'), pattern);
    await writeFile(join(files, 'match.json'), JSON.stringify({ name: 'STRASSE' }));
    await writeFile(join(files, 'miss.json'), JSON.stringify({ name: 'strasse!' }));
    const run = (event: string): number => {
      try {
        const args = [bundle, 'pattern-test', 'pattern.json', event];
        execFileSync(process.execPath, args, { cwd: files, stdio: 'pipe' });
        return 0;
      } catch (thrown) {
        return (thrown as { status: number }).status;
      }
    };
    expect(run('match.json')).toBe(0);
    expect(run('miss.json')).not.toBe(0);
  } finally {
    await rm(files, { recursive: true, force: true });
  }
}, 60_000);
