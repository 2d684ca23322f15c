/**
 * @module Start-up benchmark: from spawning the server to its first answered request (`/api/health`), with the
 * example flows, for the compiled server as `npm start` runs it against the TypeScript sources run by tsx.
 * Run: `node --import tsx bench/startup.ts` (BENCH_ROUNDS=7 by default).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from '../scripts/build-server.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const root = fileURLToPath(new URL('../', import.meta.url));

/** How each contender is started; both serve flows/ on loopback with a fresh data folder. */
const CONTENDERS: Record<string, string[]> = {
  compiled: ['scripts/start.mjs'],
  tsx: ['--import', 'tsx', 'app/main.ts', 'serve'],
};

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

function healthStatus(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const probe = request({ host: '127.0.0.1', port, path: '/api/health', timeout: 1000 }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    probe.on('error', () => resolve(undefined));
    probe.on('timeout', () => probe.destroy());
    probe.end();
  });
}

/**
 * CPU milliseconds (user + system) a process has used so far, from /proc; undefined where there is no /proc.
 * On a loaded machine this is steadier than the wall-clock time, which includes waiting for a core.
 */
async function cpuMilliseconds(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, in clock ticks (100 per second on Linux)
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

interface Startup {
  wallMs: number;
  cpuMs: number | undefined;
}

/** Time from spawn to the first 200 from `/api/health`, and the CPU used by then; the child is stopped by its PID. */
async function timeStartup(args: string[]): Promise<Startup> {
  const port = await freePort();
  const data = await mkdtemp(join(tmpdir(), 'flowbus-startup-'));
  const started = performance.now();
  const child = spawn(process.execPath, [...args, '--port', String(port), '--flows', 'flows', '--data', data], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${stderr}`);
      if ((await healthStatus(port)) === 200) {
        return { wallMs: performance.now() - started, cpuMs: await cpuMilliseconds(child.pid!) };
      }
      if (performance.now() - started > 30_000) throw new Error(`no answer after 30 s: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    await rm(data, { recursive: true, force: true });
  }
}

const median = (values: number[]): number => [...values].sort((left, right) => left - right)[values.length >> 1]!;

async function main(): Promise<void> {
  await buildServer({ quiet: true });
  const runs: Record<string, Startup[]> = Object.fromEntries(Object.keys(CONTENDERS).map((name) => [name, []]));
  // interleaved rounds, so that load from other processes falls on both contenders alike
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, args] of Object.entries(CONTENDERS)) runs[name]!.push(await timeStartup(args));
  }
  const wall = (name: string): number => median(runs[name]!.map((run) => run.wallMs));
  const cpu = (name: string): number => median(runs[name]!.map((run) => run.cpuMs ?? Number.NaN));
  const show = (value: number): string => (Number.isNaN(value) ? '-' : value.toFixed(0)).padStart(6);
  console.log(`start-up to the first /api/health 200, example flows, median of ${ROUNDS} interleaved rounds`);
  console.log('contender |  wall ms | CPU ms (user + system, by then)');
  for (const name of Object.keys(CONTENDERS)) console.log(`${name.padEnd(9)} |  ${show(wall(name))}  | ${show(cpu(name))}`);
  const ratio = (wall('compiled') / wall('tsx')).toFixed(2);
  const cpuRatio = (cpu('compiled') / cpu('tsx')).toFixed(2);
  console.log(`compiled / tsx: wall ${ratio}x, CPU ${cpuRatio}x; compiled ${wall('compiled').toFixed(0)} ms (target <= 500)`);
}

await main();
