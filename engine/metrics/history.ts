/**
 * @module The last hour of the server's own metrics, per minute, for the console's charts: a ring of 60
 * slots, each holding counts and a bounded sample of execution durations. Nothing grows with traffic: a
 * minute keeps at most {@link LATENCY_SAMPLES_PER_MINUTE} durations (a uniform reservoir sample).
 */

/** What is counted per minute. */
export const HISTORY_SERIES = ['ingest', 'matches', 'deliveries', 'retries', 'deadLetters', 'executions'] as const;
export type HistorySeries = (typeof HISTORY_SERIES)[number];

export const MINUTE_MS = 60_000;
export const HISTORY_MINUTES = 60;
export const LATENCY_SAMPLES_PER_MINUTE = 1000;

interface Slot {
  minute: number;
  counts: Record<HistorySeries, number>;
  executionsByFlow: Map<string, number>;
  durations: number[];
  /** Durations seen this minute, sampled or not. */
  durationsSeen: number;
}

/** The last hour, oldest minute first; a minute without executions has `null` percentiles. */
export interface HistorySnapshot {
  /** Start of each minute, ms since the epoch; the last is the current, unfinished minute. */
  minutes: number[];
  series: Record<HistorySeries, number[]>;
  /** Execution duration percentiles in milliseconds. */
  latency: { p50: Array<number | null>; p95: Array<number | null>; p99: Array<number | null> };
  /** Executions per minute of each flow that ran in the hour. */
  flows: Record<string, number[]>;
}

export interface MetricsHistoryOptions {
  now?: () => number;
  /** For the reservoir sample; default Math.random. */
  random?: () => number;
}

/**
 * Per-minute counts of the last hour.
 *
 * @example
 * const history = new MetricsHistory();
 * history.count('ingest', 3);
 * history.execution('alarm-to-wecom', 12.5);
 * history.snapshot().series.ingest.at(-1); // 3
 */
export class MetricsHistory {
  private readonly slots: Array<Slot | undefined> = new Array(HISTORY_MINUTES);
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(options: MetricsHistoryOptions = {}) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  count(series: HistorySeries, amount = 1): void {
    if (amount > 0) this.slot().counts[series] += amount;
  }

  /** One finished execution of a flow that took `durationMs`. */
  execution(flowId: string, durationMs: number): void {
    const slot = this.slot();
    slot.counts.executions += 1;
    slot.executionsByFlow.set(flowId, (slot.executionsByFlow.get(flowId) ?? 0) + 1);
    slot.durationsSeen += 1;
    if (slot.durations.length < LATENCY_SAMPLES_PER_MINUTE) slot.durations.push(durationMs);
    else {
      const index = Math.floor(this.random() * slot.durationsSeen);
      if (index < LATENCY_SAMPLES_PER_MINUTE) slot.durations[index] = durationMs;
    }
  }

  /** The last {@link HISTORY_MINUTES} minutes, the current one last. */
  snapshot(): HistorySnapshot {
    const current = Math.floor(this.now() / MINUTE_MS);
    const minutes: number[] = [];
    const series = Object.fromEntries(HISTORY_SERIES.map((name) => [name, [] as number[]])) as HistorySnapshot['series'];
    const latency: HistorySnapshot['latency'] = { p50: [], p95: [], p99: [] };
    const flows: Record<string, number[]> = {};
    for (let minute = current - HISTORY_MINUTES + 1; minute <= current; minute++) {
      const index = minutes.length;
      minutes.push(minute * MINUTE_MS);
      const slot = this.slots[minute % HISTORY_MINUTES];
      const live = slot?.minute === minute ? slot : undefined;
      for (const name of HISTORY_SERIES) series[name].push(live?.counts[name] ?? 0);
      const sorted = live ? [...live.durations].sort((left, right) => left - right) : [];
      latency.p50.push(percentile(sorted, 0.5));
      latency.p95.push(percentile(sorted, 0.95));
      latency.p99.push(percentile(sorted, 0.99));
      for (const [flowId, count] of live?.executionsByFlow ?? []) {
        (flows[flowId] ??= new Array<number>(HISTORY_MINUTES).fill(0))[index] = count;
      }
    }
    return { minutes, series, latency, flows };
  }

  private slot(): Slot {
    const minute = Math.floor(this.now() / MINUTE_MS);
    const index = minute % HISTORY_MINUTES;
    const known = this.slots[index];
    if (known?.minute === minute) return known;
    const counts = Object.fromEntries(HISTORY_SERIES.map((name) => [name, 0])) as Slot['counts'];
    const fresh: Slot = { minute, counts, executionsByFlow: new Map(), durations: [], durationsSeen: 0 };
    this.slots[index] = fresh;
    return fresh;
  }
}

/** Nearest-rank percentile of sorted values; null when there are none. */
function percentile(sorted: readonly number[], fraction: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

/** Which bus counter feeds which series; deliveries count the delivered and the re-driven. */
export function busCountToHistory(history: MetricsHistory) {
  return (name: string, labels: Record<string, string>, amount: number): void => {
    if (name === 'flowbus_bus_events_accepted_total') history.count('ingest', amount);
    else if (name === 'flowbus_bus_rule_matches_total') history.count('matches', amount);
    else if (name === 'flowbus_bus_delivery_retries_total') history.count('retries', amount);
    else if (name === 'flowbus_bus_dead_letters_total') history.count('deadLetters', amount);
    else if (name === 'flowbus_bus_deliveries_total' && ['delivered', 'redriven'].includes(labels.outcome ?? '')) {
      history.count('deliveries', amount);
    }
  };
}
