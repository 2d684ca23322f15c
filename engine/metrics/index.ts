/**
 * @module Metrics: one Prometheus registry per server (prom-client) with the bus's and the server's metrics
 * defined on it, and the last hour per minute for the console's charts.
 */
export {
  BusMetrics,
  type BusCounter,
  type BusGauge,
  type CountListener,
  type GaugeReader,
  type GaugeSample,
} from './bus-metrics.js';
export {
  busCountToHistory,
  HISTORY_MINUTES,
  MetricsHistory,
  MINUTE_MS,
  type HistorySeries,
  type HistorySnapshot,
} from './history.js';
export { createMetricsRegistry, LATENCY_BUCKETS, METRICS_CONTENT_TYPE, Registry } from './registry.js';
export { createServerMetrics, type ServerMetrics } from './server-metrics.js';
