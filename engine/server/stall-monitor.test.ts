import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger.js';
import { createServerMetrics } from '../metrics/server-metrics.js';
import { startStallMonitor, type StallMonitor } from './stall-monitor.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Keeps the event loop busy for `ms`, as a runaway regex or a huge JSON.stringify would. */
function blockLoop(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy on purpose
  }
}

function metricValue(text: string, name: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  if (!line) throw new Error(`no metric ${name} in:\n${text}`);
  return Number(line.slice(name.length + 1));
}

let monitor: StallMonitor | undefined;
afterEach(() => monitor?.stop());

function setup(thresholdMs: number, warnIntervalMs = 60_000) {
  const lines: any[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => lines.push(JSON.parse(line)) });
  const metrics = createServerMetrics();
  // A long interval: the test samples by hand, so timing on a busy machine cannot move the windows.
  const sink = metrics.eventLoop;
  monitor = startStallMonitor({ thresholdMs, logger, sink, intervalMs: 3_600_000, warnIntervalMs });
  return { lines, metrics, monitor };
}

/** Lets the sampler tick, blocks the loop, lets it tick again so the delay is recorded, then samples. */
async function stall(monitor: StallMonitor, ms: number): Promise<void> {
  await pause(50);
  blockLoop(ms);
  await pause(50);
  monitor.sample();
}

describe('stall monitor', () => {
  it('reports a 300 ms block as a metric and a warning', async () => {
    const { lines, metrics, monitor } = setup(100);
    await stall(monitor, 300);
    const text = await metrics.text();
    expect(metricValue(text, 'flowbus_event_loop_delay_max_seconds')).toBeGreaterThanOrEqual(0.25);
    expect(metricValue(text, 'flowbus_event_loop_delay_p99_seconds')).toBeGreaterThanOrEqual(0.25);
    expect(metricValue(text, 'flowbus_event_loop_delay_p50_seconds')).toBeGreaterThanOrEqual(0);
    expect(metricValue(text, 'flowbus_event_loop_stalls_total')).toBe(1);
    const warnings = lines.filter((line) => line.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].msg).toMatch(/^the event loop was blocked for \d+ ms, over 100 ms$/);
    expect(warnings[0]).toMatchObject({ thresholdMs: 100, stalls: 1 });
    expect(warnings[0].delayMs).toBeGreaterThanOrEqual(250);
  });

  it('warns at most once per interval, then once for the stalls seen in between', async () => {
    const { lines, metrics, monitor } = setup(100, 1000);
    await stall(monitor, 200);
    await stall(monitor, 300);
    await stall(monitor, 200);
    expect(lines.filter((line) => line.level === 'warn')).toHaveLength(1);
    expect(metricValue(await metrics.text(), 'flowbus_event_loop_stalls_total')).toBe(3);
    // Once the interval has passed, the next reading logs the two stalls held back, with the worst delay.
    await pause(1000);
    monitor.sample();
    const warnings = lines.filter((line) => line.level === 'warn');
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toMatchObject({ stalls: 2, thresholdMs: 100 });
    expect(warnings[1].delayMs).toBeGreaterThanOrEqual(250);
    expect(warnings[1].msg).toContain('(2 stalls since the last warning)');
  });

  it('sees a block that starts right after a reading, where the histogram skips a period', async () => {
    const { lines, metrics, monitor } = setup(100);
    await pause(60);
    monitor.sample();
    blockLoop(300);
    await pause(80);
    monitor.sample();
    expect(metricValue(await metrics.text(), 'flowbus_event_loop_delay_max_seconds')).toBeGreaterThanOrEqual(0.2);
    expect(lines.filter((line) => line.level === 'warn')).toHaveLength(1);
  });

  it('stays quiet under the threshold, and with the warning turned off', async () => {
    const quiet = setup(1000);
    await stall(quiet.monitor, 150);
    expect(quiet.lines).toEqual([]);
    expect(metricValue(await quiet.metrics.text(), 'flowbus_event_loop_delay_max_seconds')).toBeGreaterThan(0.1);
    quiet.monitor.stop();
    const off = setup(0);
    await stall(off.monitor, 150);
    expect(off.lines).toEqual([]);
    expect(metricValue(await off.metrics.text(), 'flowbus_event_loop_stalls_total')).toBe(0);
  });
});
