/**
 * @module The stall monitor: event-loop delay as metrics, and a warning when something blocked the loop.
 *
 * Node's `monitorEventLoopDelay` samples how late a timer fires; every `intervalMs` the monitor reads the
 * delays of that interval (p50, p99, max) into gauges and starts afresh. When the longest delay passed the
 * threshold it counts a stall and logs a warning, at most once per `warnIntervalMs` (the warning says how
 * many stalls it stands for), so an operator sees a stall without a flood of lines during a storm.
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

  const sample = () => {
    if (histogram.count === 0) return;
    // The sampler's own timer period is part of every reading: take it off to get the delay alone.
    const delayMs = (ns: number) => Math.max(0, ns / NS_PER_MS - RESOLUTION_MS);
    const maxMs = delayMs(histogram.max);
    const p99Ms = delayMs(histogram.percentile(99));
    sink.delay(delayMs(histogram.percentile(50)) / 1000, p99Ms / 1000, maxMs / 1000);
    histogram.reset();
    if (thresholdMs <= 0 || maxMs <= thresholdMs) return;
    sink.stall();
    unreported++;
    worstUnreportedMs = Math.max(worstUnreportedMs, maxMs);
    const now = Date.now();
    if (now - lastWarnAt < warnIntervalMs) return;
    const message = `the event loop was blocked for ${Math.round(worstUnreportedMs)} ms (over ${thresholdMs} ms)`;
    logger.warn(message, {
      delayMs: Math.round(worstUnreportedMs),
      p99Ms: Math.round(p99Ms),
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
      histogram.disable();
    },
  };
}
