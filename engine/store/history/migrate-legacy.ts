/**
 * @module The move of a history kept by earlier versions in one lowdb JSON file into the segments: read once,
 * written to segments, and the old file kept renamed beside them. Safe to repeat after a crash part-way: the
 * file is renamed only once its records are on disk, and ids already in the history are not added twice.
 */
import { rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { openDocumentFile, type Recovery } from '../data-file.js';
import { HISTORY_DOCUMENT, HISTORY_FILE_NAME } from '../store-files.js';
import type { ExecutionHistory } from './execution-history.js';

/** What the migration did. */
export interface LegacyMigration {
  /** Records added to the segments. */
  migrated: number;
  /** Where the old file was kept (renamed), when there was one. */
  keptAs?: string;
  /** The old file was unusable: it was set aside under this name, nothing was migrated. */
  recovered?: Recovery;
}

const exists = (path: string) => stat(path).then(() => true, () => false);

/**
 * Migrates `<dataDir>/flowbus-history.json` into `history`, if the file is there.
 *
 * @example
 * const { migrated, keptAs } = await migrateLegacyHistory('data', history, Date.now());
 */
export async function migrateLegacyHistory(
  dataDir: string,
  history: ExecutionHistory,
  now: number,
): Promise<LegacyMigration> {
  const path = join(dataDir, HISTORY_FILE_NAME);
  // A temp file of the old writer, left by a crash mid-write, was never the truth.
  await rm(join(dataDir, `.${HISTORY_FILE_NAME}.tmp`), { force: true });
  if (!(await exists(path))) return { migrated: 0 };
  const { file, recovered } = await openDocumentFile(path, HISTORY_DOCUMENT);
  if (recovered) {
    // The unusable file is kept as `.corrupt-<time>`; what lowdb left in its place is an empty document.
    await rm(path, { force: true });
    return { migrated: 0, recovered };
  }
  const migrated = history.import(Object.values(file.data.executions).flat());
  await history.flush();
  const keptAs = `${path}.migrated-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  await rename(path, keptAs);
  return { migrated, keptAs };
}
