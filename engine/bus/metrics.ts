/**
 * @module Counters of the bus (ingest, matches, deliveries, retries, dead letters) in Prometheus text format.
 */

type Labels = Record<string, string>;

interface Family {
  help: string;
  type: 'counter' | 'gauge';
  series: Map<string, { labels: Labels; value: number }>;
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function labelText(labels: Labels): string {
  const pairs = Object.entries(labels).map(([name, value]) => `${name}="${escapeLabel(value)}"`);
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`;
}

const COUNTERS = {
  flowbus_bus_events_accepted_total: 'Events accepted (durable) per bus.',
  flowbus_bus_events_rejected_total: 'Events rejected at ingest per bus.',
  flowbus_bus_rule_matches_total: 'Events matched per rule.',
  flowbus_bus_deliveries_total:
    'Finished deliveries per target by outcome (delivered, dead-lettered, dropped, ignored, redriven).',
  flowbus_bus_delivery_retries_total: 'Delivery attempts that were retries.',
  flowbus_bus_delivery_deferrals_total: 'Deliveries a target asked to make again later (not counted as attempts).',
  flowbus_bus_refused_events_total: 'Events refused before they were accepted (429/503: a bound was reached).',
  flowbus_bus_dead_letters_total: 'Events put into the dead-letter store.',
  flowbus_bus_delivery_internal_errors_total:
    'Delivery attempts that failed inside flowbus (not counted as attempts; tried again).',
  flowbus_bus_journal_damage_total:
    'Damaged places found in the bus journal on start, by kind (torn-tail: cut off; corrupt: kept aside).',
  flowbus_bus_journal_damaged_bytes_total: 'Bytes of the bus journal found damaged on start, by kind.',
  flowbus_source_messages_total:
    'Messages taken from sources by outcome (accepted, duplicate, rejected to the dead-letter path, failed).',
  flowbus_source_connects_total: 'Connections a source made to its broker (reconnects included).',
  flowbus_source_disconnects_total: 'Connections of a source to its broker that were lost or refused.',
} as const;

export type BusCounter = keyof typeof COUNTERS;

/** Told of every count, e.g. to keep a per-minute history. */
export type CountListener = (name: BusCounter, labels: Labels, amount: number) => void;

/** The bus's counters; gauges are read when the text is written. */
export class BusMetrics {
  private readonly families = new Map<string, Family>();
  private readonly listeners: CountListener[] = [];

  constructor() {
    for (const [name, help] of Object.entries(COUNTERS)) {
      this.families.set(name, { help, type: 'counter', series: new Map() });
    }
  }

  /** Calls `listener` on every later count. */
  listen(listener: CountListener): void {
    this.listeners.push(listener);
  }

  /** Adds `amount` to a counter series. */
  count(name: BusCounter, labels: Labels, amount = 1): void {
    for (const listener of this.listeners) listener(name, labels, amount);
    const family = this.families.get(name)!;
    const key = labelText(labels);
    const series = family.series.get(key);
    if (series) series.value += amount;
    else family.series.set(key, { labels, value: amount });
  }

  /** The current value of a counter series (0 when never counted). */
  value(name: BusCounter, labels: Labels): number {
    return this.families.get(name)!.series.get(labelText(labels))?.value ?? 0;
  }

  /**
   * Prometheus text lines for every counter and the given gauges.
   *
   * @example
   * metrics.lines({ flowbus_bus_unsettled_events: ['Events not yet settled.', 3] }).join('\n');
   */
  lines(gauges: Record<string, [help: string, value: number]> = {}): string[] {
    const lines: string[] = [];
    for (const [name, family] of this.families) {
      lines.push(`# HELP ${name} ${family.help}`, `# TYPE ${name} ${family.type}`);
      for (const { labels, value } of family.series.values()) {
        lines.push(`${name}${labelText(labels)} ${value}`);
      }
    }
    for (const [name, [help, value]] of Object.entries(gauges)) {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, `${name} ${value}`);
    }
    return lines;
  }
}
