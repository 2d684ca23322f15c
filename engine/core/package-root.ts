/**
 * @module Where the flowbus package lives on disk, found from a module's URL. The sources sit two or three
 * levels below the package root and the compiled bundle (dist/flowbus.js) one level, so a fixed relative URL
 * such as `../../bin/flowbus.js` holds in one of them only; walking up to the package.json holds in both.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'flowbus';

function isFlowbusPackage(directory: string): boolean {
  const file = join(directory, 'package.json');
  if (!existsSync(file)) return false;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}

/**
 * The directory of the flowbus package.json nearest above `moduleUrl` (pass `import.meta.url`).
 * Throws when there is none, which means the code was copied out of its package.
 *
 * @example
 * join(packageRoot(import.meta.url), 'bin', 'flowbus.js'); // the CLI entry, from the sources or the bundle
 */
export function packageRoot(moduleUrl: string): string {
  const start = dirname(fileURLToPath(moduleUrl));
  for (let directory = start; ; directory = dirname(directory)) {
    if (isFlowbusPackage(directory)) return directory;
    if (dirname(directory) === directory) break;
  }
  throw new Error(`finding the flowbus package above ${start}: no package.json named "${PACKAGE_NAME}"`);
}
