/**
 * @module What the crash tests share: a child process (a bus or a whole server) started on a data folder and
 * killed with SIGKILL, a burst of events posted to it that counts what was acknowledged, and a receiver on
 * loopback that records which event ids arrived and can hold its answers back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitFor } from '../support/wait-for.js';

/** A running child: the URL it listens on and every line it wrote to stderr (its log). */
export interface Child {
  process: ChildProcess;
  url: string;
  logs: string[];
}

const running = new Set<ChildProcess>();

/** Starts `node --import tsx <script> ...args`, which prints `LISTENING <port>` when it takes requests. */
export async function startChild(script: string, args: string[]): Promise<Child> {
  const argv = ['--import', 'tsx', script, ...args];
  const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const logs: string[] = [];
  let partial = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop()!;
    logs.push(...lines);
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = /LISTENING (\d+)/.exec(output)?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
    });
    child.once('exit', (code) => reject(new Error(`the child exited with ${code}: ${logs.join('\n')}`)));
  });
  return { process: child, url, logs };
}

/** Resolves once the process has exited. */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Stops a child gracefully (SIGTERM), by SIGKILL when it takes longer than `graceMs`. */
export async function stopChild(child: Child, graceMs = 15_000): Promise<void> {
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), graceMs);
  await exited(child.process);
  clearTimeout(timer);
}

/** Kills every child still running (for afterAll). */
export function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
}

export interface BurstOptions {
  total: number;
  /** SIGKILL the child once this many events were acknowledged; the senders go on until all are tried. */
  killAfterAcks: number;
  concurrency: number;
  source: string;
  /**
   * A further condition for the kill (e.g. executions are in flight); when it still fails once every event
   * was tried, the kill waits for it.
   */
  killWhen?: () => boolean;
}

/**
 * Posts `total` CloudEvents (ids `<source>-<n>`) concurrently, kills the child midway, and answers the ids
 * that were acknowledged (202): the ones the bus must not lose.
 */
export async function burstAndKill(child: Child, options: BurstOptions): Promise<string[]> {
  const acked: string[] = [];
  let killed = false;
  let next = 0;
  const sender = async () => {
    while (next < options.total) {
      const n = next++;
      const id = `${options.source}-${n}`;
      const event = { specversion: '1.0', id, source: options.source, type: 'crash.event', data: { n } };
      const body = JSON.stringify(event);
      try {
        const response = await fetch(`${child.url}/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/cloudevents+json' },
          body,
        });
        if (response.status === 202) acked.push(id);
        await response.arrayBuffer();
      } catch {
        // the process is gone: this event was never acknowledged
      }
      if (!killed && acked.length >= options.killAfterAcks && (options.killWhen?.() ?? true)) {
        killed = true;
        child.process.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, sender));
  if (!killed && acked.length >= options.killAfterAcks && options.killWhen) {
    await waitFor(options.killWhen, 'the kill condition', 30_000);
    killed = true;
    child.process.kill('SIGKILL');
  }
  if (!killed) throw new Error(`only ${acked.length} of ${options.total} events were acknowledged`);
  await exited(child.process);
  return acked;
}

/** A loopback receiver counting the event ids it is sent (`{"id"}`, a CloudEvent, or `{"EventList"}`). */
export interface Recorder {
  url: string;
  received: Map<string, number>;
  /** While true, requests are neither recorded nor answered (deliveries stay pending until a crash). */
  holding: boolean;
  /** Milliseconds to wait before each answer (a slow target builds a backlog). */
  delayMs: number;
  /** Ids received more than once. */
  duplicates(): number;
  close(): Promise<void>;
}

export async function startRecorder(): Promise<Recorder> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const answer = () => {
        // Like a receiver that commits when it answers: a call whose sender died meanwhile did nothing.
        if (response.destroyed || request.socket.destroyed) return;
        const parsed = JSON.parse(body) as { EventList?: Array<{ id: string }>; id?: string };
        for (const event of parsed.EventList ?? [parsed]) {
          recorder.received.set(event.id!, (recorder.received.get(event.id!) ?? 0) + 1);
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      };
      if (!recorder.holding) setTimeout(answer, recorder.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const recorder: Recorder = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sink`,
    received: new Map(),
    holding: false,
    delayMs: 0,
    duplicates: () => [...recorder.received.values()].filter((count) => count > 1).length,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  return recorder;
}
