/**
 * @module The Prometheus registry of one running server (prom-client): the bus's and the server's metrics
 * and the process's default ones. One registry per server, never prom-client's global one, so several
 * servers (tests) can run in one process without counting into each other.
 */
import { collectDefaultMetrics, Registry } from 'prom-client';

export { Registry };

/** The content type of the text the registry writes (`text/plain; version=0.0.4`). */
export const METRICS_CONTENT_TYPE: string = Registry.PROMETHEUS_CONTENT_TYPE;

/** Latency buckets in seconds, from 0.5 ms to 30 s. */
export const LATENCY_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
];

/**
 * A fresh registry with the process's default metrics on it (CPU, memory, heap, handles, GC, event-loop lag).
 *
 * @example
 * const registry = createMetricsRegistry();
 * const metrics = createServerMetrics(registry);
 * const bus = await createEventBus({ ...options, metrics: new BusMetrics(registry) });
 * response.type(METRICS_CONTENT_TYPE).send(await registry.metrics());
 */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}
