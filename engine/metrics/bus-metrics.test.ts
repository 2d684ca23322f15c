/**
 * @module Tests of the bus's metrics on a registry: counters per label set, gauges read at scrape time, and
 * two registries that do not share a count.
 */
import { describe, expect, it } from 'vitest';
import { BusMetrics } from './bus-metrics.js';
import { Registry } from './registry.js';

describe('BusMetrics', () => {
  it('counts per label set and writes counters as Prometheus text', async () => {
    const metrics = new BusMetrics();
    metrics.count('flowbus_bus_events_accepted_total', { bus: 'default' }, 3);
    metrics.count('flowbus_bus_events_accepted_total', { bus: 'default' });
    metrics.count('flowbus_bus_deliveries_total', { rule: 'r"1', target: 't', outcome: 'delivered' });
    expect(await metrics.value('flowbus_bus_events_accepted_total', { bus: 'default' })).toBe(4);
    expect(await metrics.value('flowbus_bus_events_accepted_total', { bus: 'other' })).toBe(0);
    const lines = (await metrics.text()).split('\n');
    expect(lines).toContain('# TYPE flowbus_bus_events_accepted_total counter');
    expect(lines).toContain('flowbus_bus_events_accepted_total{bus="default"} 4');
    expect(lines).toContain('flowbus_bus_deliveries_total{rule="r\\"1",target="t",outcome="delivered"} 1');
  });

  it('reads gauges when the text is written, and writes only the current series of a labelled one', async () => {
    const metrics = new BusMetrics();
    let deadLetters = 2;
    let sources = [{ labels: { source: 'a' }, value: 1 }, { labels: { source: 'b' }, value: 0 }];
    metrics.observe('flowbus_bus_dead_letters', () => deadLetters);
    metrics.observe('flowbus_source_up', () => sources);
    let lines = (await metrics.text()).split('\n');
    expect(lines).toContain('# TYPE flowbus_bus_dead_letters gauge');
    expect(lines).toContain('flowbus_bus_dead_letters 2');
    expect(lines).toContain('flowbus_source_up{source="a"} 1');
    expect(lines).toContain('flowbus_source_up{source="b"} 0');
    deadLetters = 5;
    sources = [{ labels: { source: 'b' }, value: 1 }];
    lines = (await metrics.text()).split('\n');
    expect(lines).toContain('flowbus_bus_dead_letters 5');
    expect(lines).toContain('flowbus_source_up{source="b"} 1');
    expect(lines.filter((line) => line.startsWith('flowbus_source_up{'))).toHaveLength(1);
  });

  it('tells listeners of every count', () => {
    const metrics = new BusMetrics();
    const heard: unknown[] = [];
    metrics.listen((name, labels, amount) => heard.push([name, labels, amount]));
    metrics.count('flowbus_bus_rule_matches_total', { bus: 'default', rule: 'r' }, 2);
    expect(heard).toEqual([['flowbus_bus_rule_matches_total', { bus: 'default', rule: 'r' }, 2]]);
  });

  // Guards the per-server registry: two servers in one process must not count into each other.
  it('keeps the counts of two registries apart', async () => {
    const [first, second] = [new BusMetrics(new Registry()), new BusMetrics(new Registry())];
    first.count('flowbus_bus_events_accepted_total', { bus: 'default' }, 7);
    expect(await first.value('flowbus_bus_events_accepted_total', { bus: 'default' })).toBe(7);
    expect(await second.value('flowbus_bus_events_accepted_total', { bus: 'default' })).toBe(0);
    expect(await second.text()).not.toContain('flowbus_bus_events_accepted_total{');
  });
});
