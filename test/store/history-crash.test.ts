/**
 * @module Crash test of the segment history: a child appending records is killed with SIGKILL mid-write,
 * three times; after each kill every record it had reported durable is read back, and only a torn tail (never
 * corruption) may be found.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ExecutionHistory } from '../../engine/store/history/execution-history.js';

const writer = fileURLToPath(new URL('./history-writer.ts', import.meta.url));
const children = new Set<ChildProcess>();
const folders: string[] = [];
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

/** Runs the writer from record `start` until it reported `atLeast` durable, then SIGKILLs it mid-burst. */
async function writeAndKill(dir: string, start: number, atLeast: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', writer, dir, String(start)], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  let durable = start;
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the writer exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const lines = output.split('\n');
      output = lines.pop()!;
      for (const line of lines) durable = Number(/^FLUSHED (\d+)$/.exec(line)?.[1] ?? durable);
      if (durable >= atLeast) {
        child.stdout!.removeAllListeners('data');
        child.kill('SIGKILL');
        resolve();
      }
    });
  });
  child.removeAllListeners('exit');
  if (child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.once('exit', resolve));
  children.delete(child);
  expect(child.signalCode).toBe('SIGKILL');
  return durable;
}

describe('history crash', () => {
  it('keeps every record reported durable across three SIGKILLs, and finds no corruption', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flowbus-history-crash-'));
    folders.push(dir);
    let next = 0;
    for (let run = 0; run < 3; run++) {
      const durable = await writeAndKill(dir, next, next + 3000);
      const { history, damage } = await ExecutionHistory.open({
        dir,
        retention: { maxPerFlow: 1_000_000, maxAgeMs: 3_650 * 86_400_000 },
        flushIntervalMs: 1000,
      });
      const kinds = damage.damaged.flatMap((segment) => segment.damages.map((found) => found.kind));
      expect(kinds.filter((kind) => kind !== 'torn-tail')).toEqual([]);
      expect(damage.records).toEqual([]);
      const missing: number[] = [];
      for (let n = 0; n < durable; n++) if (!history.has(`w-${n}`)) missing.push(n);
      expect(missing).toEqual([]);
      expect(history.size).toBeGreaterThanOrEqual(durable);
      expect((await history.get(`w-${durable - 1}`))?.input).toEqual({ payload: { text: 'x'.repeat(2000) } });
      console.log(`run ${run + 1}: ${durable} reported durable, ${history.size} read back, torn tails ${kinds.length}`);
      next = history.size;
      await history.close();
    }
  }, 120_000);
});
