/**
 * @module `startServer`: wires configuration, logs, store, connections, flows, triggers and the API together.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ExecutionJournal } from '../runtime/durable/execution-journal.js';
import { loadConfig, type ConfigOverrides } from '../config/load.js';
import { FlowbusError } from '../core/errors.js';
import { createHealthState, type HealthState } from '../core/health.js';
import type { ServerConfig } from '../config/types.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { createRedactor } from '../logging/redact.js';
import { createConnectionService } from '../store/connections.js';
import { createSecretBox, loadSecretKey } from '../store/crypto.js';
import type { Recovery } from '../store/data-file.js';
import { logHistoryDamage, reportHistoryDamage } from '../store/history/damage-report.js';
import { openLowdbStore } from '../store/lowdb-store.js';
import { createEventBus } from '../bus/index.js';
import { isLoopbackName, normalizeHostEntry } from './access/host-policy.js';
import { guardFallback, refusalLogger } from './access/middleware.js';
import { createRequestGuard } from './access/request-guard.js';
import { createUrlCallbackSource, SourceManager } from '../bus/sources/index.js';
import { keepEnvironmentSecrets, openEnvironment, withEnvironmentConnections } from '../environments/index.js';
import { createApiApp } from './api/app.js';
import type { Lifecycle } from './api/context.js';
import { ExecutionRunner } from './executions/runner.js';
import { FlowCatalog } from './flows/catalog.js';
import { DraftStore } from './flows/drafts.js';
import { watchFlows } from './flows/watcher.js';
import { httpAuthConnectionType } from './http-auth-connection.js';
import { createHttpServer, listen, stopAccepting } from './http-server.js';
import { BusMetrics, busCountToHistory, createMetricsRegistry, createServerMetrics } from '../metrics/index.js';
import type { RunningServer, ServerOptions } from './options.js';
import { installSignalHandlers } from './shutdown.js';
import { createOverloadCheck } from './overload.js';
import { startStallMonitor } from './stall-monitor.js';
import { buildTriggerTable, prepareTrigger } from './trigger-routes.js';
import type { TriggerEntry } from './triggers/compile-trigger.js';
import { createDispatcher } from './triggers/dispatcher.js';
import { TriggerTable } from './triggers/trigger-table.js';

function overridesOf(options: ServerOptions): ConfigOverrides {
  const { port, host, allowedHosts, flowsDir, dataDir, authToken, environment, logLevel, limits, history } = options;
  return { port, host, allowedHosts, flowsDir, dataDir, authToken, environment, logLevel, limits, history };
}

const isLoopback = (host: string) => isLoopbackName(normalizeHostEntry(host));

async function openStore(config: ServerConfig, logger: Logger, health: HealthState) {
  const { store, recovered, historyDamage, migration } = await openLowdbStore({
    dataDir: config.dataDir,
    retention: { maxPerFlow: config.history.maxPerFlow, maxAgeMs: config.history.maxAgeHours * 3_600_000 },
    flushIntervalMs: config.history.flushIntervalMs,
    onWriteError: (thrown) => {
      logger.error('could not write the data file; will retry', { error: thrown.message });
    },
    onHistoryDamage: (damage) => logHistoryDamage(damage, logger),
  });
  for (const recovery of recovered) reportRecovery(recovery, store.location, logger, health);
  reportHistoryDamage(historyDamage, logger, health);
  if (migration.keptAs) {
    const message = `moved ${migration.migrated} executions of the history file into segments; the old file is kept`;
    logger.info(message, { keptAs: migration.keptAs });
  }
  return store;
}

/** Says loudly, in the log and in `/api/health` (degraded until a restart), that a data file was set aside. */
function reportRecovery(recovery: Recovery, stateFile: string, logger: Logger, health: HealthState): void {
  const state = recovery.file === stateFile;
  const started = recovery.restoredFrom
    ? `its last good copy ${recovery.restoredFrom} was used (changes since that copy are lost)`
    : state
      ? 'an empty state was started: every flow is published again and connections must be entered again'
      : 'its executions were not moved into the history; publish switches and connections are not affected';
  const { file, reason, movedTo } = recovery;
  const message = `the data file ${file} was unusable (${reason}); it was kept as ${movedTo} and ${started}`;
  logger.error(message, { file, movedTo, restoredFrom: recovery.restoredFrom });
  const details = { file, movedTo, reason };
  health.degrade(state ? 'store' : 'store-history', message, details);
}

