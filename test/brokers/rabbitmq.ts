/**
 * @module A RabbitMQ broker for tests: Debian's `rabbitmq-server` on 127.0.0.1 and free ports, with its own
 * node name, data, logs, config and epmd in a temporary folder owned by the `rabbitmq` user; stopped with
 * `rabbitmqctl stop`, then its epmd and anything left by PID.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmod, chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBrokerPackages, RABBITMQ_PACKAGE } from './install.js';
import type { RunningBroker } from './nats.js';
import { freePort, waitForPort } from './ports.js';

const SERVER = '/usr/lib/rabbitmq/bin/rabbitmq-server';
const CTL = '/usr/lib/rabbitmq/bin/rabbitmqctl';

/** A RabbitMQ broker; `ctl` runs `rabbitmqctl` against it. */
export interface RunningRabbitMq extends Omit<RunningBroker, 'pause' | 'resume'> {
  nodeName: string;
  ctl(...args: string[]): string;
}

function userIds(name: string): { uid: number; gid: number } {
  const uid = Number(spawnSync('id', ['-u', name], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', name], { encoding: 'utf8' }).stdout.trim());
  return { uid, gid };
}

/**
 * Starts a broker (about 10 s: start one per test file, not per test). Guest/guest may connect from
 * loopback.
 *
 * @example
 * const rabbit = await startRabbitMq();
 * afterAll(() => rabbit.stop());
 */
export async function startRabbitMq(): Promise<RunningRabbitMq> {
  ensureBrokerPackages([RABBITMQ_PACKAGE]);
  const folder = await mkdtemp(join(tmpdir(), 'flowbus-rabbitmq-'));
  const [port, distPort, epmdPort] = [await freePort(), await freePort(), await freePort()];
  const nodeName = `flowbus${port}@localhost`;
  await writeFile(join(folder, 'rabbitmq.conf'), `listeners.tcp.default = 127.0.0.1:${port}\n`);
  await writeFile(join(folder, 'enabled_plugins'), '[].\n');
  const { uid, gid } = userIds('rabbitmq');
  await chmod(folder, 0o755);
  for (const path of [folder, join(folder, 'rabbitmq.conf'), join(folder, 'enabled_plugins')]) {
    await chown(path, uid, gid);
  }
  const env = {
    ...process.env,
    HOME: folder,
    RABBITMQ_NODENAME: nodeName,
    RABBITMQ_NODE_PORT: String(port),
    RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
    RABBITMQ_DIST_PORT: String(distPort),
    RABBITMQ_MNESIA_BASE: join(folder, 'mnesia'),
    RABBITMQ_LOG_BASE: join(folder, 'log'),
    RABBITMQ_CONFIG_FILE: join(folder, 'rabbitmq'),
    RABBITMQ_ENABLED_PLUGINS_FILE: join(folder, 'enabled_plugins'),
    ERL_EPMD_PORT: String(epmdPort),
  };
  // An epmd of our own on its own port: the broker uses it instead of starting a shared daemon.
  const epmd = spawn('epmd', ['-port', String(epmdPort)], { env, stdio: 'ignore' });
  const asRabbit = (command: string, args: string[]) => ['-u', 'rabbitmq', '-m', '--', command, ...args];
  const server: ChildProcess = spawn('runuser', asRabbit(SERVER, []), { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  server.stdout!.on('data', keep);
  server.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const ctl = (...args: string[]) => {
    const result = spawnSync('runuser', asRabbit(CTL, ['-n', nodeName, ...args]), { env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`rabbitmqctl ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout;
  };
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      try {
        ctl('stop');
      } catch {
        server.kill('SIGKILL');
      }
      const bounded = new Promise((resolve) => setTimeout(resolve, 15_000).unref());
      await Promise.race([exited, bounded]);
      if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    }
    if (epmd.exitCode === null) epmd.kill('SIGTERM');
    await rm(folder, { recursive: true, force: true });
  };
  try {
    await waitForPort(port, 'RabbitMQ did not listen', 90_000, () => output);
    ctl('await_startup');
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `amqp://guest:guest@127.0.0.1:${port}`, port, nodeName, ctl, stop };
}
