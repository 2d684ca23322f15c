/**
 * @module The store's data file: opened with lowdb, checked, and set aside when corrupt (then a fresh start).
 */
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { FlowbusError } from '../core/errors.js';
import type { PublishState, StoredConnection, StoredExecution } from './types.js';

/** Everything the embedded store keeps, as written to its file. */
export interface StoreData {
  version: 1;
  flows: Record<string, PublishState>;
  connections: Record<string, StoredConnection>;
  /** Executions by flow id, oldest first. */
  executions: Record<string, StoredExecution[]>;
}

/** The data file's name inside the data folder. */
export const STORE_FILE_NAME = 'flowbus-store.json';

export function emptyStoreData(): StoreData {
  return { version: 1, flows: {}, connections: {}, executions: {} };
}

/** What happened to a data file that could not be used. */
export interface Recovery {
  reason: string;
  /** Where the unusable file was moved. */
  movedTo: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why `data` is not a usable store, or undefined when it is. */
export function storeDataProblem(data: unknown): string | undefined {
  if (!isRecord(data)) return 'it does not hold a JSON object';
  if (data.version !== 1) return `its version is ${JSON.stringify(data.version)}, expected 1`;
  for (const key of ['flows', 'connections', 'executions'] as const) {
    if (!isRecord(data[key])) return `"${key}" is not an object`;
  }
  for (const [flowId, list] of Object.entries(data.executions as Record<string, unknown>)) {
    if (!Array.isArray(list) || !list.every((item) => isRecord(item) && typeof item.id === 'string')) {
      return `the executions of flow "${flowId}" are not a list of records`;
    }
  }
  for (const [name, connection] of Object.entries(data.connections as Record<string, unknown>)) {
    if (!isRecord(connection) || !isRecord(connection.secrets) || !isRecord(connection.values)) {
      return `connection "${name}" is malformed`;
    }
  }
  return undefined;
}

/**
 * Opens (or creates) the data file. A file that is not valid JSON or not a store (half-written, hand-broken
 * file) is renamed to `<name>.corrupt-<time>` and an empty store is used; the caller reports `recovered`.
 * Writes go through lowdb's atomic writer (temp file + rename).
 */
export async function openDataFile(path: string): Promise<{ db: Low<StoreData>; recovered?: Recovery }> {
  // A temp file left by a crash mid-write is never the truth: the rename had not happened.
  await rm(join(dirname(path), `.${basename(path)}.tmp`), { force: true });
  const db = new Low<StoreData>(
    new DataFile<StoreData>(path, { parse: JSON.parse, stringify: (data) => JSON.stringify(data) }),
    emptyStoreData(),
  );
  let reason: string | undefined;
  try {
    await db.read();
    reason = storeDataProblem(db.data);
  } catch (thrown) {
    if (!(thrown instanceof SyntaxError)) {
      const message = `cannot read the data file ${path}: ${(thrown as Error).message}`;
      throw new FlowbusError('STORE:UNREADABLE', message);
    }
    reason = `it is not valid JSON (${thrown.message})`;
  }
  if (reason === undefined) return { db };
  const movedTo = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await rename(path, movedTo);
  db.data = emptyStoreData();
  await db.write();
  return { db, recovered: { reason, movedTo } };
}
