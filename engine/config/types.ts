/**
 * @module The server's configuration: its shape and its defaults.
 */
import type { LogThreshold } from '../logging/logger.js';

/** Bounds that protect the server. */
export interface LimitsConfig {
  /** Largest request body an HTTP trigger or the API accepts, in bytes. */
  bodyBytes: number;
  /** Overall bound of one execution started by an HTTP trigger or the API. */
  executionTimeoutMs: number;
  /**
   * Overall bound of one execution started by the event bus. Longer, because a robot's rate-limit queue may
   * hold a send for minutes during an alarm storm, and nobody waits on the answer.
   */
  eventExecutionTimeoutMs: number;
  /** How long shutdown waits for running executions before cancelling them. */
  shutdownTimeoutMs: number;
  /** Executions running at once; an HTTP trigger answers 503 beyond it. */
  maxConcurrentExecutions: number;
}

/** How much execution history the store keeps. */
export interface HistoryConfig {
  /** Newest executions kept per flow. */
  maxPerFlow: number;
  /** Executions older than this are dropped. */
  maxAgeHours: number;
  /** Executions are written to the data file at most this often (writes are coalesced). */
  flushIntervalMs: number;
}

/** The resolved configuration; folders are absolute paths. */
export interface ServerConfig {
  port: number;
  host: string;
  flowsDir: string;
  dataDir: string;
  /** When set, the management API requires `Authorization: Bearer <authToken>`. */
  authToken?: string;
  /** The environment the flows run in: connections, `$env` variables, rule switches and limits from its file. */
  environment?: string;
  logLevel: LogThreshold;
  limits: LimitsConfig;
  history: HistoryConfig;
  /** The config file that was read, if any. */
  file?: string;
}

/** The name of the config file looked up in the working folder. */
export const CONFIG_FILE_NAME = 'flowbus.config.json';

/** Defaults: what `npm start` runs with, without a config file; folders relative to the working folder. */
export const DEFAULT_CONFIG = {
  port: 8420,
  host: '127.0.0.1',
  flowsDir: 'flows',
  dataDir: 'data',
  logLevel: 'info',
  limits: {
    bodyBytes: 1024 * 1024,
    executionTimeoutMs: 30_000,
    eventExecutionTimeoutMs: 900_000,
    shutdownTimeoutMs: 10_000,
    maxConcurrentExecutions: 1000,
  },
  history: { maxPerFlow: 200, maxAgeHours: 168, flushIntervalMs: 1000 },
} as const satisfies Omit<ServerConfig, 'flowsDir' | 'dataDir'> & { flowsDir: string; dataDir: string };
