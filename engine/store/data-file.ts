/**
 * @module The store's data files: each opened with lowdb, checked, and set aside when corrupt (then a fresh
 * start, or the last good copy). Publish state and connections live in one file, the history in another, so
 * that a damaged history can never take the operator's switches and connections with it.
 */
import { copyFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { FlowbusError } from '../core/errors.js';

/** What happened to a data file that could not be used. */
export interface Recovery {
  /** The file that was unusable. */
  file: string;
  reason: string;
  /** Where the unusable file was moved. */
  movedTo: string;
  /** Set when the last good copy was used instead of an empty document. */
  restoredFrom?: string;
}

/** How to open one kind of document. */
export interface DocumentKind<T> {
  empty: () => T;
  /** Why `data` is not a usable document, or undefined when it is. */
  problem: (data: unknown) => string | undefined;
  /** Keep a copy of the last good version beside the file (`<name>.bak`), to restore from. */
  backup?: boolean;
}

/** A document file: lowdb's atomic writes (temp file + rename), plus the last good copy when asked. */
export class DocumentFile<T> {
  constructor(
    readonly db: Low<T>,
    readonly path: string,
    private readonly backup: boolean,
  ) {}

  get data(): T {
    return this.db.data;
  }

  async write(): Promise<void> {
    await this.db.write();
    if (this.backup) await copyFile(this.path, backupPath(this.path));
  }
}

const backupPath = (path: string) => `${path}.bak`;

function lowFile<T>(path: string, empty: T): Low<T> {
  const file = new DataFile<T>(path, { parse: JSON.parse, stringify: (data) => JSON.stringify(data) });
  return new Low<T>(file, empty);
}

/** Reads `path`: its data, or why it is unusable; a missing file is an empty document. */
async function readDocument<T>(path: string, kind: DocumentKind<T>): Promise<{ db: Low<T>; reason?: string }> {
  const db = lowFile(path, kind.empty());
  try {
    await db.read();
    return { db, reason: kind.problem(db.data) };
  } catch (thrown) {
    if (!(thrown instanceof SyntaxError)) {
      const message = `cannot read the data file ${path}: ${(thrown as Error).message}`;
      throw new FlowbusError('STORE:UNREADABLE', message);
    }
    return { db, reason: `it is not valid JSON (${thrown.message})` };
  }
}

/**
 * Opens (or creates) a document file. A file that is not valid JSON or not such a document (half-written,
 * hand-broken) is renamed to `<name>.corrupt-<time>`; its last good copy is used when there is one, else an
 * empty document. The caller reports `recovered`.
 */
export async function openDocumentFile<T>(
  path: string,
  kind: DocumentKind<T>,
): Promise<{ file: DocumentFile<T>; recovered?: Recovery }> {
  // A temp file left by a crash mid-write is never the truth: the rename had not happened.
  await rm(join(dirname(path), `.${basename(path)}.tmp`), { force: true });
  const { db, reason } = await readDocument(path, kind);
  const file = new DocumentFile(db, path, kind.backup ?? false);
  if (reason === undefined) return { file };
  const movedTo = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await rename(path, movedTo);
  const recovered: Recovery = { file: path, reason, movedTo };
  db.data = kind.empty();
  const hasBackup = kind.backup && (await stat(backupPath(path)).then((found) => found.isFile(), () => false));
  if (hasBackup) {
    const copy = await readDocument(backupPath(path), kind).catch(() => undefined);
    if (copy && copy.reason === undefined) {
      db.data = copy.db.data;
      recovered.restoredFrom = backupPath(path);
    }
  }
  await file.write();
  return { file, recovered };
}

/** Whether `value` is a JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
