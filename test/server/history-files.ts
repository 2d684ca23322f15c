/**
 * @module Test helper: the execution records a server wrote to its history segments, read straight from
 * the files (checksums checked), in the order they were written.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HISTORY_KIND } from '../../engine/store/history/history-segments.js';
import { HISTORY_DIR_NAME } from '../../engine/store/lowdb-store.js';
import { scanSegment } from '../../engine/store/segments/index.js';

/** The records in `<dataDir>/history/*.seg`, oldest segment first. */
export async function readHistoryRecords(dataDir: string): Promise<Array<Record<string, unknown>>> {
  const folder = join(dataDir, HISTORY_DIR_NAME);
  const names = (await readdir(folder).catch(() => [])).filter((name) => name.endsWith('.seg')).sort();
  const records: Array<Record<string, unknown>> = [];
  for (const name of names) {
    const scan = scanSegment(await readFile(join(folder, name)), { kind: HISTORY_KIND, newest: true });
    records.push(...scan.records.map((record) => record.value as Record<string, unknown>));
  }
  return records;
}
