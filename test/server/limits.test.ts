/**
 * @module The probes of what one execution may hold, against a real server in a child process: a For Each
 * over ten million items and a 200 MB `$pad` end in typed limit errors naming the step, the server's resident
 * memory (read from /proc/<pid>/status) stays under 512 MB, and `/api/health`, polled every 100 ms, answers
 * each poll within 500 ms; a long but allowed loop leaves a bounded record.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expr, httpFlow, json, readAnswer, setPayload, step, type Answer } from './helpers.js';
import { waitFor } from '../support/wait-for.js';

const CHILD = fileURLToPath(new URL('./limits-child.ts', import.meta.url));
const MAX_RSS = 512 * 1024 * 1024;

const flows = {
  // Regression: kept 184,670 trace entries, a 50 MB record and 2.2 GB of memory.
  'for-each-10m': httpFlow('/for-each-10m', [
    { id: 'each', type: 'for-each', config: { items: expr('[1..10000000]') }, steps: [setPayload('n', expr('payload'))] },
  ]),
  // Regression: answered a 200 MB reply with 938 MB of memory and health blocked for 6.3 s.
  pad: httpFlow('/pad', [setPayload('big', expr('$pad("", 200000000, "x")'))]),
  'long-loop': httpFlow('/long-loop', [
    {
      id: 'each',
      type: 'for-each',
      config: { items: expr('[1..3000]') },
      steps: [step('note', 'logger', { level: 'DEBUG', category: 'loop', content: expr('$string(payload)') })],
    },
  ]),
};

let root: string;
let child: ChildProcess;
let url: string;

async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'flowbus-limits-'));
  await mkdir(join(root, 'flows'));
  for (const [id, document] of Object.entries(flows)) {
    await writeFile(join(root, 'flows', `${id}.flow.json`), JSON.stringify(document));
  }
  child = spawn(process.execPath, ['--import', 'tsx', CHILD, join(root, 'flows'), join(root, 'data')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /LISTENING (\S+)/.exec(output)?.[1];
      if (found) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}: ${errors}`)));
  });
}, 60_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  await rm(root, { recursive: true, force: true });
});

interface Watch {
  slowestHealthMs: number;
  polls: number;
  maxRss: number;
}

/** Runs `work` while polling health every 100 ms and sampling the server's memory. */
async function watched<T>(work: () => Promise<T>): Promise<{ result: T; watch: Watch }> {
  const watch: Watch = { slowestHealthMs: 0, polls: 0, maxRss: await rssOf(child.pid!) };
  let done = false;
  const poller = (async () => {
    while (!done) {
      const started = performance.now();
      const answer = await fetch(`${url}/api/health`);
      await answer.arrayBuffer();
      expect(answer.status).toBe(200);
      watch.slowestHealthMs = Math.max(watch.slowestHealthMs, performance.now() - started);
      watch.maxRss = Math.max(watch.maxRss, await rssOf(child.pid!));
      watch.polls++;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  try {
    const result = await work();
    // A few more polls after the work, so that a stall or memory left behind would be seen too.
    const pollsAtEnd = watch.polls;
    await waitFor(() => watch.polls >= pollsAtEnd + 2, 'two more health polls');
    return { result, watch };
  } finally {
    done = true;
    await poller;
  }
}

const post = async (path: string): Promise<Answer> => readAnswer(await fetch(`${url}${path}`, json('POST', {})));

describe('bounds on one execution, against a server process', () => {
  it.each([
    ['a For Each over [1..10000000]', '/for-each-10m', 'each'],
    ['$pad("", 200000000, "x")', '/pad', 'big'],
  ])('%s ends in EXPRESSION:LIMIT naming the step, memory and health unharmed', { timeout: 120_000 }, async (_, path, stepId) => {
    const { result, watch } = await watched(() => post(path));
    expect(result.status).toBe(500);
    expect(result.json.error).toMatchObject({ type: 'EXPRESSION:LIMIT', step: stepId });
    expect(result.json.error.message).toContain('limits.valueBytes');
    expect(watch.polls).toBeGreaterThan(0);
    expect(watch.slowestHealthMs).toBeLessThan(500);
    expect(watch.maxRss).toBeLessThan(MAX_RSS);
    const id = result.headers.get('x-flowbus-execution');
    const stored = await readAnswer(await fetch(`${url}/api/executions/${id}`));
    expect(stored.json.error).toMatchObject({ type: 'EXPRESSION:LIMIT', step: stepId });
  });

  it('a long allowed loop keeps health answering and leaves a record of the first and last steps', { timeout: 180_000 }, async () => {
    const { result, watch } = await watched(() => post('/long-loop'));
    expect(result.status).toBe(200);
    expect(watch.slowestHealthMs).toBeLessThan(500);
    expect(watch.maxRss).toBeLessThan(MAX_RSS);
    const id = result.headers.get('x-flowbus-execution');
    const stored = await readAnswer(await fetch(`${url}/api/executions/${id}`));
    expect(stored.json.steps).toHaveLength(1000);
    expect(stored.json.steps[0]).toMatchObject({ stepId: 'each' });
    expect(stored.json.steps.at(-1)).toMatchObject({ stepId: 'note', iteration: 2999 });
    expect(stored.json.elided.steps).toEqual({ count: 2001, after: 500, byKey: { note: 2001 } });
    expect(stored.json.elided.logs).toMatchObject({ count: 2000, after: 500 });
    expect(stored.text.length).toBeLessThanOrEqual(1024 * 1024);
  });
});
