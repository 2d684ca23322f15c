/**
 * @module The embedded store: one JSON file in the data folder via lowdb, with coalesced history writes.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Low } from 'lowdb';
import { openDataFile, STORE_FILE_NAME, type Recovery, type StoreData } from './data-file.js';
import { queryExecutions } from './execution-query.js';
import { pruneFlowHistory } from './retention.js';
import type { RetentionPolicy, Store, StoredExecution } from './types.js';

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
  /** Set when the data file was corrupt and set aside. */
  recovered?: Recovery;
}

/**
 * Opens the embedded store in `dataDir` (created if missing).
 *
 * @example
 * const { store, recovered } = await openLowdbStore({ dataDir: 'data', retention, flushIntervalMs: 1000 });
 */
export async function openLowdbStore(options: LowdbStoreOptions): Promise<OpenedStore> {
  await mkdir(options.dataDir, { recursive: true });
  const location = join(options.dataDir, STORE_FILE_NAME);
  const { db, recovered } = await openDataFile(location);
  const store = new LowdbStore(db, location, options);
  // Writing at once proves the data folder is writable before the server says it is ready.
  await store.flush();
  return { store, recovered };
}

class LowdbStore implements Store {
  private readonly byId = new Map<string, StoredExecution>();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly now: () => number;

  constructor(
    private readonly db: Low<StoreData>,
    readonly location: string,
    private readonly options: LowdbStoreOptions,
  ) {
    this.now = options.now ?? Date.now;
    for (const list of Object.values(db.data.executions)) {
      for (const item of list) this.byId.set(item.id, item);
    }
  }

  private get data(): StoreData {
    return this.db.data;
  }

  async getPublishState(flowId: string) {
    return this.data.flows[flowId];
  }

  async setPublishState(flowId: string, state: { published: boolean; updatedAt: number }) {
    this.data.flows[flowId] = state;
    await this.flush();
  }

  async listPublishStates() {
    return { ...this.data.flows };
  }

  async deletePublishState(flowId: string) {
    if (!(flowId in this.data.flows)) return;
    delete this.data.flows[flowId];
    await this.flush();
  }

  async listConnections() {
    return Object.values(this.data.connections).sort((left, right) => (left.name < right.name ? -1 : 1));
  }

  async getConnection(name: string) {
    return Object.hasOwn(this.data.connections, name) ? this.data.connections[name] : undefined;
  }

  async putConnection(connection: StoreData['connections'][string]) {
    this.data.connections[connection.name] = connection;
    await this.flush();
  }

  async deleteConnection(name: string) {
    if (!Object.hasOwn(this.data.connections, name)) return false;
    delete this.data.connections[name];
    await this.flush();
    return true;
  }

  async addExecution(execution: StoredExecution) {
    const list = (this.data.executions[execution.flowId] ??= []);
    list.push(execution);
    this.byId.set(execution.id, execution);
    // The count bound holds at once and cheaply (one shift); the age bound is applied at each flush.
    while (list.length > this.options.retention.maxPerFlow) this.byId.delete(list.shift()!.id);
    if (list.length === 0) delete this.data.executions[execution.flowId];
    this.scheduleFlush();
  }

  async getExecution(id: string) {
    return this.byId.get(id);
  }

  async listExecutions(query: Parameters<Store['listExecutions']>[0] = {}) {
    const { executions } = this.data;
    const lists = query.flowId !== undefined ? [executions[query.flowId] ?? []] : Object.values(executions);
    return queryExecutions(lists, query);
  }

  /** Applies retention to every flow's history. */
  pruneAll(): void {
    for (const flowId of Object.keys(this.data.executions)) this.prune(flowId);
  }

  private prune(flowId: string): void {
    const list = this.data.executions[flowId];
    if (!list) return;
    for (const id of pruneFlowHistory(list, this.options.retention, this.now())) this.byId.delete(id);
    if (list.length === 0) delete this.data.executions[flowId];
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
    const write = this.writing.then(() => this.db.write());
    this.writing = write.catch((thrown: Error) => this.options.onWriteError?.(thrown));
    await write;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }
}
