/**
 * @module The bus's metrics on a Prometheus registry: counters of ingest, matches, deliveries, retries, dead
 * letters, journal damage and sources, and gauges read when the metrics are scraped (queues, stores, sources'
 * connections, target probes).
 */
import { Counter, Gauge, Registry } from 'prom-client';

type Labels = Record<string, string>;

const COUNTERS = {
  flowbus_bus_events_accepted_total: ['Events accepted (durable) per bus.', ['bus']],
  flowbus_bus_events_rejected_total: ['Events rejected at ingest per bus.', ['bus']],
  flowbus_bus_rule_matches_total: ['Events matched per rule.', ['bus', 'rule']],
  flowbus_bus_deliveries_total: [
    'Finished deliveries per target by outcome (delivered, dead-lettered, dropped, ignored, redriven).',
    ['rule', 'target', 'outcome'],
  ],
  flowbus_bus_delivery_retries_total: ['Delivery attempts that were retries.', ['rule', 'target']],
  flowbus_bus_delivery_deferrals_total: [
    'Deliveries a target asked to make again later (not counted as attempts).',
    ['rule', 'target'],
  ],
  flowbus_bus_refused_events_total: [
    'Events refused before they were accepted (429/503: a bound was reached).',
    ['bus'],
  ],
  flowbus_bus_dead_letters_total: ['Events put into the dead-letter store.', ['rule', 'target']],
  flowbus_bus_delivery_internal_errors_total: [
    'Delivery attempts that failed inside flowbus (not counted as attempts; tried again).',
    ['rule', 'target'],
  ],
  flowbus_bus_journal_damage_total: [
    'Damaged places found in the bus journal on start, by kind (torn-tail: cut off; corrupt: kept aside).',
    ['kind'],
  ],
  flowbus_bus_journal_damaged_bytes_total: ['Bytes of the bus journal found damaged on start, by kind.', ['kind']],
  flowbus_source_messages_total: [
    'Messages taken from sources by outcome (accepted, duplicate, rejected to the dead-letter path, failed).',
    ['source', 'outcome'],
  ],
  flowbus_source_connects_total: ['Connections a source made to its broker (reconnects included).', ['source']],
  flowbus_source_disconnects_total: ['Connections of a source to its broker that were lost or refused.', ['source']],
} as const satisfies Record<string, readonly [string, readonly string[]]>;

const GAUGES = {
  flowbus_bus_unsettled_events: ['Accepted events with deliveries not finished.', []],
  flowbus_bus_queued_deliveries: ['Deliveries waiting or in flight.', []],
  flowbus_bus_scheduled_deliveries: ['Deliveries deferred by their target to a due time.', []],
  flowbus_bus_dead_letters: ['Dead letters stored.', []],
  flowbus_bus_log_store_entries: ['Events kept in the log store.', []],
  flowbus_bus_journal_corrupt_copies: ['Copies of corrupt journal segments kept aside.', []],
  flowbus_source_up: ['Whether a source is connected and consuming.', ['source']],
  flowbus_target_probe_ok: [
    "Whether the broker of a rule's queue target answered its probe with no problem.",
    ['rule', 'config'],
  ],
} as const satisfies Record<string, readonly [string, readonly string[]]>;

export type BusCounter = keyof typeof COUNTERS;
export type BusGauge = keyof typeof GAUGES;

/** One series of a labelled gauge. */
export interface GaugeSample {
  labels: Labels;
  value: number;
}

/** What a gauge reads when the metrics are scraped: its value, or the series of a labelled gauge. */
export type GaugeReader = () => number | readonly GaugeSample[];

/** Told of every count, e.g. to keep a per-minute history. */
export type CountListener = (name: BusCounter, labels: Labels, amount: number) => void;

/**
 * The bus's counters and gauges, defined on a registry (the server's, or a registry of their own).
 *
 * @example
 * const metrics = new BusMetrics(registry);
 * metrics.count('flowbus_bus_events_accepted_total', { bus: 'default' }, 3);
 * metrics.observe('flowbus_bus_dead_letters', () => deadLetters.size);
 * await metrics.text(); // '... flowbus_bus_events_accepted_total{bus="default"} 3 ...'
 */
export class BusMetrics {
  private readonly counters = new Map<BusCounter, Counter>();
  private readonly readers = new Map<BusGauge, GaugeReader>();
  private readonly listeners: CountListener[] = [];

  constructor(readonly registry: Registry = new Registry()) {
    const registers = [registry];
    for (const [name, [help, labelNames]] of Object.entries(COUNTERS)) {
      this.counters.set(name as BusCounter, new Counter({ name, help, labelNames, registers }));
    }
    const readers = this.readers;
    for (const [name, [help, labelNames]] of Object.entries(GAUGES)) {
      new Gauge({
        ...{ name, help, labelNames, registers },
        collect() {
          const read = readers.get(name as BusGauge);
          if (read) setGauge(this, read());
        },
      });
    }
  }

  /** Calls `listener` on every later count. */
  listen(listener: CountListener): void {
    this.listeners.push(listener);
  }

  /** Adds `amount` to a counter series. */
  count(name: BusCounter, labels: Labels, amount = 1): void {
    for (const listener of this.listeners) listener(name, labels, amount);
    this.counters.get(name)!.inc(labels, amount);
  }

  /** Where a gauge's value comes from when the metrics are scraped; a later reader replaces it. */
  observe(name: BusGauge, read: GaugeReader): void {
    this.readers.set(name, read);
  }

  /** The current value of a counter series (0 when never counted). */
  async value(name: BusCounter, labels: Labels): Promise<number> {
    const { values } = await this.counters.get(name)!.get();
    const wanted = Object.entries(labels);
    const same = (found: Partial<Record<string, string | number>>) =>
      Object.keys(found).length === wanted.length && wanted.every(([key, value]) => found[key] === value);
    return values.find((series) => same(series.labels))?.value ?? 0;
  }

  /** The registry's metrics in the Prometheus text format (the server's, where the bus shares its registry). */
  text(): Promise<string> {
    return this.registry.metrics();
  }
}

function setGauge(gauge: Gauge, reading: number | readonly GaugeSample[]): void {
  if (typeof reading === 'number') return gauge.set(reading);
  // Series come and go (sources and rules are removed): only the current ones are written.
  gauge.reset();
  for (const { labels, value } of reading) gauge.set(labels, value);
}
