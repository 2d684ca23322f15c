// Benchmark: the story-1 flow durable (a checkpoint at every step boundary into the execution journal,
// fdatasync shared by concurrent executions) against the same flow express (in memory), in the same run,
// 32 executions at a time: CPU per execution and executions/s. The robot call is stubbed by a dry run.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppRegistry } from '../app/registry.js';
import type { FlowDocument } from '../engine/flow/document.js';
import { ExecutionJournal } from '../engine/runtime/durable/execution-journal.js';
import { compileFlow } from '../engine/runtime/index.js';
import { eventTriggerInput } from '../engine/runtime/trigger-input.js';
import type { CompiledFlow, ExecuteOptions } from '../engine/runtime/types.js';

const root = new URL('../', import.meta.url);
const document = JSON.parse(await readFile(new URL('flows/alarm-to-wecom.flow.json', root), 'utf8')) as FlowDocument;
const event = JSON.parse(await readFile(new URL('flows/events/cvm-guest-reboot.json', root), 'utf8'));
const registry = createAppRegistry();
const input = eventTriggerInput(event);
const express = compileFlow('alarm-to-wecom', { ...document, execution: 'express' }, registry);
const durable = compileFlow('alarm-to-wecom', { ...document, execution: 'durable' }, registry);
const folder = await mkdtemp(join(tmpdir(), 'flowbus-bench-durable-'));
const { journal } = await ExecutionJournal.open(join(folder, 'journal'));

const CONCURRENCY = 32;
let sequence = 0;

interface Figures {
  perSecond: number;
  cpuMicros: number;
}

async function measure(flow: CompiledFlow, options: () => ExecuteOptions, seconds: number): Promise<Figures> {
  const run = async () => {
    const record = await flow.execute(input, { dryRun: true, ...options() });
    if (record.status !== 'succeeded') throw new Error(`flow failed: ${record.error?.message}`);
  };
  for (let index = 0; index < 300; index++) await run(); // warm up
  let count = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const worker = async () => {
    while (performance.now() < deadline) {
      await run();
      count++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const used = process.cpuUsage(cpu);
  const wall = (performance.now() - started) / 1000;
  return { perSecond: count / wall, cpuMicros: (used.user + used.system) / count };
}

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const line = (name: string, figures: Figures) =>
  console.log(
    `${name.padEnd(44)} ${figures.perSecond.toFixed(0).padStart(7)} executions/s  ${figures.cpuMicros.toFixed(1).padStart(7)} µs CPU each`,
  );
console.log(`story-1 flow in-process, ${CONCURRENCY} at a time, ${seconds} s per measurement (node ${process.version})`);
const results: Array<{ express: Figures; durable: Figures }> = [];
const ROUNDS = 3;
for (let round = 1; round <= ROUNDS; round++) {
  const expressFigures = await measure(express, () => ({}), seconds);
  line(`express (round ${round})`, expressFigures);
  const durableFigures = await measure(
    durable,
    () => ({ executionId: `bench-${++sequence}`, checkpoints: journal }),
    seconds,
  );
  line(`durable, journal with fdatasync (round ${round})`, durableFigures);
  results.push({ express: expressFigures, durable: durableFigures });
}
// Other processes share the machine: the median of the rounds is the figure to read.
const median = (values: number[]) => [...values].sort((left, right) => left - right)[values.length >> 1]!;
const cpu = (mode: 'express' | 'durable') => median(results.map((result) => result[mode].cpuMicros));
const rate = (mode: 'express' | 'durable') => median(results.map((result) => result[mode].perSecond));
console.log(
  `median of ${ROUNDS} rounds: express ${cpu('express').toFixed(1)} µs, ${rate('express').toFixed(0)}/s; ` +
    `durable ${cpu('durable').toFixed(1)} µs, ${rate('durable').toFixed(0)}/s`,
);
console.log(
  `durable / express: ${(cpu('durable') / cpu('express')).toFixed(2)}× CPU per execution, ` +
    `${(rate('durable') / rate('express')).toFixed(2)}× executions/s (aim: CPU under 1.5×)`,
);
await journal.close();
await rm(folder, { recursive: true, force: true });
