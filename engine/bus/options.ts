/**
 * @module What `createEventBus` takes, with the defaults it fills in.
 */
import { DEFAULT_JSON_DEPTH } from '../core/json-depth.js';
import type { HealthState } from '../core/health.js';
import type { Clock, ConnectionResolver } from '../core/step-definition.js';
import type { BusMetrics } from '../metrics/bus-metrics.js';
import type { BusLog } from './delivery/deps.js';
import type { RunFlow, TargetTypeDefinition } from './types.js';

export interface EventBusOptions {
  /** Runtime state goes under `<dataDir>/bus/` (journal, dead letters, log store). */
  dataDir: string;
  /** Where `*.rule.json` and `*.bus.json` files are read and saved; without it rules cannot be saved. */
  flowsDir?: string;
  /** Target types added to the built-in `flow`, `webhook` and `log-store`. */
  targetTypes?: TargetTypeDefinition[];
  /** Runs a flow for `flow` targets. */
  runFlow?: RunFlow;
  /** The environment's switch of a rule, if it has one: it wins over the rule file's `enabled`. */
  ruleEnabled?: (ruleId: string) => boolean | undefined;
  /** Named connection configs (webhook credentials). */
  connections?: ConnectionResolver;
  /** Default: the real clock. Tests pass one whose sleeps return at once. */
  clock?: Clock;
  /** Random numbers in [0, 1) for backoff jitter; default Math.random. */
  random?: () => number;
  /** What webhooks are sent with. Default: node:http over a keep-alive agent, cheaper per request. */
  fetch?: typeof fetch;
  /** Default: nothing is logged. */
  log?: BusLog;
  /** Where the bus counts, on the server's registry; default: metrics on a registry of their own. */
  metrics?: BusMetrics;
  /** Where journal damage is reported (`bus-journal`: the server answers `degraded`). */
  health?: HealthState;
  limits?: Partial<BusLimits>;
  /** fdatasync journal, dead-letter and log-store writes before they count as done; default true. */
  sync?: boolean;
  /** A journal segment is closed at this size; default 8 MiB. */
  segmentBytes?: number;
  logStore?: { retentionDays?: number; maxEntries?: number };
  /** Delivery traces kept (newest events); default 10000. */
  traceLimit?: number;
  /** Why the process is overloaded, or undefined: ingest answers 503 while it says so. */
  overloaded?: () => string | undefined;
}

export interface BusLimits {
  /** Largest event, in UTF-8 bytes of its structured JSON form (the vendor's 64 KB). */
  maxEventBytes: number;
  /** Largest ingest request body (a batch). */
  maxBodyBytes: number;
  /** Events in one ingest request. */
  maxEventsPerRequest: number;
  /** Nesting of objects and arrays in an ingest body, an API body and a rule or bus file. */
  maxJsonDepth: number;
  /** Accepted events of one bus not yet settled; past it, ingest answers 429. */
  maxUnsettledEvents: number;
  /** Deliveries waiting at one target (deferred ones not counted); past it, its bus answers 429. */
  maxQueuedPerTarget: number;
}

export const DEFAULT_LIMITS: BusLimits = {
  maxEventBytes: 64 * 1024,
  maxBodyBytes: 4 * 1024 * 1024,
  maxEventsPerRequest: 1000,
  maxJsonDepth: DEFAULT_JSON_DEPTH,
  maxUnsettledEvents: 100_000,
  maxQueuedPerTarget: 10_000,
};
