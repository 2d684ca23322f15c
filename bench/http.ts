/**
 * @module HTTP trigger benchmark: the story-1 flow through flowbus's endpoint against express + JSONata,
 * node:http + JSONata and node:http in plain JS doing the same work. flowbus runs as shipped: the compiled
 * dist/flowbus.js (built first when stale) serving a flows folder, as `npx flowbus serve` does; `flowbus-tsx` is
 * the same server from the TypeScript sources through tsx. Each server runs in its own child process (pinned to
 * one core when `taskset` exists); autocannon drives it from this process.
 *
 * Run: `node --import tsx bench/http.ts` (BENCH_SECONDS=10, BENCH_CONNECTIONS=50 by default).
 * `BENCH_SERVER_FLAGS="--cpu-prof --cpu-prof-dir=prof"` passes node flags to the flowbus server processes (they
 * are stopped with SIGTERM, so a profile gets written); `BENCH_BUNDLE=file` serves another build (e.g. one of an
 * earlier commit, kept one level below the root) as `flowbus-bundle`, for a before/after in one run.
 */
import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from '../scripts/build-server.mjs';

type Histogram = { average: number; p50: number; p99: number; total?: number };
type CannonResult = { requests: Histogram; latency: Histogram; errors: number; non2xx: number };
/**
 * What the server process used, where /proc tells (Linux): CPU µs per request while measured, RSS once it
 * served its first request and after the load.
 */
type ProcessUse = { cpuMicros?: number; idleRssMb?: number; rssMb?: number };
type Cannon = (options: Record<string, unknown>) => Promise<CannonResult>;

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
/** Measured on this kind of machine for this workload: Node-RED 4.1, and node:http + JSONata. */
const NODE_RED_REFERENCE = 2700;
const NODE_HTTP_JSONATA_REFERENCE = 12_300;
/** `runtime-only` runs the compiled flow from a bare node:http handler: the runtime's share of the cost. */
/** `flowbus-try` is the same flowbus server and steps inside a Try (issue 12 item 4: a scope adds ≤ 20 %). */
const ALL_TARGETS = [
  'flowbus',
  'flowbus-try',
  'flowbus-tsx',
  ...(process.env.BENCH_BUNDLE ? ['flowbus-bundle'] : []),
  'runtime-only',
  'express-jsonata',
  'node-http-jsonata',
  'node-http-plain',
];
const SERVER_FLAGS = (process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean);
const root = fileURLToPath(new URL('../', import.meta.url));
/** `BENCH_TARGETS=flowbus,runtime-only` measures a subset; node:http + JSONata is always measured, as the reference. */
const TARGETS = process.env.BENCH_TARGETS
  ? ALL_TARGETS.filter((target) => target === 'node-http-jsonata' || process.env.BENCH_TARGETS!.split(',').includes(target))
  : ALL_TARGETS;
type Target = string;

/** The event of SCENARIOS.md. */
const EVENT = {
  specversion: '1.0',
  id: '13a3f42d-7258-4ada-da6d-023a333b4662',
  source: 'cvm.cloud.tencent',
  type: 'cvm:ErrorEvent:ping_unreachable',
  subject: 'ins-sjksjk',
  time: 1615430559146,
  region: 'ap-guangzhou',
  resource: ['qcs::eb:ap-guangzhou:uid125000000:eventbusid/eventruleid'],
  datacontenttype: 'application/json;charset=utf-8',
  tags: { key1: 'value1', key2: 'value2' },
  status: '1',
  data: { appId: '1250000011', instanceId: 'ins-sjksjk', projectId: '11', dimensions: { ip: '127.0.0.1' } },
};

const BODY_EXPR = '{"region": region, "subject": subject, "type": type, "id": id}';
const HEADLINE = '<font color="warning">收到告警信息，请及时处理</font>';
const CONTENT_EXPR =
  `"${HEADLINE.replace(/"/g, '\\"')}\\n> 实例 ID: " & body.subject & "\\n> 地域: " & body.region` +
  ` & "\\n> 事件名称: " & body.type`;
const TEMPLATE =
  `${HEADLINE}\n> 实例 ID: {{vars.body.subject}}\n> 地域: {{vars.body.region}}` +
  `\n> 事件名称: {{vars.body.type}}`;

/** The story-1-like flow: Set Variable with an expression, then Set Payload with a markdown template. */
const FLOW = {
  format: 'flowbus/flow@1',
  name: 'Alarm to markdown',
  trigger: { id: 'receive', type: 'http', config: { path: '/alarm', methods: ['POST'] } },
  steps: [
    {
      id: 'keep-fields',
      type: 'set-variable',
      config: { name: 'body', value: { $expr: BODY_EXPR.replace(/: (\w+)/g, ': payload.$1') } },
    },
    {
      id: 'to-markdown',
      type: 'set-payload',
      config: { value: { msgtype: 'markdown', markdown: { content: { $template: TEMPLATE } } } },
    },
  ],
};

