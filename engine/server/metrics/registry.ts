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

/** A monotonically increasing count. */
export class Counter extends LabelledMetric<number> {
  constructor(name: string, help: string, labelNames: readonly string[] = []) {
    super(name, help, labelNames, 'counter');
  }

  inc(labels: LabelValues = [], amount = 1): void {
    this.entry(labels, () => 0).value += amount;
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

  /** Drops every series, before setting a fresh set. */
  reset(): void {
    this.series.clear();
  }

  protected samples(): string[] {
    return this.simpleSamples();
  }
}

/** Observations counted into cumulative buckets, with their sum and count. */
export class Histogram extends LabelledMetric<{ buckets: number[]; sum: number; count: number }> {
  constructor(
    name: string,
    help: string,
    labelNames: readonly string[],
    private readonly bounds: readonly number[],
  ) {
    super(name, help, labelNames, 'histogram');
  }

  observe(labels: LabelValues, value: number): void {
    const entry = this.entry(labels, () => ({ buckets: this.bounds.map(() => 0), sum: 0, count: 0 })).value;
    for (let index = 0; index < this.bounds.length; index++) {
      if (value <= this.bounds[index]!) entry.buckets[index]! += 1;
    }
    entry.sum += value;
    entry.count += 1;
  }

  protected samples(): string[] {
    const lines: string[] = [];
    for (const { labels, value } of this.series.values()) {
      this.bounds.forEach((bound, index) => {
        const labelled = labelText(this.labelNames, labels, ['le', String(bound)]);
        lines.push(`${this.name}_bucket${labelled} ${value.buckets[index]}`);
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
