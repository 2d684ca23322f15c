/**
 * @module The store interface: runtime state that is not in flows/ (publish state, connections, history).
 * The embedded lowdb store implements it; a server database can replace it without touching the server.
 */
import type { FlowError } from '../core/errors.js';
import type { ExecutionRecord, ExecutionStatus } from '../runtime/types.js';

/** Whether a flow is served; a flow without a state is published. */
export interface PublishState {
  published: boolean;
  updatedAt: number;
}

/** A connection config as stored: secret fields sealed, the rest in clear. */
export interface StoredConnection {
  name: string;
  type: string;
  description?: string;
  /** The fields that are not secret. */
  values: Record<string, unknown>;
  /** Secret fields, each sealed with AES-256-GCM (see `crypto.ts`). */
  secrets: Record<string, string>;
  createdAt: number;
  updatedAt: number;
}

/** An execution as kept in the history: the record plus how it started. */
export interface StoredExecution extends ExecutionRecord {
  /** What started it: `http`, `dry-run`, `event`, ... */
  trigger: string;
  /** Version (content hash) of the flow file that ran. */
  flowVersion?: string;
  /** Steps with side effects were not executed. */
  dryRun?: boolean;
}

/** One line of an execution list. */
export interface ExecutionSummary {
  id: string;
  flowId: string;
  status: ExecutionStatus;
  trigger: string;
  flowVersion?: string;
  startedAt: number;
  endedAt: number;
  durationMs: number;
  error?: FlowError;
  /** Step errors a Catch handled (the execution went on); absent when there were none. */
  handledErrors?: number;
}

/** Filters of an execution list; times are epoch milliseconds on `startedAt`, both ends inclusive. */
export interface ExecutionQuery {
  flowId?: string;
  status?: ExecutionStatus;
  /** What started it (`http`, `event`, `dry-run`, ...). */
  trigger?: string;
  since?: number;
  until?: number;
  /** Only executions that went through a Catch (`true`) or did not (`false`). */
  handled?: boolean;
  /** Paging: only executions listed after this one (newest first), by its id. */
  before?: string;
  /** Most executions returned, newest first. */
  limit?: number;
}

/** What the history keeps. */
export interface RetentionPolicy {
  /** Newest executions kept per flow. */
  maxPerFlow: number;
  /** Executions that started longer ago than this are dropped. */
  maxAgeMs: number;
}

export interface Store {
  /** The file the store lives in, when it has one. */
  readonly location: string;
  getPublishState(flowId: string): Promise<PublishState | undefined>;
  setPublishState(flowId: string, state: PublishState): Promise<void>;
  listPublishStates(): Promise<Record<string, PublishState>>;
  deletePublishState(flowId: string): Promise<void>;

  listConnections(): Promise<StoredConnection[]>;
  getConnection(name: string): Promise<StoredConnection | undefined>;
  putConnection(connection: StoredConnection): Promise<void>;
  /** False when there was no such connection. */
  deleteConnection(name: string): Promise<boolean>;

  /** Adds to the history; durable by the next flush (writes are coalesced). */
  addExecution(execution: StoredExecution): Promise<void>;
  getExecution(id: string): Promise<StoredExecution | undefined>;
  listExecutions(query?: ExecutionQuery): Promise<ExecutionSummary[]>;

  /** Writes whatever is pending now. */
  flush(): Promise<void>;
  /** Flushes and stops timers; the store is not used afterwards. */
  close(): Promise<void>;
}