/** The same steps inside a Try whose one handler catches anything, served at `/alarm-try`. */
const TRY_FLOW = {
  ...FLOW,
  name: 'Alarm to markdown in a Try',
  trigger: { id: 'receive', type: 'http', config: { path: '/alarm-try', methods: ['POST'] } },
  steps: [{ id: 'guard', type: 'try', config: {}, steps: FLOW.steps, catch: [{ id: 'any', config: {}, steps: [] }] }],
};

/** The path each target serves the flow at. */
const pathOf = (target: Target) => (target === 'flowbus-try' ? '/alarm-try' : '/alarm');

function plainWork(event: Record<string, unknown>) {
  const body = { region: event.region, subject: event.subject, type: event.type, id: event.id };
  const content = `${HEADLINE}\n> 实例 ID: ${body.subject}\n> 地域: ${body.region}\n> 事件名称: ${body.type}`;
  return { msgtype: 'markdown', markdown: { content } };
}

async function jsonataWork() {
  const jsonata = (await import('jsonata')).default;
  const body = jsonata(BODY_EXPR);
  const content = jsonata(CONTENT_EXPR);
  return async (event: unknown) => ({
    msgtype: 'markdown',
    markdown: { content: await content.evaluate({ body: await body.evaluate(event) }) },
  });
}

function readJson(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
    request.on('error', reject);
  });
}

function reply(response: ServerResponse, value: unknown): void {
  const text = JSON.stringify(value);
  const length = Buffer.byteLength(text);
  response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': length });
  response.end(text);
}

/** Child mode: starts one server on a free loopback port and prints `PORT <n>`. */
async function serve(target: Target): Promise<void> {
  let port: number;
  if (target === 'runtime-only') {
    const { compileFlow } = await import('../engine/runtime/index.js');
    const { createRegistry } = await import('../engine/core/registry.js');
    const { builtinSteps } = await import('../engine/steps/index.js');
    const flow = compileFlow('alarm', FLOW as never, createRegistry(builtinSteps));
    port = await listenOn(
      createServer(async (request, response) => {
        const record = await flow.execute({ payload: await readJson(request) });
        reply(response, record.result?.payload ?? record.error);
      }),
    );
  } else if (target === 'express-jsonata') {
    const express = (await import('express')).default;
    const work = await jsonataWork();
    const app = express();
    app.use(express.json());
    app.post('/alarm', async (request, response) => {
      response.json(await work(request.body));
    });
    port = await listenOn(createServer(app));
  } else {
    const work = target === 'node-http-plain' ? plainWork : await jsonataWork();
    port = await listenOn(
      createServer(async (request, response) => {
        reply(response, await work((await readJson(request)) as Record<string, unknown>));
      }),
    );
  }
  process.stdout.write(`PORT ${port}\n`);
}

function listenOn(server: ReturnType<typeof createServer>): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
}

const isFlowbus = (target: Target) => target.startsWith('flowbus');

/**
 * The node arguments of a target's server. flowbus is started as `npx flowbus serve` starts it (source maps on,
 * no configuration file, log level warn), on a flows folder holding the bench's two flows.
 */
function serverArgs(target: Target, folder: string, bundle: string): string[] {
  if (!isFlowbus(target)) return ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', target];
  const entry =
    target === 'flowbus-tsx'
      ? ['--import', 'tsx', join(root, 'app', 'main.ts')]
      : [target === 'flowbus-bundle' ? process.env.BENCH_BUNDLE! : bundle];
  const where = ['--port', '0', '--host', '127.0.0.1', '--flows', join(folder, 'flows'), '--data', join(folder, 'data')];
  return [...SERVER_FLAGS, '--enable-source-maps', ...entry, 'serve', ...where];
}

/** The environment of a server: this one's without flowbus settings, so none of them changes what is measured. */
function serverEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('FLOWBUS_')));
  return { ...env, FLOWBUS_LOG_LEVEL: 'warn' };
}

function startChild(target: Target, folder: string, bundle: string): Promise<{ child: ChildProcess; port: number }> {
  const args = serverArgs(target, folder, bundle);
  let pinned = false;
  try {
    execFileSync('taskset', ['-c', '0', 'true']);
    pinned = true;
  } catch {
    // No taskset: the server shares the cores with the load generator.
  }
  const options: SpawnOptions = { cwd: root, env: serverEnv(), stdio: ['ignore', 'pipe', 'pipe'] };
  const child = pinned
    ? spawn('taskset', ['-c', '1', process.execPath, ...args], options)
    : spawn(process.execPath, args, options);
  return new Promise((resolve, reject) => {
    let output: string | undefined = '';
    child.once('exit', (code) => reject(new Error(`${target} server exited with ${code}: ${output}`)));
    // flowbus says `flowbus is serving on http://127.0.0.1:<port>` on stderr; the bench's own servers `PORT <port>`
    const onData = (chunk: Buffer) => {
      if (output === undefined) return void process.stderr.write(chunk);
      output += chunk.toString();
      const match = /PORT (\d+)|serving on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (!match) return;
      output = undefined; // from here on, what the server says is passed on
      resolve({ child, port: Number(match[1] ?? match[2]) });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
  });
}

/** Stops a server by its PID: flowbus with SIGTERM (it shuts down, and `--cpu-prof` writes its profile), others at once. */
async function stopChild(target: Target, child: ChildProcess): Promise<void> {
  child.removeAllListeners('exit');
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(isFlowbus(target) ? 'SIGTERM' : 'SIGKILL');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

async function drive(port: number, seconds: number, path: string): Promise<CannonResult> {
  const autocannon = createRequire(import.meta.url)('autocannon') as Cannon;
  return autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(EVENT),
  });
}

