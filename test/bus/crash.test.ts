/**
 * @module The crash test: about 3000 events posted concurrently to a bus in a child process, which is
 * killed with SIGKILL midway and restarted on the same data folder; every event that was acknowledged (202)
 * reaches the webhook target at least once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleFile, waitFor } from './helpers.js';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const TOTAL = 3000;
const KILL_AFTER_ACKS = 1500;
const CONCURRENCY = 48;

let folder: string;
let receiver: Server;
let receiverUrl: string;
const received = new Map<string, number>();
const children = new Set<ChildProcess>();

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'flowbus-crash-'));
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const parsed = JSON.parse(body) as { EventList?: Array<{ id: string }>; id?: string };
      for (const event of parsed.EventList ?? [parsed]) received.set(
        event.id!,
        (received.get(event.id!) ?? 0) + 1,
      );
      response.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/sink`;
  await mkdir(join(folder, 'flows'));
  const target = {
    id: 'sink',
    type: 'webhook',
    config: { url: receiverUrl },
    batch: { maxEvents: 25, maxWaitMs: 20 },
    concurrency: 2,
  };
  await writeFile(
    join(folder, 'flows', 'all.rule.json'),
    JSON.stringify(ruleFile({ source: ['crash.test'] }, [target])),
  );
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
  await rm(folder, { recursive: true, force: true });
});

/** Starts the bus process and answers it with the URL it listens on. */
async function startChild(): Promise<{ child: ChildProcess; url: string }> {
  const args = ['--import', 'tsx', CHILD, join(folder, 'data'), join(folder, 'flows')];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = /LISTENING (\d+)/.exec(output)?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
    });
    child.once('exit', (code) => reject(new Error(`the bus process exited with ${code}: ${errors}`)));
  });
  return { child, url };
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

describe('crash test', () => {
  it('delivers every acknowledged event at least once after a SIGKILL and a restart', async () => {
    const first = await startChild();
    const acked: string[] = [];
    let killed = false;
    let next = 0;
    const sender = async () => {
      while (next < TOTAL) {
        const id = `crash-${next++}`;
        const body = JSON.stringify({
          specversion: '1.0',
          id,
          source: 'crash.test',
          type: 'crash.event',
          data: { n: next },
        });
        try {
          const response = await fetch(`${first.url}/events`, {
            method: 'POST',
            headers: { 'content-type': 'application/cloudevents+json' },
            body,
          });
          if (response.status === 202) acked.push(id);
          await response.arrayBuffer();
        } catch {
          // the process is gone: this event was never acknowledged
        }
        if (!killed && acked.length >= KILL_AFTER_ACKS) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, sender));
    expect(killed).toBe(true);
    await exited(first.child);
    const lostBeforeRestart = acked.filter((id) => !received.has(id)).length;

    const second = await startChild();
    await waitFor(
      () => acked.every((id) => received.has(id)),
      'every acknowledged event at the receiver',
      30_000,
    );
    const duplicates = [...received.values()].filter((count) => count > 1).length;
    console.log(
      `crash test: ${acked.length} acknowledged, ${lostBeforeRestart} undelivered at the kill and ` +
        `delivered after the restart, ${duplicates} delivered twice`,
    );
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(lostBeforeRestart).toBeGreaterThan(0);
    second.child.kill('SIGTERM');
    await exited(second.child);
  }, 60_000);
});
