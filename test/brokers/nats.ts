/**
 * @module A NATS server with JetStream for tests: Debian's `nats-server` on 127.0.0.1, a free port and a
 * temporary store folder, stopped by its PID.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBrokerPackages, NATS_PACKAGE } from './install.js';
import { freePort, waitForPort } from './ports.js';

/** A running broker for a test file. */
export interface RunningBroker {
  /** `nats://127.0.0.1:P` or `amqp://guest:guest@127.0.0.1:P`. */
  url: string;
  port: number;
  /** Stops the broker and removes its folder. */
  stop(): Promise<void>;
  /** Takes the broker away (its clients lose their connections) until `resume`; its data stays. */
  pause(): Promise<void>;
  /** Starts it again on the same port and data. */
  resume(): Promise<void>;
}

/**
 * Starts `nats-server -js`; resolves once its port accepts connections (about 0.1 s).
 *
 * @example
 * const nats = await startNats();
 * afterAll(() => nats.stop());
 */
export async function startNats(): Promise<RunningBroker> {
  ensureBrokerPackages([NATS_PACKAGE]);
  const folder = await mkdtemp(join(tmpdir(), 'flowbus-nats-'));
  const port = await freePort();
  const args = ['-js', '-sd', folder, '-a', '127.0.0.1', '-p', String(port)];
  let running: { child: ChildProcess; exited: Promise<void> } | undefined;
  const launch = async () => {
    const child = spawn(NATS_PACKAGE.binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr!.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
    running = { child, exited: new Promise<void>((resolve) => child.once('exit', () => resolve())) };
    try {
      await waitForPort(port, 'nats-server did not listen', 15_000, () => errors);
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
  };
  const halt = async () => {
    if (!running) return;
    const { child, exited } = running;
    running = undefined;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  await launch();
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    pause: halt,
    resume: launch,
    async stop() {
      await halt();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