/** CPU seconds (user + system) and resident memory of a process, from /proc; undefined elsewhere. */
async function processTimes(pid: number): Promise<{ cpuSeconds: number; rssMb: number } | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    // Linux reports CPU time in clock ticks of 1/100 s on every common platform.
    return { cpuSeconds: ticks / 100, rssMb: rssKb / 1024 };
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'flowbus-bench-'));
  await mkdir(join(folder, 'flows'));
  await writeFile(join(folder, 'flows', 'alarm.flow.json'), `${JSON.stringify(FLOW, null, 2)}\n`);
  await writeFile(join(folder, 'flows', 'alarm-try.flow.json'), `${JSON.stringify(TRY_FLOW, null, 2)}\n`);
  const bundle = await buildServer({ quiet: true });
  const rows: Array<{ target: Target; result: CannonResult; use: ProcessUse }> = [];
  try {
    for (const target of TARGETS) {
      const { child, port } = await startChild(target, folder, bundle);
      try {
        await drive(port, 0.2, pathOf(target)); // a few requests: every module an execution needs is loaded
        const idle = await processTimes(child.pid!);
        await drive(port, Math.min(3, SECONDS), pathOf(target)); // warm-up: JIT, caches
        const before = await processTimes(child.pid!);
        const result = await drive(port, SECONDS, pathOf(target));
        const after = await processTimes(child.pid!);
        const use: ProcessUse = { idleRssMb: idle?.rssMb, rssMb: after?.rssMb };
        if (before && after && result.requests.total) {
          use.cpuMicros = ((after.cpuSeconds - before.cpuSeconds) * 1e6) / result.requests.total;
        }
        rows.push({ target, result, use });
        console.log(`${target}: ${Math.round(result.requests.average)} req/s`);
      } finally {
        await stopChild(target, child);
      }
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  const reference = rows.find((row) => row.target === 'node-http-jsonata')!.result.requests.average;
  console.log(`\n${CONNECTIONS} connections, ${SECONDS} s each; server on one core when taskset exists`);
  console.log('flowbus: the compiled bundle as shipped; flowbus-tsx: the same server from the sources through tsx');
  console.log(
    'target               req/s  p50 ms  p99 ms  errors  non2xx vs node:http+jsonata vs Node-RED*  CPU µs/req' +
      '  CPU vs node:http+jsonata  RSS MB idle / loaded',
  );
  const referenceCpu = rows.find((row) => row.target === 'node-http-jsonata')!.use.cpuMicros;
  const megabytes = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(0));
  for (const { target, result, use } of rows) {
    const rate = result.requests.average;
    // Scaled through node:http + JSONata, so a busy or slower machine does not distort the comparison.
    const scaled = ((rate / reference) * NODE_HTTP_JSONATA_REFERENCE) / NODE_RED_REFERENCE;
    const cells = [
      target.padEnd(18),
      Math.round(rate).toString().padStart(7),
      result.latency.p50.toFixed(1).padStart(7),
      result.latency.p99.toFixed(1).padStart(7),
      String(result.errors).padStart(7),
      String(result.non2xx).padStart(7),
      `${(rate / reference).toFixed(2)}x`.padStart(20),
      `${scaled.toFixed(2)}x`.padStart(13),
      (use.cpuMicros === undefined ? '-' : use.cpuMicros.toFixed(0)).padStart(11),
      (use.cpuMicros === undefined || !referenceCpu ? '-' : `${(use.cpuMicros / referenceCpu).toFixed(2)}x`).padStart(25),
      `${megabytes(use.idleRssMb)} / ${megabytes(use.rssMb)}`.padStart(21),
    ];
    console.log(cells.join(' '));
  }
  const bare = rows.find((row) => row.target === 'flowbus');
  const scoped = rows.find((row) => row.target === 'flowbus-try');
  if (bare?.use.cpuMicros && scoped?.use.cpuMicros) {
    const ratio = scoped.use.cpuMicros / bare.use.cpuMicros;
    console.log(`flowbus with a Try / without: ${ratio.toFixed(2)}x CPU per request (aim ≤ 1.20x)`);
  }
  console.log(
    `* Node-RED 4.1 measured ${NODE_RED_REFERENCE} req/s where node:http + JSONata measured ` +
      `${NODE_HTTP_JSONATA_REFERENCE}; the column scales this run's ratio by those figures.`,
  );
}

if (process.argv[2] === '--serve') await serve(process.argv[3] as Target);
else await main();
