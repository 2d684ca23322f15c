/**
 * @module Installs Debian's broker packages by name where their binaries are missing (`apt-get install`,
 * after one `apt-get update` when the first try fails), so broker tests run on a fresh machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** A Debian package and the binary that shows it is installed. */
export interface BrokerPackage {
  name: string;
  binary: string;
}

export const RABBITMQ_PACKAGE: BrokerPackage = { name: 'rabbitmq-server', binary: '/usr/sbin/rabbitmq-server' };
export const NATS_PACKAGE: BrokerPackage = { name: 'nats-server', binary: '/usr/sbin/nats-server' };

function aptGet(args: string[]): boolean {
  const asRoot = typeof process.getuid !== 'function' || process.getuid() === 0;
  const lockWait = ['-o', 'DPkg::Lock::Timeout=600'];
  const [command, commandArgs] = asRoot
    ? ['apt-get', [...lockWait, ...args]]
    : ['sudo', ['-n', 'apt-get', ...lockWait, ...args]];
  const result = spawnSync(command, commandArgs, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

/**
 * Installs the packages whose binaries are missing; throws naming them when apt-get cannot.
 *
 * @example
 * ensureBrokerPackages([RABBITMQ_PACKAGE]);
 */
export function ensureBrokerPackages(packages: readonly BrokerPackage[]): void {
  const missing = packages.filter((entry) => !existsSync(entry.binary));
  if (missing.length === 0) return;
  const names = missing.map((entry) => entry.name);
  console.log(`installing ${names.join(', ')} (apt-get install -y)...`);
  const install = ['install', '-y', ...names];
  const installed = aptGet(install) || (aptGet(['update']) && aptGet(install));
  const still = missing.filter((entry) => !existsSync(entry.binary));
  if (!installed || still.length > 0) {
    const list = still.map((entry) => entry.name).join(' ');
    throw new Error(`could not install ${list} with apt-get; install it (apt-get install ${list}) first`);
  }
}