/**
 * Starts the server; resolves once it takes requests (`GET /api/health` answers 200).
 * Throws `CONFIG:INVALID` with one line per problem of the configuration.
 *
 * @example
 * const server = await startServer({ registry: createAppRegistry(), port: 0 });
 * console.log(server.url);
 * await server.close();
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const overrides = overridesOf(options);
  let config = await loadConfig({ file: options.config, cwd: options.cwd, env, overrides });
  const allTypes = [httpAuthConnectionType, ...(options.connectionTypes ?? [])];
  const connectionTypes = new Map(allTypes.map((definition) => [definition.type, definition]));
  const cwd = options.cwd ?? process.cwd();
  const environment = config.environment
    ? await openEnvironment(config.flowsDir, config.environment, connectionTypes, env, cwd)
    : undefined;
  if (environment && Object.keys(environment.limits).length > 0) {
    const environmentLimits = { file: environment.file, limits: environment.limits };
    config = await loadConfig({ file: options.config, cwd: options.cwd, env, overrides, environmentLimits });
  }
  const redactor = createRedactor();
  if (environment) keepEnvironmentSecrets(redactor, environment.secrets);
  const maxLineBytes = config.limits.logLineBytes;
  const logger = createLogger({ level: config.logLevel, write: options.logWrite, redactor, maxLineBytes });
  const lifecycle: Lifecycle = { state: 'starting', startedAt: Date.now() };
  const health = createHealthState();
  await mkdir(config.dataDir, { recursive: true });
  const secretKey = await loadSecretKey(config.dataDir, env);
  if (secretKey.source === 'generated') {
    const message = 'generated a secret key for connection secrets; back it up with the data folder';
    logger.warn(message, { file: secretKey.file });
  }
  const store = await openStore(config, logger, health);
  const dataServices = options.dataServices ?? [];
  for (const service of dataServices) await service.open(config.dataDir);
  const box = createSecretBox(secretKey.key);
  const storeConnections = createConnectionService({ store, box, types: connectionTypes, redactor });
  const connections = environment ? withEnvironmentConnections(storeConnections, environment) : storeConnections;
  const unreadable = await connections.loadSecrets();
  if (unreadable.length > 0) {
    const message = 'cannot decrypt some connection secrets: another secret key sealed them';
    logger.error(message, { connections: unreadable });
  }
  const metricsRegistry = createMetricsRegistry();
  const metrics = createServerMetrics(metricsRegistry);
  const overload = createOverloadCheck({
    maxEventLoopDelayMs: config.limits.overloadEventLoopDelayMs,
    maxHeapRatio: config.limits.overloadHeapRatio,
  });
  const stallMonitor = startStallMonitor({
    thresholdMs: config.limits.stallWarningMs,
    logger,
    sink: {
      delay: (p50, p99, max) => {
        metrics.eventLoop.delay(p50, p99, max);
        overload.noteReading(max * 1000);
      },
      stall: () => metrics.eventLoop.stall(),
    },
  });
  let table = TriggerTable.empty<TriggerEntry>();
  const catalog: FlowCatalog<TriggerEntry | undefined> = new FlowCatalog({
    flowsDir: config.flowsDir,
    registry: options.registry,
    store,
    logger,
    prepare: prepareTrigger,
    onChange: () => (table = buildTriggerTable(catalog, table)),
    maxJsonDepth: config.limits.jsonDepth,
    sizeLimits: config.limits,
  });
  const journalDir = join(config.dataDir, 'executions', 'journal');
  const { journal, unfinished, damaged } = await ExecutionJournal.open(journalDir);
  for (const segment of damaged) {
    const where = segment.damages.map((damage) => `@${damage.offset} ${damage.reason}`).join('; ');
    const message = `the execution journal segment ${segment.file} was damaged: ${where}`;
    if (!segment.keptAs) logger.warn(message);
    else {
      // Corruption, not a torn tail: kept aside, and reported until the copy is dealt with and flowbus restarted.
      logger.error(`${message}; a copy is kept as ${segment.keptAs}`, { keptAs: segment.keptAs });
      health.degrade('execution-journal', message, { file: segment.file, keptAs: segment.keptAs });
    }
  }
  const runner = new ExecutionRunner({
    journal,
    store,
    logger,
    redactor,
    connections: connections.resolver,
    resolveFlow: (flowId) => catalog.served(flowId)?.compiled,
    variables: environment ? (name) => environment.variables.get(name) : undefined,
    metrics,
    timeoutMs: config.limits.executionTimeoutMs,
    maxConcurrent: config.limits.maxConcurrentExecutions,
    perFlow: { concurrency: config.limits.flowConcurrency, queueSize: config.limits.flowQueueSize },
    limits: config.limits,
  });
  await catalog.loadAll();
  // Before the bus starts: a redelivered event then joins the execution it had started.
  runner.resume(unfinished, (trigger) =>
    trigger === 'event' ? config.limits.eventExecutionTimeoutMs : config.limits.executionTimeoutMs,
  );
  const runFlow: RunningServer['runFlow'] = async (flowId, input, runOptions) => {
    const served = catalog.served(flowId);
    if (!served) throw new FlowbusError('FLOW:NOT_FOUND', `flow "${flowId}" is not published`, { flowId });
    return (await runner.run(served.compiled, input, { ...runOptions, flowVersion: served.version })).record;
  };
  const bus = await createEventBus({
    dataDir: config.dataDir,
    flowsDir: config.flowsDir,
    targetTypes: options.targetTypes,
    connections: connections.resolver,
    ruleEnabled: environment ? (ruleId) => environment.rules.get(ruleId) : undefined,
    runFlow: (flowId, input, runOptions) =>
      runFlow(flowId, input, { ...runOptions, timeoutMs: config.limits.eventExecutionTimeoutMs }),
    log: (level, message, fields) => logger[level](message, fields),
    limits: {
      maxJsonDepth: config.limits.jsonDepth,
      maxUnsettledEvents: config.limits.busUnsettledEvents,
      maxQueuedPerTarget: config.limits.targetQueueSize,
    },
    overloaded: () => overload.reason(),
    health,
    metrics: new BusMetrics(metricsRegistry),
  });
  bus.metrics.listen(busCountToHistory(metrics.history));
  const callbacks = createUrlCallbackSource();
  const sources = await SourceManager.open({
    bus,
    flowsDir: config.flowsDir,
    dataDir: config.dataDir,
    types: [callbacks.definition, ...(options.sourceTypes ?? [])],
    connections: connections.resolver,
    health,
    log: (level, message, fields) => logger[level](message, fields),
  });

  const { registry } = options;
  const api = createApiApp({
    registry,
    catalog,
    drafts: new DraftStore({ dataDir: config.dataDir, maxBytes: config.limits.flowBytes, logger }),
    runner,
    store,
    connections,
    connectionTypes,
    metrics,
    logger,
    config,
    lifecycle,
    health,
    bus,
    sources,
    callbackRoutes: callbacks.install,
  });
  const guardedFallback =
    options.fallback && guardFallback(options.fallback, createRequestGuard(config), refusalLogger(logger));
  const dispatch = createDispatcher({
    table: () => table,
    runner,
    connections,
    redactor,
    logger,
    metrics,
    bodyLimit: config.limits.bodyBytes,
    maxJsonDepth: config.limits.jsonDepth,
    replyLimit: config.limits.replyBytes,
    overloaded: () => overload.reason(),
    // The editor's files answer to the same Host names as the API; trigger paths never reach the fallback.
    fallback: guardedFallback,
  });
  // Every part a delivery needs exists now: only from here on is anything (recovered events first) delivered.
  bus.start();
  const server = createHttpServer(api, dispatch, () => lifecycle.state === 'stopping');
  const port = await listen(server, config.port, config.host);
  const watcher = watchFlows({
    flowsDir: config.flowsDir,
    logger,
    onFile: (path) => catalog.syncPath(path),
    onBusFile: async (path) => {
      await bus.reloadFile(path);
      await sources.reloadFile(path);
    },
    // Flows are compared by content, so re-reading them unchanged costs little; rules are reloaded on events.
    onPeriodicRescan: async () => {
      await catalog.rescan();
      await sources.reloadAll();
    },
    onRescan: async () => {
      await catalog.rescan();
      await bus.reloadAll();
      await sources.reloadAll();
    },
  });
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  lifecycle.state = 'ready';
  const flows = catalog.list();
  logger.info('flowbus is ready', {
    url,
    flows: flows.length,
    ...(environment ? { environment: environment.name, environmentFile: environment.file } : {}),
    triggers: table.entries.map((entry) => `${entry.methods} ${entry.pattern.source} -> ${entry.flowId}`),
    flowsDir: config.flowsDir,
    dataDir: config.dataDir,
  });
  if (!config.authToken && !isLoopback(config.host)) {
    logger.warn(
      'the API listens beyond this machine without a token: set authToken (FLOWBUS_AUTH_TOKEN); until then ' +
        'it answers only to loopback names, the configured host and allowedHosts (FLOWBUS_ALLOWED_HOSTS)',
    );
  }

  let closing: Promise<void> | undefined;
  let removeSignalHandlers = () => {};
  const close = () =>
    (closing ??= (async () => {
      lifecycle.state = 'stopping';
      removeSignalHandlers();
      logger.info('shutting down', { runningExecutions: runner.running });
      watcher.close();
      const bound = config.limits.shutdownTimeoutMs;
      const stopping = stopAccepting(server, bound + 2000);
      const cancelled = await runner.drain(bound);
      if (cancelled > 0) logger.warn(`cancelled ${cancelled} execution(s) still running after ${bound} ms`);
      // Sources stop first: what they took and the bus has not made durable stays unacknowledged.
      await sources.close();
      await bus.close();
      await journal.close();
      for (const service of dataServices) {
        await service.close().catch((thrown: Error) => {
          logger.error(`could not close the ${service.name}`, { error: thrown.message });
        });
      }
      server.closeIdleConnections();
      await Promise.race([stopping.closed, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
      stopping.force();
      await stopping.closed;
      runner.flushRecords();
      await store.close();
      stallMonitor.stop();
      logger.info('stopped');
    })());
  if (options.handleSignals !== false) {
    const remove = installSignalHandlers(close, logger);
    removeSignalHandlers = remove;
  }
  return { url, port, host: config.host, close, runFlow };
}
