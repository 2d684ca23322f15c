/**
 * @module `createEventBus`: the event bus engine. Accepts events durably, routes them by rule to their
 * targets, retries, keeps dead letters, logs events, traces deliveries and counts everything. It delivers
 * nothing, not even what the journal held from before, until `start()`.
 */
import { join } from 'node:path';
import { FlowbusError } from '../core/errors.js';
import type { ValidationIssue } from '../core/issues.js';
import type { Clock } from '../core/step-definition.js';
import { realClock } from '../runtime/clock.js';
import { RuleCatalog, type BusEntry, type RuleEntry } from './catalog/rule-catalog.js';
import type { BusEvent } from './cloudevents/index.js';
import { admitEvents, type AdmissionState } from './admission.js';
import { Dispatcher } from './delivery/dispatcher.js';
import type { BusLog } from './delivery/deps.js';
import { guardRunFlow } from './delivery/internal-error.js';
import { BusJournal } from './journal/bus-journal.js';
import { reportJournalDamage } from './journal/damage-report.js';
import { BusMetrics } from '../metrics/bus-metrics.js';
import { DEFAULT_LIMITS, type BusLimits, type EventBusOptions } from './options.js';
import { builtinTargetTypes, createTargetRegistry, type TargetRegistry } from './targets/index.js';
import { TargetProbes } from './targets/probes.js';
import { DeadLetterStore } from './stores/dead-letters.js';
import { LogStore } from './stores/log-store.js';
import { TraceStore } from './stores/traces.js';
import type { DeliveryReceipt } from './types.js';

/** The running bus. */
export interface EventBus {
  readonly limits: BusLimits;
  /** Where the bus logs (its routes log unexpected errors here too). */
  readonly log: BusLog;
  readonly targets: TargetRegistry;
  readonly catalog: RuleCatalog;
  readonly deadLetters: DeadLetterStore;
  readonly logStore: LogStore;
  readonly traces: TraceStore;
  /** The bus's counters and gauges, on the registry of `options.metrics` (else one of their own). */
  readonly metrics: BusMetrics;
  /** The bus's time (tests pass their own). */
  readonly clock: Clock;
  /**
   * Starts delivering: first the events the journal held unfinished from before, then what was published
   * since the bus was created. Call it once every target type and service (the flow runner) is wired.
   */
  start(): void;
  /** Accepts events on a bus; resolves with their ids once they are durable (routed once started). */
  publish(bus: string, events: readonly BusEvent[]): Promise<string[]>;
  /** Whether a bus exists. */
  hasBus(bus: string): boolean;
  buses(): BusEntry[];
  rules(): RuleEntry[];
  /**
   * What the target systems refused of a loaded rule, or that they cannot be reached (asked in the
   * background at load; see `TargetTypeDefinition.probe`), as issues of the rule file.
   */
  targetProblems(ruleId: string): ValidationIssue[];
  /** Validates a rule without saving it. */
  checkRule(id: string, json: unknown): ValidationIssue[];
  saveRule(id: string, json: unknown): Promise<{ created: boolean; entry: RuleEntry }>;
  deleteRule(id: string): Promise<boolean>;
  /** Applies a change of one file of the flows folder (for the server's file watcher). */
  reloadFile(path: string): Promise<void>;
  /** Reads every rule and bus file again. */
  reloadAll(): Promise<void>;
  redrive(deadLetterId: string): Promise<DeliveryReceipt>;
  /** Resolves when no delivery waits or is in flight (tests, benchmarks). */
  idle(): Promise<void>;
  /** Stops delivering (unfinished work stays in the journal) and closes the files. */
  close(): Promise<void>;
}

/**
 * Opens the bus: loads rule and bus files, opens the journal (reporting any damage) and stores. `start()`
 * then redelivers what the journal holds unfinished from before and delivers what is published.
 *
 * @example
 * const bus = await createEventBus({ dataDir: 'data', flowsDir: 'flows', runFlow, connections, health });
 * installBusRoutes(app, bus);
 * bus.start();
 */
