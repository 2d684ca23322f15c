/**
 * @module Tests of the per-minute history: counts land in their minute, old minutes fall out after an hour,
 * percentiles come from the minute's durations, and a busy minute keeps a bounded sample.
 */
import { describe, expect, it } from 'vitest';
import { HISTORY_MINUTES, LATENCY_SAMPLES_PER_MINUTE, MetricsHistory, MINUTE_MS } from './history.js';

function clockAt(start: number) {
  const clock = { time: start, now: () => clock.time };
  return clock;
}

describe('MetricsHistory', () => {
  it('counts per minute, the current minute last, and forgets minutes older than an hour', () => {
    const clock = clockAt(1_000 * MINUTE_MS + 5_000);
    const history = new MetricsHistory({ now: clock.now });
    history.count('ingest', 3);
    history.count('deadLetters');
    clock.time += MINUTE_MS;
    history.count('ingest', 2);
    history.count('retries', 0);
    let snapshot = history.snapshot();
    expect(snapshot.minutes).toHaveLength(HISTORY_MINUTES);
    expect(snapshot.minutes.at(-1)).toBe(1_001 * MINUTE_MS);
    expect(snapshot.series.ingest.slice(-2)).toEqual([3, 2]);
    expect(snapshot.series.deadLetters.slice(-2)).toEqual([1, 0]);
    expect(snapshot.series.retries.every((value) => value === 0)).toBe(true);

    clock.time += (HISTORY_MINUTES - 1) * MINUTE_MS;
    snapshot = history.snapshot();
    expect(snapshot.series.ingest[0]).toBe(2);
    expect(snapshot.series.ingest.reduce((sum, value) => sum + value, 0)).toBe(2);
    // The slot of an hour ago is reused for the new minute, not added to.
    history.count('ingest', 7);
    expect(history.snapshot().series.ingest.at(-1)).toBe(7);
  });

  it('gives execution percentiles and executions per flow per minute', () => {
    const clock = clockAt(50 * MINUTE_MS);
    const history = new MetricsHistory({ now: clock.now });
    for (let ms = 1; ms <= 100; ms++) history.execution(ms % 4 === 0 ? 'b' : 'a', ms);
    const snapshot = history.snapshot();
    expect(snapshot.latency.p50.at(-1)).toBe(50);
    expect(snapshot.latency.p95.at(-1)).toBe(95);
    expect(snapshot.latency.p99.at(-1)).toBe(99);
    expect(snapshot.latency.p50.at(-2)).toBeNull();
    expect(snapshot.series.executions.at(-1)).toBe(100);
    expect(snapshot.flows.a!.at(-1)).toBe(75);
    expect(snapshot.flows.b!.at(-1)).toBe(25);
    expect(snapshot.flows.a!.slice(0, -1).every((value) => value === 0)).toBe(true);
  });

  it('keeps a bounded sample of a busy minute', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const history = new MetricsHistory({ now: () => 0, random });
    for (let index = 0; index < 20_000; index++) history.execution('a', index % 2 === 0 ? 10 : 1000);
    const snapshot = history.snapshot();
    expect(snapshot.series.executions.at(-1)).toBe(20_000);
    const internal = (history as unknown as { slots: Array<{ durations: number[] } | undefined> }).slots;
    expect(internal[0]!.durations).toHaveLength(LATENCY_SAMPLES_PER_MINUTE);
    expect(snapshot.latency.p50.at(-1)).toBeGreaterThanOrEqual(10);
    expect(snapshot.latency.p99.at(-1)).toBe(1000);
  });
});
