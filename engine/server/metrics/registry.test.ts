import { describe, expect, it } from 'vitest';
import { Counter, Gauge, Histogram, MetricsRegistry } from './registry.js';

describe('MetricsRegistry', () => {
  it('renders counters, gauges and histograms in the Prometheus text format', () => {
    const registry = new MetricsRegistry();
    const counter = registry.register(new Counter('jobs_total', 'Jobs.', ['flow']));
    const gauge = registry.register(new Gauge('running', 'Running.'));
    const histogram = registry.register(new Histogram('latency_seconds', 'Latency.', ['flow'], [0.1, 1]));
    counter.inc(['a']);
    counter.inc(['a'], 2);
    counter.inc(['say "hi"\\\n']);
    gauge.set([], 4);
    histogram.observe(['a'], 0.05);
    histogram.observe(['a'], 0.5);
    histogram.observe(['a'], 5);
    expect(registry.render()).toBe(
      [
        '# HELP jobs_total Jobs.',
        '# TYPE jobs_total counter',
        'jobs_total{flow="a"} 3',
        'jobs_total{flow="say \\"hi\\"\\\\\\n"} 1',
        '# HELP running Running.',
        '# TYPE running gauge',
        'running 4',
        '# HELP latency_seconds Latency.',
        '# TYPE latency_seconds histogram',
        'latency_seconds_bucket{flow="a",le="0.1"} 1',
        'latency_seconds_bucket{flow="a",le="1"} 2',
        'latency_seconds_bucket{flow="a",le="+Inf"} 3',
        'latency_seconds_sum{flow="a"} 5.55',
        'latency_seconds_count{flow="a"} 3',
        '',
      ].join('\n'),
    );
  });

  it('drops gauge series on reset', () => {
    const gauge = new Gauge('flows', 'Flows.', ['status']);
    gauge.set(['invalid'], 1);
    gauge.reset();
    gauge.set(['published'], 2);
    expect(gauge.render().at(-1)).toBe('flows{status="published"} 2');
    expect(gauge.render()).toHaveLength(3);
  });
});

describe('kept series', () => {
  // Guards the hot path: a kept cell and a histogram's single-bucket count render as the labelled calls do.
  it('renders increments through kept cells like labelled calls', () => {
    const counter = new Counter('jobs_total', 'Jobs.', ['flow']);
    const histogram = new Histogram('latency_seconds', 'Latency.', ['flow'], [0.1, 1]);
    counter.cell(['a']).value += 2;
    counter.inc(['a']);
    const cells = histogram.cells(['a']);
    for (const value of [0.05, 0.1, 0.5, 5]) histogram.observeInto(cells, value);
    expect(counter.render().at(-1)).toBe('jobs_total{flow="a"} 3');
    expect(histogram.render().slice(2, 5)).toEqual([
      'latency_seconds_bucket{flow="a",le="0.1"} 2',
      'latency_seconds_bucket{flow="a",le="1"} 3',
      'latency_seconds_bucket{flow="a",le="+Inf"} 4',
    ]);
  });
});
