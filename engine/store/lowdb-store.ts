/**
 * @module The embedded store: two JSON files in the data folder via lowdb, the state (publish switches,
 * connections) and the history (coalesced writes), so that a damaged history never costs the state.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openDocumentFile, type DocumentFile, type Recovery } from './data-file.js';
import { queryExecutions } from './execution-query.js';
import { pruneFlowHistory } from './retention.js';
import {
  HISTORY_DOCUMENT,
  HISTORY_FILE_NAME,
  splitLegacyState,
  STATE_DOCUMENT,
  STATE_FILE_NAME,
  type HistoryData,
  type StateData,
} from './store-files.js';
import type { RetentionPolicy, Store, StoredConnection, StoredExecution } from './types.js';

export interface LowdbStoreOptions {
  dataDir: string;
  retention: RetentionPolicy;
  /** History writes wait at most this long, so a burst of executions is one file write; 0 writes at once. */
  flushIntervalMs: number;
  /** Called when a write fails; the data stays in memory and the next flush retries. */
  onWriteError?: (error: Error) => void;
  now?: () => number;
}

/** The store plus what happened when it was opened. */
export interface OpenedStore {
  store: Store;
  /** The data files that were corrupt and set aside (each restored from its last good copy, or emptied). */
  recovered: Recovery[];
}

/**
 * Opens the embedded store in `dataDir` (created if missing). A store of one file (version 1, the history
 * beside the state) is split into the two files on the way.
 *
 * @example
 * const { store, recovered } = await openLowdbStore({ dataDir: 'data', retention, flushIntervalMs: 1000 });
 */
export async function openLowdbStore(options: LowdbStoreOptions): Promise<OpenedStore> {
  await mkdir(options.dataDir, { recursive: true });
  const statePath = join(options.dataDir, STATE_FILE_NAME);
  const state = await openDocumentFile(statePath, STATE_DOCUMENT);
  const history = await openDocumentFile(join(options.dataDir, HISTORY_FILE_NAME), HISTORY_DOCUMENT);
  const opened = [state.recovered, history.recovered];
  const recovered = opened.filter((item): item is Recovery => item !== undefined);
  const legacy = splitLegacyState(state.file.data);
  if (legacy) {
    if (legacy.problem) {
      const movedTo = `${statePath}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await copyFile(statePath, movedTo);
      recovered.push({ file: statePath, reason: `its history is unusable: ${legacy.problem}`, movedTo });
    }
    // A move interrupted after the history was written left both: the history file has them already.
    const { data } = history.file;
    if (Object.keys(data.executions).length === 0) data.executions = legacy.executions;
    await history.file.write();
  }
  const store = new LowdbStore(state.file, history.file, options);
  // Writing at once proves the data folder is writable before the server says it is ready.
  await store.writeState();
  await store.flush();
  return { store, recovered };
}

class LowdbStore implements Store {
  private readonly byId = new Map<string, StoredExecution>();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly now: () => number;

  private stateWrites: Promise<void> = Promise.resolve();

  constructor(
    private readonly state: DocumentFile<StateData>,
    private readonly history: DocumentFile<HistoryData>,
    private readonly options: LowdbStoreOptions,
  ) {
    this.now = options.now ?? Date.now;
    for (const list of Object.values(history.data.executions)) {
      for (const item of list) this.byId.set(item.id, item);
    }
  }

  get location(): string {
    return this.state.path;
  }

  /** The history file. */
  get historyLocation(): string {
    return this.history.path;
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
    const list = (this.history.data.executions[execution.flowId] ??= []);
    list.push(execution);
    this.byId.set(execution.id, execution);
    // The count bound holds at once and cheaply (one shift); the age bound is applied at each flush.
    while (list.length > this.options.retention.maxPerFlow) this.byId.delete(list.shift()!.id);
    if (list.length === 0) delete this.history.data.executions[execution.flowId];
    this.scheduleFlush();
  }

  async getExecution(id: string) {
    return this.byId.get(id);
  }

  async listExecutions(query: Parameters<Store['listExecutions']>[0] = {}) {
    const { executions } = this.history.data;
    const lists = query.flowId !== undefined ? [executions[query.flowId] ?? []] : Object.values(executions);
    return queryExecutions(lists, query);
  }

  /** Applies retention to every flow's history. */
  pruneAll(): void {
    for (const flowId of Object.keys(this.history.data.executions)) this.prune(flowId);
  }

  private prune(flowId: string): void {
    const list = this.history.data.executions[flowId];
    if (!list) return;
    for (const id of pruneFlowHistory(list, this.options.retention, this.now())) this.byId.delete(id);
    if (list.length === 0) delete this.history.data.executions[flowId];
  }

  private scheduleFlush(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.flush().catch(() => {});
    }, this.options.flushIntervalMs);
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pruneAll();
    // Writes are serialized; lowdb's writer keeps only the newest pending data.
    const write = this.writing.then(() => this.history.write());
    this.writing = write.catch((thrown: Error) => this.options.onWriteError?.(thrown));
    await write;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
    await this.stateWrites;
  }
}
