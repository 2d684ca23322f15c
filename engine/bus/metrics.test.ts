/**
 * @module Tests of the bus counters in Prometheus text format.
 */
import { describe, expect, it } from 'vitest';
import { BusMetrics } from './metrics.js';

describe('BusMetrics', () => {
  it('counts per label set and writes counters and gauges as Prometheus text', () => {
    const metrics = new BusMetrics();
    metrics.count('flowbus_bus_events_accepted_total', { bus: 'default' }, 3);
    metrics.count('flowbus_bus_events_accepted_total', { bus: 'default' });
    metrics.count('flowbus_bus_deliveries_total', { rule: 'r"1', target: 't', outcome: 'delivered' });
    expect(metrics.value('flowbus_bus_events_accepted_total', { bus: 'default' })).toBe(4);
    expect(metrics.value('flowbus_bus_events_accepted_total', { bus: 'other' })).toBe(0);
    const lines = metrics.lines({ flowbus_bus_dead_letters: ['Dead letters stored.', 2] });
    expect(lines).toContain('# TYPE flowbus_bus_events_accepted_total counter');
    expect(lines).toContain('flowbus_bus_events_accepted_total{bus="default"} 4');
    expect(lines).toContain('flowbus_bus_deliveries_total{rule="r\\"1",target="t",outcome="delivered"} 1');
    expect(lines.slice(-3)).toEqual([
      '# HELP flowbus_bus_dead_letters Dead letters stored.',
      '# TYPE flowbus_bus_dead_letters gauge',
      'flowbus_bus_dead_letters 2',
    ]);
  });
});
