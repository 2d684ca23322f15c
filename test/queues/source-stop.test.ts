/**
 * @module A stopped queue source leaves nothing running: a process that started the NATS source against a
 * real server and stopped it exits by itself (regression: the consumer's idle-heartbeat timer outlived the
 * closed connection, so `npm run bench queues` never exited and each source restart leaked a timer).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startNats, type RunningBroker } from '../brokers/nats.js';
import { waitFor } from '../stories/story-server.js';

const CHILD = fileURLToPath(new URL('./source-stop-child.ts', import.meta.url));
let nats: RunningBroker;

beforeAll(async () => {
  nats = await startNats();
}, 60_000);
afterAll(() => nats?.stop());

it('a process whose NATS source was stopped exits by itself', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, nats.url], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    await waitFor(() => output.includes('stopped'), 'the source stopped', 30_000);
    // Exiting takes a few milliseconds once nothing is left; 5 s means something still holds the event loop.
    await waitFor(() => child.exitCode !== null, 'the child process to exit by itself', 5_000);
    expect(child.exitCode).toBe(0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}, 60_000);