export async function createEventBus(options: EventBusOptions): Promise<EventBus> {
  const clock = options.clock ?? realClock;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const sync = options.sync ?? true;
  const log = options.log ?? (() => {});
  const dir = join(options.dataDir, 'bus');
  const targets = createTargetRegistry([...builtinTargetTypes, ...(options.targetTypes ?? [])]);
  const catalog = new RuleCatalog(targets, options.flowsDir, limits.maxJsonDepth, options.ruleEnabled);
  await catalog.reloadAll();
  const metrics = options.metrics ?? new BusMetrics();
  const journalOptions = { sync, segmentBytes: options.segmentBytes };
  const { journal, pending, damage } = await BusJournal.open(join(dir, 'journal'), journalOptions);
  const corruptCopies = reportJournalDamage(damage, { log, metrics, health: options.health });
  const deadLetters = await DeadLetterStore.open(join(dir, 'dead-letters.jsonl'), { sync });
  const retentionMs = (options.logStore?.retentionDays ?? 7) * 24 * 60 * 60 * 1000;
  const maxEntries = options.logStore?.maxEntries ?? 200_000;
  const logStoreOptions = { retentionMs, maxEntries, sync, now: () => clock.now() };
  const logStore = await LogStore.open(join(dir, 'log-store'), logStoreOptions);
  const traces = await TraceStore.open(join(dir, 'traces'), options.traceLimit ?? 10_000);
  for (const { file, damages, keptAs } of traces.damaged) {
    // Traces are diagnostics: damage costs some trace lines, never an event, so it is a warning only.
    const kinds = damages.map((damage) => `${damage.kind} at byte ${damage.offset}: ${damage.reason}`);
    log('warn', 'delivery traces read back with damage; the intact ones are kept', { file, keptAs, damages: kinds });
  }
  const stopping = new AbortController();
  const runFlow = options.runFlow && guardRunFlow(options.runFlow);
  const { connections } = options;
  const probes = new TargetProbes({ connections, health: options.health, log });
  catalog.onRuleChange = (id, rule) => probes.ruleChanged(id, rule);
  for (const entry of catalog.rules.values()) probes.ruleChanged(entry.id, entry.rule);
  const services = { runFlow, connections, logStore, fetch: options.fetch, clock };
  const dispatcher = new Dispatcher({
    ...{ catalog, journal, deadLetters, traces, metrics, services, clock, log },
    random: options.random ?? Math.random,
    signal: stopping.signal,
  });
  const admission: AdmissionState = {
    limits,
    unsettled: (bus) => journal.unsettledOn(bus),
    fullestQueue: (bus) => dispatcher.fullestQueue(bus),
    overloaded: options.overloaded,
  };
  // Held by the dispatcher until start(), ahead of anything published meanwhile.
  for (const event of pending) dispatcher.route(event, { openTasks: event.openTasks, progress: event.progress });
  const expiry = setInterval(() => void logStore.expire().catch(() => undefined), 60 * 60 * 1000);
  expiry.unref();
  metrics.observe('flowbus_bus_unsettled_events', () => journal.unsettled);
  metrics.observe('flowbus_bus_queued_deliveries', () => dispatcher.queued);
  metrics.observe('flowbus_bus_scheduled_deliveries', () => dispatcher.scheduled);
  metrics.observe('flowbus_bus_dead_letters', () => deadLetters.size);
  metrics.observe('flowbus_bus_log_store_entries', () => logStore.size);
  metrics.observe('flowbus_bus_journal_corrupt_copies', () => corruptCopies);
  metrics.observe('flowbus_target_probe_ok', () => probes.states());

  let closed = false;
  const bus: EventBus = {
    limits,
    log,
    targets,
    catalog,
    deadLetters,
    logStore,
    traces,
    metrics,
    clock,
    hasBus: (id) => catalog.buses.has(id),
    start() {
      if (closed || dispatcher.started) return;
      if (pending.length > 0) {
        log('info', 'redelivering events accepted before the restart', { events: pending.length });
      }
      dispatcher.start();
    },
    async publish(busId, events) {
      if (closed) throw new FlowbusError('SERVER:STOPPING', 'the bus is shutting down');
      if (!catalog.buses.has(busId)) throw new FlowbusError('BUS:NOT_FOUND', `no bus "${busId}"`);
      if (events.length === 0) return [];
      try {
        admitEvents(admission, busId, events.length);
      } catch (refused) {
        metrics.count('flowbus_bus_refused_events_total', { bus: busId }, events.length);
        throw refused;
      }
      const acceptedAt = clock.now();
      const recorded = await journal.recordEvents(events.map((event) => ({ bus: busId, event, acceptedAt })));
      metrics.count('flowbus_bus_events_accepted_total', { bus: busId }, events.length);
      for (const journaled of recorded) dispatcher.route(journaled);
      return recorded.map((journaled) => journaled.event.id);
    },
    buses: () => [...catalog.buses.values()],
    rules: () => [...catalog.rules.values()],
    targetProblems: (id) => probes.issuesOf(id),
    checkRule: (id, json) => catalog.check(id, json).issues,
    saveRule: (id, json) => catalog.save(id, json),
    deleteRule: (id) => catalog.delete(id),
    reloadFile: (path) => catalog.reloadFile(path),
    reloadAll: () => catalog.reloadAll(),
    redrive: (id) => dispatcher.redrive(id),
    idle: () => dispatcher.idle(),
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(expiry);
      probes.close();
      stopping.abort();
      await dispatcher.stop();
      await Promise.all([journal.close(), deadLetters.close(), logStore.close(), traces.close()]);
    },
  };
  return bus;
}
