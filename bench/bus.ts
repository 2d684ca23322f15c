/**
 * @module Benchmark of the event bus end to end: events posted over HTTP to `/events` (journal fsync'd before
 * each 202) until a loopback webhook receiver has every one of them, for single events and for batches, with
 * and without batch delivery, against a hand-written node:http baseline (bench/bus-baseline.ts) in the same run.
 * Run: `node --import tsx bench/bus.ts` (BENCH_EVENTS sets the count per case, BENCH_CASES a comma-separated
 * list of case numbers, 1-based). CPU per event is the whole process's: server, clients and receiver.
 */
import express from 'express';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventBus } from '../engine/bus/index.js';
import { installBusRoutes } from '../engine/server/api/bus-routes.js';
import { startBaseline } from './bus-baseline.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const CLIENTS = 32;

interface Case {
  name: string;
  /** The hand-written node:http server instead of flowbus. */
  baseline?: boolean;
  /** Events per request: 1 is structured mode, more is a JSON batch. */
  perRequest: number;
  target: Record<string, unknown>;
}

const batchDelivery = { batch: { maxEvents: 100, maxWaitMs: 20 } };
const allCases: Case[] = [
  { name: 'node:http by hand, single events -> webhook', baseline: true, perRequest: 1, target: {} },
  { name: 'single events -> webhook', perRequest: 1, target: {} },
  { name: 'single events -> webhook, batch delivery', perRequest: 1, target: batchDelivery },
  { name: 'batches of 50 -> webhook, batch delivery', perRequest: 50, target: batchDelivery },
];
const chosen = process.env.BENCH_CASES?.split(',').map((number) => allCases[Number(number) - 1]!);
const cases = chosen ?? allCases;

interface Delivered {
  EventList?: Array<{ id: string }>;
  id?: string;
}

/** A receiver that notes when each event arrived. */
async function startReceiver(arrived: Map<string, number>) {
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Delivered;
      const now = performance.now();
      for (const event of body.EventList ?? [body]) arrived.set(event.id!, now);
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sink` };
}

/** POSTs with node's HTTP client (lighter than fetch, so the load generator takes less of the CPU). */
function post(url: string, agent: Agent, contentType: string, body: string) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const options = { method: 'POST', agent, headers: { 'content-type': contentType } };
    const outgoing = request(url, options, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function percentile(sorted: number[], fraction: number): string {
  return (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0).toFixed(1);
}

async function startBus(folder: string, receiverUrl: string, benchCase: Case) {
  const config = { url: receiverUrl };
  const target = { id: 'sink', type: 'webhook', config, concurrency: 8, ...benchCase.target };
  const rule = { format: 'flowbus/rule@1', name: 'bench', pattern: { source: ['bench'] }, targets: [target] };
  await mkdir(join(folder, 'flows'));
  await writeFile(join(folder, 'flows', 'bench.rule.json'), JSON.stringify(rule));
  const flowsDir = join(folder, 'flows');
  // The queue bounds would answer 429 while delivery lags behind ingest; the bench measures both rates.
  const limits = { maxQueuedPerTarget: EVENTS + 1, maxUnsettledEvents: EVENTS + 1 };
  const bus = await createEventBus({ dataDir: join(folder, 'data'), flowsDir, sync: true, limits });
  const app = express();
  installBusRoutes(app, bus);
  bus.start();
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`,
    idle: () => bus.idle(),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await bus.close();
    },
  };
}

async function run(benchCase: Case): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'flowbus-bench-bus-'));
  const arrived = new Map<string, number>();
  const receiver = await startReceiver(arrived);
  const ingest = benchCase.baseline
    ? await startBaseline(folder, receiver.url)
    : await startBus(folder, receiver.url, benchCase);
  const { url } = ingest;
  const single = benchCase.perRequest === 1;
  const contentType = single ? 'application/cloudevents+json' : 'application/cloudevents-batch+json';
  const sentAt = new Map<string, number>();
  const acked: number[] = [];
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  let next = 0;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const client = async () => {
    while (next < EVENTS) {
      const events = [];
      for (let index = 0; index < benchCase.perRequest && next < EVENTS; index++) {
        const id = `b-${next++}`;
        events.push({ specversion: '1.0', id, source: 'bench', type: 'bench.event', data: { n: next } });
      }
      const before = performance.now();
      for (const event of events) sentAt.set(event.id, before);
      const response = await post(url, agent, contentType, JSON.stringify(single ? events[0] : events));
      if (response.status !== 202) throw new Error(`ingest answered ${response.status}: ${response.text}`);
      acked.push(performance.now() - before);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const ingestSeconds = (performance.now() - started) / 1000;
  await ingest.idle();
  const totalSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuPerEvent = ((cpu.user + cpu.system) / EVENTS).toFixed(0);
  if (arrived.size !== EVENTS) throw new Error(`${EVENTS - arrived.size} events did not arrive`);
  const latencies = [...arrived].map(([id, at]) => at - sentAt.get(id)!).sort((left, right) => left - right);
  acked.sort((left, right) => left - right);
  const rate = (seconds: number) => (EVENTS / seconds).toFixed(0).padStart(6);
  console.log(
    `${benchCase.name.padEnd(44)} ingest ${rate(ingestSeconds)} events/s, end to end ${rate(totalSeconds)} ` +
      `events/s, CPU ${cpuPerEvent.padStart(4)} µs/event; ` +
      `202 after p50 ${percentile(acked, 0.5)} ms p99 ${percentile(acked, 0.99)} ms; ` +
      `at target after p50 ${percentile(latencies, 0.5)} ms p99 ${percentile(latencies, 0.99)} ms`,
  );
  agent.destroy();
  await ingest.close();
  receiver.server.close();
  await rm(folder, { recursive: true, force: true });
}

console.log(
  `event bus end to end: ${EVENTS} events per case, ${CLIENTS} concurrent HTTP clients in the same ` +
    `process, journal fsync on (node ${process.version})`,
);
for (const benchCase of cases) await run(benchCase);
