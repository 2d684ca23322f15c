/**
 * @module What `startServer` takes and gives back.
 */
import type { ConnectionTypeDefinition } from '../core/connection-type.js';
import type { DataFolderService } from '../core/data-service.js';
import type { Registry } from '../core/registry.js';
import type { TargetTypeDefinition } from '../bus/index.js';
import type { SourceTypeDefinition } from '../bus/sources/index.js';
import type { ConfigOverrides } from '../config/load.js';
import type { LogThreshold } from '../logging/logger.js';
import type { ExecutionInput, ExecutionRecord } from '../runtime/types.js';
import type { FallbackHandler } from './triggers/dispatcher.js';

export interface ServerOptions {
  /** Every step type the flows may use (built-ins and connectors). */
  registry: Registry;
  /** Connection types of the connectors; `http-auth` is always added. */
  connectionTypes?: ConnectionTypeDefinition[];
  /** Path of `flowbus.config.json`; default `FLOWBUS_CONFIG`, else that file in the working folder. */
  config?: string;
  port?: number;
  host?: string;
  /** Host names to serve beside loopback names and `host` (see the config key `allowedHosts`). */
  allowedHosts?: readonly string[];
  flowsDir?: string;
  dataDir?: string;
  /** Bearer token of the management API. */
  authToken?: string;
  /** The environment to run in (`<flowsDir>/environments/<name>.env.json`). */
  environment?: string;
  logLevel?: LogThreshold;
  limits?: ConfigOverrides['limits'];
  history?: ConfigOverrides['history'];
  /** Environment to read overrides and `FLOWBUS_SECRET_KEY` from; default `process.env`. */
  env?: Record<string, string | undefined>;
  /** Where relative paths start; default the working folder. */
  cwd?: string;
  /** Receives each log line; default standard output. */
  logWrite?: (line: string) => void;
  /** Shut down gracefully on SIGTERM and SIGINT; default true. */
  handleSignals?: boolean;
  /** Target types for bus rules beside the built-in flow, webhook and log-store (e.g. message push). */
  targetTypes?: TargetTypeDefinition[];
  /** Source types for `*.source.json` files beside the built-in `url-callback` (RabbitMQ, NATS). */
  sourceTypes?: SourceTypeDefinition[];
  /** Serves paths that are neither API nor trigger paths (the editor). */
  fallback?: FallbackHandler;
  /** Connector state kept in the data folder (the send ledger): opened before the bus starts. */
  dataServices?: DataFolderService[];
}

export interface RunningServer {
  /** `http://host:port`, with the port actually bound. */
  url: string;
  port: number;
  host: string;
  /** Graceful: stops accepting, lets executions finish (cancels them after the bound), flushes the store. */
  close(): Promise<void>;
  /**
   * Runs a served flow like a trigger would (history, metrics, shutdown drain): what the event bus's flow
   * target calls. Throws `FLOW:NOT_FOUND` when the flow is not served.
   */
  runFlow(
    flowId: string,
    input: ExecutionInput,
    options: { trigger: string; signal?: AbortSignal; executionId?: string; timeoutMs?: number },
  ): Promise<ExecutionRecord>;
}
