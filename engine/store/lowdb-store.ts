/**
 * @module The embedded store: the state (publish switches, connections) in a JSON file via lowdb, and the
 * execution history in append-only segments beside it (engine/store/history), so that a write costs the same
 * however long the history is, and a damaged history never costs the state.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openDocumentFile, type DocumentFile, type Recovery } from './data-file.js';
import { ExecutionHistory, type HistoryDamage, type RecordDamage } from './history/execution-history.js';
import { migrateLegacyHistory, type LegacyMigration } from './history/migrate-legacy.js';
import { splitLegacyState, STATE_DOCUMENT, STATE_FILE_NAME, type StateData } from './store-files.js';
import type { RetentionPolicy, Store, StoredConnection, StoredExecution } from './types.js';

/** The folder of the history's segments inside the data folder. */
export const HISTORY_DIR_NAME = 'history';

export interface LowdbStoreOptions {
  dataDir: string;
  retention: RetentionPolicy;
  /** History writes wait at most this long, so a burst of executions is one file write; 0 writes at once. */
  flushIntervalMs: number;
  /** Called when a write fails; the data stays in memory and the next flush retries. */
  onWriteError?: (error: Error) => void;
  /** Called when a history record read later is damaged (a copy of its segment is kept aside). */
  onHistoryDamage?: (damage: RecordDamage) => void;
  /** fdatasync history writes before a flush resolves; default true. */
  syncHistory?: boolean;
  /** A history segment is closed once it is this large; default 8 MiB. */
  historySegmentBytes?: number;
  now?: () => number;
}

/** The store plus what happened when it was opened. */
export interface OpenedStore {
  store: Store;
  /** The data files that were corrupt and set aside (each restored from its last good copy, or emptied). */
  recovered: Recovery[];
  /** Damage found in the history's segments: torn tails cut off, corrupt segments and records kept aside. */
  historyDamage: HistoryDamage;
  /** The lowdb history file of an earlier version, moved into the segments on this start. */
  migration: LegacyMigration;
}

/**
 * Opens the embedded store in `dataDir` (created if missing). A history kept by an earlier version (in the
 * state file, or in `flowbus-history.json`) is moved into the segments on the way.
 *
 * @example
 * const { store, recovered, historyDamage } = await openLowdbStore({ dataDir: 'data', retention, flushIntervalMs: 1000 });
 */
export async function openLowdbStore(options: LowdbStoreOptions): Promise<OpenedStore> {
  await mkdir(options.dataDir, { recursive: true });
  const statePath = join(options.dataDir, STATE_FILE_NAME);
  const state = await openDocumentFile(statePath, STATE_DOCUMENT);
  const recovered = state.recovered ? [state.recovered] : [];
  const { history, damage } = await ExecutionHistory.open({
    dir: join(options.dataDir, HISTORY_DIR_NAME),
    retention: options.retention,
    flushIntervalMs: options.flushIntervalMs,
    sync: options.syncHistory,
    segmentBytes: options.historySegmentBytes,
    onWriteError: options.onWriteError,
    onDamage: options.onHistoryDamage,
    now: options.now,
  });
  const legacy = splitLegacyState(state.file.data);
  if (legacy) {
    if (legacy.problem) {
      const movedTo = `${statePath}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await copyFile(statePath, movedTo);
      recovered.push({ file: statePath, reason: `its history is unusable: ${legacy.problem}`, movedTo });
    }
    history.import(Object.values(legacy.executions).flat());
    // The records are on disk before the state file stops holding them.
    await history.flush();
  }
  const migration = await migrateLegacyHistory(options.dataDir, history, (options.now ?? Date.now)());
  if (migration.recovered) recovered.push(migration.recovered);
  const store = new LowdbStore(state.file, history, options);
  // Writing at once proves the data folder is writable before the server says it is ready.
  await store.writeState();
  await store.flush();
  return { store, recovered, historyDamage: damage, migration };
}

class LowdbStore implements Store {
  private stateWrites: Promise<void> = Promise.resolve();

  constructor(
    private readonly state: DocumentFile<StateData>,
    private readonly history: ExecutionHistory,
    private readonly options: LowdbStoreOptions,
  ) {}

  get location(): string {
    return this.state.path;
  }

  /** The folder of the history's segments. */
  get historyLocation(): string {
    return join(this.options.dataDir, HISTORY_DIR_NAME);
  }

  /** Writes the state file (publish switches and connections), one write after another. */
  writeState(): Promise<void> {
    const write = this.stateWrites.then(() => this.state.write());
    this.stateWrites = write.catch((thrown: Error) => this.options.onWriteError?.(thrown));
    return write;
  }

  async getPublishState(flowId: string) {
    return this.state.data.flows[flowId];
  }

  async setPublishState(flowId: string, state: { published: boolean; updatedAt: number }) {
    this.state.data.flows[flowId] = state;
    await this.writeState();
  }

  async listPublishStates() {
    return { ...this.state.data.flows };
  }

  async deletePublishState(flowId: string) {
    if (!(flowId in this.state.data.flows)) return;
    delete this.state.data.flows[flowId];
    await this.writeState();
  }

  async listConnections() {
    return Object.values(this.state.data.connections).sort((left, right) => (left.name < right.name ? -1 : 1));
  }

  async getConnection(name: string) {
    return Object.hasOwn(this.state.data.connections, name) ? this.state.data.connections[name] : undefined;
  }

  async putConnection(connection: StoredConnection) {
    this.state.data.connections[connection.name] = connection;
    await this.writeState();
  }

  async deleteConnection(name: string) {
    if (!Object.hasOwn(this.state.data.connections, name)) return false;
    delete this.state.data.connections[name];
    await this.writeState();
    return true;
  }

  async addExecution(execution: StoredExecution) {
    this.history.add(execution);
  }

  async getExecution(id: string) {
    return this.history.get(id);
  }

  async listExecutions(query: Parameters<Store['listExecutions']>[0] = {}) {
    return this.history.list(query);
  }

  async flush(): Promise<void> {
    await this.history.flush();
  }

  async close(): Promise<void> {
    await this.history.close();
    await this.stateWrites;
  }
}
