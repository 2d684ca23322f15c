/**
 * @module The server's configuration: its shape and its defaults.
 */
import { DEFAULT_JSON_DEPTH } from '../core/json-depth.js';
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
  /** An event-loop delay longer than this is logged as a stall (at most every 10 s); 0: never. */
  stallWarningMs: number;
  /**
   * Nesting of objects and arrays in any JSON the server reads: request bodies, events, flow, rule, bus and
   * test files. Deeper input is refused (400, or an issue of the file) with the pointer where it passed.
   */
  jsonDepth: number;
  /** Largest value (JSON size) one expression may build; beyond it the step fails with `EXPRESSION:LIMIT`. */
  valueBytes: number;
  /** Largest message (payload and vars, JSON size) after a step; beyond it `EXECUTION:LIMIT`. */
  messageBytes: number;
  /** Trace entries (and log entries) one execution keeps: the first and last half; the rest are counted. */
  traceEntries: number;
  /** Largest body an HTTP trigger answers with; beyond it the answer is a 500 `HTTP:RESPONSE_TOO_LARGE`. */
  replyBytes: number;
  /** Longest log line, and longest Logger content; longer ones are cut and marked. */
  logLineBytes: number;
  /** Largest execution record the history keeps; outputs, then logs are elided to fit. */
  recordBytes: number;
  /** Most steps a flow may have (the trigger and nested steps count). */
  flowSteps: number;
  /** Largest flow file, in bytes of its canonical text. */
  flowBytes: number;
  /** Accepted events of one bus not yet delivered everywhere; past it, `/events` answers 429. */
  busUnsettledEvents: number;
  /** Deliveries waiting at one target of a rule; past it, the rule's bus answers 429. */
  targetQueueSize: number;
  /** Executions of one flow running at once; more wait in the flow's queue. */
  flowConcurrency: number;
  /** Executions of one flow waiting to run; past it, its HTTP trigger answers 429. */
  flowQueueSize: number;
  /** An event-loop delay over this makes ingest and HTTP triggers answer 503 (overloaded); 0: never. */
  overloadEventLoopDelayMs: number;
  /** A used heap over this share of the heap limit makes them answer 503 too; 1 or more: never. */
  overloadHeapRatio: number;
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
  /**
   * Host names served beside loopback names and `host` when no token is set, and pages on them may change
   * things through the API (their `Origin` is accepted). An entry `.example.com` names the domain and below.
   */
  allowedHosts: readonly string[];
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
  allowedHosts: [],
  flowsDir: 'flows',
  dataDir: 'data',
  logLevel: 'info',
  limits: {
    bodyBytes: 1024 * 1024,
    executionTimeoutMs: 30_000,
    eventExecutionTimeoutMs: 900_000,
    shutdownTimeoutMs: 10_000,
    maxConcurrentExecutions: 1000,
    stallWarningMs: 100,
    jsonDepth: DEFAULT_JSON_DEPTH,
    valueBytes: 10 * 1024 * 1024,
    messageBytes: 32 * 1024 * 1024,
    traceEntries: 1000,
    replyBytes: 10 * 1024 * 1024,
    logLineBytes: 16 * 1024,
    recordBytes: 1024 * 1024,
    flowSteps: 1000,
    flowBytes: 1024 * 1024,
    busUnsettledEvents: 100_000,
    targetQueueSize: 10_000,
    flowConcurrency: 64,
    flowQueueSize: 1_000,
    overloadEventLoopDelayMs: 1_000,
    overloadHeapRatio: 0.85,
  },
  history: { maxPerFlow: 200, maxAgeHours: 168, flushIntervalMs: 1000 },
} as const satisfies Omit<ServerConfig, 'flowsDir' | 'dataDir'> & { flowsDir: string; dataDir: string };
