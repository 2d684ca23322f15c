/**
 * @module What the management API's routes work with: the server's parts, passed in, never global.
 */
import type express from 'express';
import type { ConnectionTypeDefinition } from '../../core/connection-type.js';
import type { HealthState } from '../../core/health.js';
import type { Registry } from '../../core/registry.js';
import type { EventBus } from '../../bus/index.js';
import type { SourceManager } from '../../bus/sources/index.js';
import type { ServerConfig } from '../../config/types.js';
import type { Logger } from '../../logging/logger.js';
import type { ConnectionService } from '../../store/connections.js';
import type { Store } from '../../store/types.js';
import type { ExecutionRunner } from '../executions/runner.js';
import type { FlowCatalog } from '../flows/catalog.js';
import type { DraftStore } from '../flows/drafts.js';
import type { ServerMetrics } from '../../metrics/server-metrics.js';
import type { TriggerEntry } from '../triggers/compile-trigger.js';

/** Where the server is in its life: `ready` once it takes requests, `stopping` once shutdown began. */
export interface Lifecycle {
  state: 'starting' | 'ready' | 'stopping';
  startedAt: number;
}

export interface ApiContext {
  registry: Registry;
  catalog: FlowCatalog<TriggerEntry | undefined>;
  /** The editor's drafts of flows, in the data folder. */
  drafts: DraftStore;
  runner: ExecutionRunner;
  store: Store;
  connections: ConnectionService;
  connectionTypes: ReadonlyMap<string, ConnectionTypeDefinition>;
  metrics: ServerMetrics;
  logger: Logger;
  config: ServerConfig;
  lifecycle: Lifecycle;
  /** Open problems that leave the server up but `degraded`. */
  health: HealthState;
  /** The event bus: its ingest and API routes are installed beside the server's. */
  bus?: EventBus;
  /** The sources of the flows folder, listed under `/api/sources`. */
  sources?: SourceManager;
  /** Installs the URL callback sources' ingress (`/callbacks/:id`). */
  callbackRoutes?: (router: express.Router) => void;
}
