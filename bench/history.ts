/**
 * @module Benchmark of the execution history: writes 1,000,000 records of the story-1 flow (a real dry-run
 * record, stored as the server stores it) to the segment history in bursts of 1,000 (one flush and one
 * fdatasync each, as `history.flushIntervalMs` coalesces them), and prints the cost of one write while the
 * history holds 1,000 records against its cost at 1,000,000 in the same run; then list and filter latencies,
 * reads by id, and the time to reopen (rebuild the index) at 1 M. Run: `node --import tsx bench/history.ts`
 * (BENCH_HISTORY_RECORDS sets the count).
 */
import { readFile, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppRegistry } from '../app/registry.js';
import type { FlowDocument } from '../engine/flow/document.js';
import { createRedactor } from '../engine/logging/redact.js';
import { compileFlow } from '../engine/runtime/index.js';
import { eventTriggerInput } from '../engine/runtime/trigger-input.js';
import { toStoredExecution } from '../engine/server/executions/stored-record.js';
import { ExecutionHistory } from '../engine/store/history/execution-history.js';
import type { ExecutionQuery, StoredExecution } from '../engine/store/types.js';

const RECORDS = Number(process.env.BENCH_HISTORY_RECORDS ?? 1_000_000);
const BURST = 1000;
const WINDOW = 5000;
const FLOWS = 20;

const root = new URL('../', import.meta.url);
const document = JSON.parse(await readFile(new URL('flows/alarm-to-wecom.flow.json', root), 'utf8')) as FlowDocument;
const event = JSON.parse(await readFile(new URL('flows/events/cvm-guest-reboot.json', root), 'utf8'));
const flow = compileFlow('alarm-to-wecom', document, createAppRegistry());
const ran = await flow.execute(eventTriggerInput(event), { dryRun: true });
const base = toStoredExecution(ran, { trigger: 'event', flowVersion: 'v1' }, createRedactor());
const failed = { type: 'HTTP:STATUS', message: 'POST https://qyapi.weixin.qq.com answered 502', step: 'send' };

const T0 = Date.UTC(2026, 0, 1);
function record(n: number): StoredExecution {
  const startedAt = T0 + n * 10;
  // Failures (1 in 13) and HTTP starts (1 in 3) fall in every flow, as they would.
  const variant: Partial<StoredExecution> = n % 13 === 7 ? { status: 'failed', error: failed } : {};
  return {
    ...base,
    ...variant,
    id: `exec-${n.toString(36).padStart(8, '0')}`,
    flowId: `flow-${n % FLOWS}`,
    trigger: n % 3 === 0 ? 'http' : 'event',
    startedAt,
    endedAt: startedAt + 3,
  };
}

interface Window {
  at: number;
  wallPerWrite: number;
  cpuPerWrite: number;
  addPerWrite: number;
}

/** Writes `count` records in bursts of BURST, each burst flushed (and synced); answers the costs. */
async function writeWindow(history: ExecutionHistory, from: number, count: number): Promise<Window> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  let adding = 0;
  for (let n = from; n < from + count; n += BURST) {
    const addStarted = performance.now();
    for (let k = n; k < n + BURST; k++) history.add(record(k));
    adding += performance.now() - addStarted;
    await history.flush();
  }
  const used = process.cpuUsage(cpu);
  return {
    at: from,
    wallPerWrite: ((performance.now() - started) * 1000) / count,
    cpuPerWrite: (used.user + used.system) / count,
    addPerWrite: (adding * 1000) / count,
  };
}

const show = (window: Window) =>
  `  history at ${String(window.at).padStart(9)}: ${window.wallPerWrite.toFixed(2).padStart(6)} µs/write wall, ` +
  `${window.cpuPerWrite.toFixed(2).padStart(6)} µs CPU, ${window.addPerWrite.toFixed(2).padStart(5)} µs in add()`;

function timeQueries(history: ExecutionHistory, name: string, query: ExecutionQuery, rounds = 200): string {
  const times: number[] = [];
  let shown = 0;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    shown = history.list(query).length;
    times.push(performance.now() - started);
  }
  times.sort((left, right) => left - right);
  const median = times[Math.floor(rounds / 2)]!;
  const p99 = times[Math.floor(rounds * 0.99)]!;
  return `  ${name.padEnd(46)} ${median.toFixed(3).padStart(7)} ms median ${p99.toFixed(3).padStart(7)} ms p99 (${shown} rows)`;
}

