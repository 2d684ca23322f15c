/**
 * @module A small Prometheus registry: labelled counters, gauges and histograms in the text format.
 */

type LabelValues = readonly string[];

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function labelText(names: readonly string[], values: LabelValues, extra?: [string, string]): string {
  const pairs = names.map((name, index) => `${name}="${escapeLabel(values[index] ?? '')}"`);
  if (extra) pairs.push(`${extra[0]}="${extra[1]}"`);
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`;
}

interface Metric {
  render(): string[];
}

abstract class LabelledMetric<Value> implements Metric {
  protected readonly series = new Map<string, { labels: LabelValues; value: Value }>();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly string[],
    private readonly type: string,
  ) {}

  /** The series of these label values, created on first use; callers on a hot path keep it. */
  protected entry(labels: LabelValues, create: () => Value): { labels: LabelValues; value: Value } {
    const key = labels.join('\u0000');
    let entry = this.series.get(key);
    if (!entry) this.series.set(key, (entry = { labels: [...labels], value: create() }));
    return entry;
  }

  render(): string[] {
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} ${this.type}`, ...this.samples()];
  }

  protected abstract samples(): string[];

  /** One line per series, for metrics whose value is a number. */
  protected simpleSamples(): string[] {
    const lines: string[] = [];
    for (const { labels, value } of this.series.values()) {
      lines.push(`${this.name}${labelText(this.labelNames, labels)} ${value as number}`);
    }
    return lines;
  }
}

/** One counter series: its value is incremented in place. */
export type CounterSeries = { value: number };

/** One histogram series: observations per bucket (not cumulative), their sum and count. */
export type HistogramCells = { buckets: number[]; sum: number; count: number };

/** A monotonically increasing count. */
export class Counter extends LabelledMetric<number> {
  constructor(name: string, help: string, labelNames: readonly string[] = []) {
    super(name, help, labelNames, 'counter');
  }

  inc(labels: LabelValues = [], amount = 1): void {
    this.entry(labels, () => 0).value += amount;
  }

  /** The series of `labels`, to increment (`series.value += 1`) without looking it up again. */
  cell(labels: LabelValues): CounterSeries {
    return this.entry(labels, () => 0);
  }

  protected samples(): string[] {
    return this.simpleSamples();
  }
}

/** A value that goes up and down. */
export class Gauge extends LabelledMetric<number> {
  constructor(name: string, help: string, labelNames: readonly string[] = []) {
    super(name, help, labelNames, 'gauge');
  }

  set(labels: LabelValues, value: number): void {
    this.entry(labels, () => 0).value = value;
  }

  /** The series of `labels`, to set in place; {@link reset} detaches it. */
  cell(labels: LabelValues): CounterSeries {
    return this.entry(labels, () => 0);
  }

  /** Drops every series, before setting a fresh set. */
  reset(): void {
    this.series.clear();
  }

  protected samples(): string[] {
    return this.simpleSamples();
  }
}

/** Observations counted into cumulative buckets, with their sum and count. */
export class Histogram extends LabelledMetric<HistogramCells> {
  constructor(
    name: string,
    help: string,
    labelNames: readonly string[],
    private readonly bounds: readonly number[],
  ) {
    super(name, help, labelNames, 'histogram');
  }

  observe(labels: LabelValues, value: number): void {
    this.observeInto(this.cells(labels), value);
  }

  /** The cells of `labels`, for {@link observeInto} without looking them up again. */
  cells(labels: LabelValues): HistogramCells {
    return this.entry(labels, () => ({ buckets: this.bounds.map(() => 0), sum: 0, count: 0 })).value;
  }

  /** Counts one observation: a single bucket (the first that holds it); render makes them cumulative. */
  observeInto(cells: HistogramCells, value: number): void {
    const { bounds } = this;
    let index = 0;
    while (index < bounds.length && value > bounds[index]!) index++;
    if (index < bounds.length) cells.buckets[index]! += 1;
    cells.sum += value;
    cells.count += 1;
  }

  protected samples(): string[] {
    const lines: string[] = [];
    for (const { labels, value } of this.series.values()) {
      let cumulative = 0;
      this.bounds.forEach((bound, index) => {
        cumulative += value.buckets[index]!;
        const labelled = labelText(this.labelNames, labels, ['le', String(bound)]);
        lines.push(`${this.name}_bucket${labelled} ${cumulative}`);
      });
      lines.push(`${this.name}_bucket${labelText(this.labelNames, labels, ['le', '+Inf'])} ${value.count}`);
      lines.push(`${this.name}_sum${labelText(this.labelNames, labels)} ${value.sum}`);
      lines.push(`${this.name}_count${labelText(this.labelNames, labels)} ${value.count}`);
    }
    return lines;
  }
}

/** Holds metrics in registration order and renders them all. */
export class MetricsRegistry {
  private readonly metrics: Metric[] = [];

  register<M extends Metric>(metric: M): M {
    this.metrics.push(metric);
    return metric;
  }

  /** The text exposition format (`text/plain; version=0.0.4`). */
  render(): string {
    return `${this.metrics.flatMap((metric) => metric.render()).join('\n')}\n`;
  }
}

/** Latency buckets in seconds, from 0.5 ms to 30 s. */
export const LATENCY_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
];
