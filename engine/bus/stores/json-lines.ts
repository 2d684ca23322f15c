/**
 * @module Reading a JSON-lines file back, skipping a line cut short by a crash, and rewriting one atomically.
 */
import { createReadStream } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';

/** The parsed objects of a JSON-lines file; none when it does not exist; unreadable lines are skipped. */
export async function readJsonLines(path: string): Promise<Array<Record<string, unknown>>> {
  const records: Array<Record<string, unknown>> = [];
  const input = createReadStream(path);
  const missing = new Promise<boolean>((resolve) => {
    input.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ENOENT'));
    input.once('open', () => resolve(false));
  });
  if (await missing) return records;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    try {
      const value = JSON.parse(line) as unknown;
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        records.push(value as Record<string, unknown>);
      }
    } catch {
      // a line cut short by a crash: what it held was never acknowledged
    }
  }
  return records;
}

/** Replaces a file with the given lines through a temporary file and a rename. */
export async function rewriteJsonLines(path: string, records: readonly unknown[]): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.tmp`);
  const text = records.map((record) => `${JSON.stringify(record)}\n`).join('');
  await writeFile(temporary, text, { flush: true });
  await rename(temporary, path);
}
