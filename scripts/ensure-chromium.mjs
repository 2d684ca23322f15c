// Makes sure a Chromium for the end-to-end tests exists: Debian's package at /usr/bin/chromium, installed with
// apt-get when missing (after `apt-get update` when the first try fails). Built-ins only.
// `CHROMIUM_PATH` names another browser binary to use instead.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

function aptGet(args) {
  const asRoot = typeof process.getuid !== 'function' || process.getuid() === 0;
  const [command, commandArgs] = asRoot ? ['apt-get', args] : ['sudo', ['-n', 'apt-get', ...args]];
  const result = spawnSync(command, commandArgs, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

/** The path of a Chromium binary, installing Debian's `chromium` package when needed; throws when it cannot. */
export function ensureChromium() {
  const wanted = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  if (existsSync(wanted)) return wanted;
  if (wanted !== DEFAULT_CHROMIUM) throw new Error(`CHROMIUM_PATH names ${wanted}, which does not exist`);
  console.log('installing chromium (apt-get install -y chromium)...');
  const installed = aptGet(['install', '-y', 'chromium']) || (aptGet(['update']) && aptGet(['install', '-y', 'chromium']));
  if (!installed || !existsSync(DEFAULT_CHROMIUM)) {
    throw new Error('could not install chromium with apt-get; install it (apt-get install chromium) or set CHROMIUM_PATH');
  }
  return DEFAULT_CHROMIUM;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(ensureChromium());
}
