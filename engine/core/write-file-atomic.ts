/**
 * @module Atomic file writes: the one writer of flow, rule and source files saved through the API.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file atomically: a temp file beside it, then a rename, so a reader never sees half a file.
 *
 * @example
 * await writeFileAtomic('flows/orders.rule.json', formatRule(document));
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  // A dot-name without the file's suffix: the flows folder watcher ignores it.
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, path);
  } catch (thrown) {
    await rm(temp, { force: true });
    throw thrown;
  }
}