const dir = await mkdtemp(join(tmpdir(), 'flowbus-bench-history-'));
const retention = { maxPerFlow: RECORDS, maxAgeMs: 10 * 365 * 86_400_000 };
const options = { dir, retention, flushIntervalMs: 60_000, now: () => T0 + RECORDS * 10 };
const recordBytes = Buffer.byteLength(JSON.stringify(record(1)));
console.log(`${RECORDS} records of ${recordBytes} bytes (story-1 dry run as stored), ${FLOWS} flows, bursts of ${BURST} with one fdatasync each (node ${process.version})`);
try {
  const { history } = await ExecutionHistory.open(options);
  await writeWindow(history, 0, BURST); // warm up: the history holds 1,000 records
  const early = await writeWindow(history, BURST, WINDOW);
  let written = BURST + WINDOW;
  const marks = [250_000, 500_000, 750_000];
  const middle: Window[] = [];
  while (written < RECORDS - WINDOW) {
    const count = Math.min(WINDOW, RECORDS - WINDOW - written);
    const window = await writeWindow(history, written, count);
    if (marks.some((mark) => mark >= written && mark < written + count)) middle.push(window);
    written += count;
  }
  const late = await writeWindow(history, written, RECORDS - written);
  console.log('cost of one write (bursts of 1,000 records framed, appended and synced; 5,000 writes per figure):');
  for (const window of [early, ...middle, late]) console.log(show(window));
  const ratio = late.wallPerWrite / early.wallPerWrite;
  console.log(`  ratio at ${RECORDS} / at ${BURST}: ${ratio.toFixed(2)} wall, ${(late.cpuPerWrite / early.cpuPerWrite).toFixed(2)} CPU (must be within 1.5)`);

  // Control for the disk: a second history kept at 1,000 records by retention, written in turns with the
  // big one, so both see the same disk and the same process (whose heap holds the big index).
  const smallDir = await mkdtemp(join(tmpdir(), 'flowbus-bench-history-small-'));
  const small = (
    await ExecutionHistory.open({ ...options, dir: smallDir, retention: { ...retention, maxPerFlow: BURST / FLOWS } })
  ).history;
  await writeWindow(small, 0, BURST);
  const turns: Array<[Window, Window]> = [];
  for (let turn = 0; turn < 3; turn++) {
    const smallWindow = await writeWindow(small, BURST * (turn + 1) * 10, WINDOW);
    turns.push([smallWindow, await writeWindow(history, RECORDS + turn * WINDOW, WINDOW)]);
  }
  await small.close();
  await rm(smallDir, { recursive: true, force: true });
  console.log(`in turns, same disk and heap: history held at ${small.size} by retention / history at ${history.size - WINDOW}+:`);
  for (const [smallWindow, bigWindow] of turns) {
    const wall = `${smallWindow.wallPerWrite.toFixed(1)} / ${bigWindow.wallPerWrite.toFixed(1)} µs wall`;
    const cpu = `${smallWindow.cpuPerWrite.toFixed(1)} / ${bigWindow.cpuPerWrite.toFixed(1)} µs CPU`;
    console.log(`  ${wall}, ${cpu}, ratio ${(bigWindow.wallPerWrite / smallWindow.wallPerWrite).toFixed(2)} wall`);
  }

  console.log(`list and filter at ${history.size} records (newest first, limit 50 unless said):`);
  const mid = T0 + (RECORDS / 2) * 10;
  for (const [name, query] of [
    ['all flows', {}],
    ['one flow', { flowId: 'flow-3' }],
    ['status failed', { status: 'failed' }],
    ['trigger http', { trigger: 'http' }],
    ['one flow, failed', { flowId: 'flow-7', status: 'failed' }],
    ['a 10 s window in the middle', { since: mid, until: mid + 10_000 }],
    ['until the middle, limit 1000', { until: mid, limit: 1000 }],
    ['one flow, cancelled: none (scans the flow)', { flowId: 'flow-3', status: 'cancelled' }],
    ['all flows, cancelled: none (scans everything)', { status: 'cancelled' }],
  ] as Array<[string, ExecutionQuery]>) {
    console.log(timeQueries(history, name, query));
  }
  const reads: number[] = [];
  for (let round = 0; round < 1000; round++) {
    const n = Math.floor((round * 7919 * 104_729) % RECORDS);
    const started = performance.now();
    const found = await history.get(record(n).id);
    reads.push(performance.now() - started);
    if (found?.id !== record(n).id) throw new Error(`read back the wrong record for ${n}`);
  }
  reads.sort((left, right) => left - right);
  console.log(`  get by id (random, from disk)                  ${reads[500]!.toFixed(3).padStart(7)} ms median ${reads[990]!.toFixed(3).padStart(7)} ms p99`);
  const memory = process.memoryUsage();
  console.log(`memory with the index of ${history.size}: heap ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB, rss ${(memory.rss / 2 ** 20).toFixed(0)} MiB`);
  await history.close();

  const files = (await readdir(dir)).filter((name) => name.endsWith('.seg'));
  let bytes = 0;
  for (const name of files) bytes += (await stat(join(dir, name))).size;
  const started = performance.now();
  const { history: reopened } = await ExecutionHistory.open(options);
  const seconds = (performance.now() - started) / 1000;
  console.log(`reopen: ${reopened.size} records from ${files.length} segments (${(bytes / 2 ** 20).toFixed(0)} MiB) indexed in ${seconds.toFixed(1)} s`);
  await reopened.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
