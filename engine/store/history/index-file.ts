/**
 * @module The index file of a closed history segment (`<segment>.idx` beside it, in the segment format: a
 * header, then one framed record per live execution: its list line and place), so that opening the history
 * reads a few hundred bytes per execution instead of every full record. Written whole (temp file, sync,
 * rename) once the segment is closed; a missing, damaged or incomplete index file means the segment itself
 * is read instead, so it can never cost a record.
 */
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { frameRecord, headerRecord, scanSegment } from '../segments/index.js';
import type { IndexEntry } from './history-index.js';

/** The kind named in the header of every index file. */
export const HISTORY_INDEX_KIND = 'execution-history-index';

/** The index file of a segment file. */
export const indexFileOf = (segmentFile: string) => segmentFile.replace(/\.seg$/, '.idx');

/** What the index file of a segment holds: the entries, each with its offset and end in the segment. */
export type IndexedEntry = Omit<IndexEntry, 'segment'>;

/** What an index file gives: the live entries, and how many records the segment holds in all. */
export interface SegmentIndex {
  records: number;
  entries: IndexedEntry[];
}

/** Writes the index file of a closed segment of `records` records, of which `entries` are live. */
export async function writeIndexFile(
  segmentFile: string,
  segment: number,
  records: number,
  entries: Iterable<IndexEntry>,
): Promise<void> {
  const lines: Buffer[] = [headerRecord(HISTORY_INDEX_KIND), frameRecord(JSON.stringify({ segment, records }))];
  let count = 0;
  for (const { segment: _segment, ...entry } of entries) {
    lines.push(frameRecord(JSON.stringify(entry)));
    count += 1;
  }
  // The last record says how many came before it: an index file without it is incomplete.
  lines.push(frameRecord(JSON.stringify({ segment, count })));
  const path = indexFileOf(segmentFile);
  const temp = `${path}.tmp`;
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(Buffer.concat(lines));
    await handle.datasync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
}

/** The entries of a segment's index file, or undefined when it is missing or not whole (read the segment). */
export async function readIndexFile(segmentFile: string, segment: number): Promise<SegmentIndex | undefined> {
  const bytes = await readFile(indexFileOf(segmentFile)).catch(() => undefined);
  if (!bytes) return undefined;
  const scan = scanSegment(bytes, { kind: HISTORY_INDEX_KIND, newest: false });
  if (scan.damages.length > 0 || scan.records.length < 2) return undefined;
  const first = scan.records[0]!.value as { segment?: unknown; records?: unknown };
  const last = scan.records.at(-1)!.value as { segment?: unknown; count?: unknown };
  const entries = scan.records.slice(1, -1).map((record) => record.value as IndexedEntry);
  if (first.segment !== segment || last.segment !== segment || last.count !== entries.length) return undefined;
  const records = typeof first.records === 'number' ? first.records : entries.length;
  return { records, entries };
}

/** Deletes the index file of a segment, if there is one. */
export async function removeIndexFile(segmentFile: string): Promise<void> {
  await unlink(indexFileOf(segmentFile)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}
