/**
 * @module The stall monitor: event-loop delay as metrics, and a warning when something blocked the loop.
 *
 * Node's `monitorEventLoopDelay` samples how late a timer fires; every `intervalMs` the monitor reads the
 * delays of that interval (p50, p99, max) into gauges and starts afresh (a 50 ms timer of its own covers
 * the period the histogram skips after each reset). When the longest delay passed the
 * threshold it counts a stall and logs a warning, at most once per `warnIntervalMs`: stalls seen in the
 * meantime are logged together once that time has passed (the line says how many and the worst), so an
 * operator sees every stall without a flood of lines during a storm.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Logger } from '../logging/logger.js';

/** Where the monitor reports. */
export interface StallSink {
  /** The delays of the last interval, in seconds. */
  delay(p50: number, p99: number, max: number): void;
  /** One interval whose longest delay passed the threshold. */
  stall(): void;
}

export interface StallMonitorOptions {
  /** A delay longer than this is a stall; 0 turns the warning (not the metrics) off. */
  thresholdMs: number;
  logger: Logger;
  sink: StallSink;
  /** How often the delays are read; default 1000 ms. */
  intervalMs?: number;
  /** Fewest milliseconds between two warnings; default 10 s. */
  warnIntervalMs?: number;
}

/** A running monitor. */
export interface StallMonitor {
  /** Reads the delays now (the timer does it every interval); for tests and before a scrape. */
  sample(): void;
  stop(): void;
}

const NS_PER_MS = 1e6;
/** Timer granularity of the sampler: delays below it are not seen, and it costs one wake-up per 10 ms. */
const RESOLUTION_MS = 10;
/** Period of the monitor's own lateness timer. */
const TICK_MS = 50;

/**
 * Starts the monitor; its timer does not keep the process alive.
 *
 * @example
 * const monitor = startStallMonitor({ thresholdMs: 100, logger, sink: metrics.eventLoop });
 * // ...
 * monitor.stop();
 */
export function startStallMonitor(options: StallMonitorOptions): StallMonitor {
  const { thresholdMs, logger, sink } = options;
  const warnIntervalMs = options.warnIntervalMs ?? 10_000;
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  let lastWarnAt = -Infinity;
  let unreported = 0;
  let worstUnreportedMs = 0;

  // After a reset the histogram skips the next timer period, so a block that starts right then would be
  // missed; a timer of our own, never reset, sees it as lateness.
  let lateMs = 0;
  let lastTickAt = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    lateMs = Math.max(lateMs, now - lastTickAt - TICK_MS);
    lastTickAt = now;
  }, TICK_MS);
  ticker.unref();

  const read = () => {
    // The sampler's own timer period is part of every reading: take it off to get the delay alone.
    const delayMs = (ns: number) => Math.max(0, ns / NS_PER_MS - RESOLUTION_MS);
    const maxMs = Math.max(histogram.count > 0 ? delayMs(histogram.max) : 0, lateMs);
    const p50 = histogram.count > 0 ? delayMs(histogram.percentile(50)) : 0;
    const p99 = histogram.count > 0 ? delayMs(histogram.percentile(99)) : 0;
    sink.delay(p50 / 1000, p99 / 1000, maxMs / 1000);
    histogram.reset();
    lateMs = 0;
    if (thresholdMs <= 0 || maxMs <= thresholdMs) return;
    sink.stall();
    unreported++;
    worstUnreportedMs = Math.max(worstUnreportedMs, maxMs);
  };

  const sample = () => {
    read();
    const now = Date.now();
    if (unreported === 0 || now - lastWarnAt < warnIntervalMs) return;
    const worst = Math.round(worstUnreportedMs);
    const times = unreported === 1 ? '' : ` (${unreported} stalls since the last warning)`;
    logger.warn(`the event loop was blocked for ${worst} ms, over ${thresholdMs} ms${times}`, {
      delayMs: worst,
      thresholdMs,
      stalls: unreported,
    });
    lastWarnAt = now;
    unreported = 0;
    worstUnreportedMs = 0;
  };

  const timer = setInterval(sample, options.intervalMs ?? 1000);
  timer.unref();
  return {
    sample,
    stop() {
      clearInterval(timer);
      clearInterval(ticker);
      histogram.disable();
    },
  };
}
