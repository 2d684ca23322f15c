/**
 * @module The server's metrics on a Prometheus registry: executions by flow and status, step durations, HTTP
 * trigger requests and latency, flows by status, event-loop delay and stalls; and the last hour per minute.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ExecutionRecord } from '../runtime/types.js';
import type { StallSink } from '../server/stall-monitor.js';
import { MetricsHistory } from './history.js';
import { LATENCY_BUCKETS, METRICS_CONTENT_TYPE } from './registry.js';

/** What the server reports as it runs; `text` gives the Prometheus text of the whole registry. */
export interface ServerMetrics {
  running(count: number): void;
  executionFinished(record: ExecutionRecord, trigger: string): void;
  /** One HTTP trigger request; `flowId` is empty when no trigger matched. */
  httpRequest(flowId: string, method: string, status: number, seconds: number): void;
  /** Replaces the flow counts by status. */
  flows(counts: Record<string, number>): void;
  /** Where the stall monitor reports the event-loop delay. */
  eventLoop: StallSink;
  /** The last hour per minute, for the console's charts. */
  history: MetricsHistory;
  /** The registry these metrics are defined on. */
  registry: Registry;
  /** The content type of {@link text}. */
  contentType: string;
  /** Every metric of the registry (the bus's too, where it shares it) in the Prometheus text format. */
  text(): Promise<string>;
}

type CounterChild = Counter.Internal;
type HistogramChild = Histogram.Internal<string>;

/** The bound series one flow's executions and requests update, each looked up once. */
interface FlowSeries {
  execution: HistogramChild;
  http: HistogramChild;
  /** By `status trigger`. */
  outcomes: Map<string, CounterChild>;
  /** By status and method index. */
  requests: Map<number, CounterChild>;
  /** By `stepId type`. */
  steps: Map<string, HistogramChild>;
}

/** Methods whose request counts are kept by index; any other is looked up by its labels. */
const METHOD_INDEX: Record<string, number> = { GET: 0, POST: 1, PUT: 2, PATCH: 3, DELETE: 4, HEAD: 5, OPTIONS: 6 };

/** A child kept in `map` under `key`, bound on first use. */
function kept<K, V>(map: Map<K, V>, key: K, bind: () => V): V {
  let child = map.get(key);
  if (child === undefined) map.set(key, (child = bind()));
  return child;
}

/**
 * Defines the server's metrics on `registry`.
 *
 * @example
 * const metrics = createServerMetrics(createMetricsRegistry());
 * metrics.httpRequest('alarm-to-wecom', 'POST', 200, 0.0021);
 * response.type(metrics.contentType).send(await metrics.text());
 */
export function createServerMetrics(registry = new Registry(), history = new MetricsHistory()): ServerMetrics {
  const registers = [registry];
  const counter = (name: string, help: string, labelNames: string[]) =>
    new Counter({ name, help, labelNames, registers });
  const histogram = (name: string, help: string, labelNames: string[]) =>
    new Histogram({ name, help, labelNames, buckets: LATENCY_BUCKETS, registers });
  const gauge = (name: string, help: string, labelNames: string[] = []) =>
    new Gauge({ name, help, labelNames, registers });

  const executions = counter('flowbus_executions_total', 'Finished executions by flow, status and trigger.', [
    'flow',
    'status',
    'trigger',
  ]);
  const executionSeconds = histogram('flowbus_execution_duration_seconds', 'Execution duration.', ['flow']);
  const stepSeconds = histogram('flowbus_step_duration_seconds', 'Step duration by flow, step and type.', [
    'flow',
    'step',
    'type',
  ]);
  const httpRequests = counter('flowbus_http_trigger_requests_total', 'HTTP trigger requests.', [
    'flow',
    'method',
    'status',
  ]);
  const httpSeconds = histogram('flowbus_http_trigger_duration_seconds', 'HTTP trigger latency.', ['flow']);
  const runningGauge = gauge('flowbus_executions_running', 'Executions running now.');
  const flowGauge = gauge('flowbus_flows', 'Flows by status.', ['status']);
  new Gauge({
    ...{ name: 'process_uptime_seconds', help: 'Seconds since the process started.', registers },
    collect() {
      this.set(Math.round(process.uptime()));
    },
  });
  const loopDelay = (quantile: string) => {
    const help = `Event-loop delay, ${quantile} over the last second.`;
    return gauge(`flowbus_event_loop_delay_${quantile}_seconds`, help);
  };
  const delayP50 = loopDelay('p50');
  const delayP99 = loopDelay('p99');
  const delayMax = loopDelay('max');
  const stallHelp = 'Seconds (monitor intervals) in which the event-loop delay passed limits.stallWarningMs.';
  const stalls = counter('flowbus_event_loop_stalls_total', stallHelp, []);

  // The series an execution or request touches, bound once per flow: a request costs no label objects.
  const byFlow = new Map<string, FlowSeries>();
  const seriesOf = (flowId: string): FlowSeries =>
    kept(byFlow, flowId, () => ({
      execution: executionSeconds.labels(flowId),
      http: httpSeconds.labels(flowId),
      outcomes: new Map(),
      requests: new Map(),
      steps: new Map(),
    }));

  return {
    running: (count) => runningGauge.set(count),
    history,
    registry,
    contentType: METRICS_CONTENT_TYPE,
    executionFinished(record, trigger) {
      const { flowId } = record;
      const series = seriesOf(flowId);
      history.execution(flowId, record.durationMs);
      const outcome = `${record.status} ${trigger}`;
      kept(series.outcomes, outcome, () => executions.labels(flowId, record.status, trigger)).inc();
      series.execution.observe(record.durationMs / 1000);
      for (const step of record.steps) {
        const stepKey = `${step.stepId} ${step.type}`;
        const child = kept(series.steps, stepKey, () => stepSeconds.labels(flowId, step.stepId, step.type));
        child.observe(step.durationMs / 1000);
      }
    },
    httpRequest(flowId, method, status, seconds) {
      const series = seriesOf(flowId);
      series.http.observe(seconds);
      const methodIndex = METHOD_INDEX[method];
      if (methodIndex === undefined) return httpRequests.labels(flowId, method, String(status)).inc();
      // Status codes are few and methods fewer: the key is a small integer, not a string.
      const key = status * 16 + methodIndex;
      kept(series.requests, key, () => httpRequests.labels(flowId, method, String(status))).inc();
    },
    flows(counts) {
      flowGauge.reset();
      for (const [status, count] of Object.entries(counts)) flowGauge.set({ status }, count);
    },
    eventLoop: {
      delay(p50, p99, max) {
        delayP50.set(p50);
        delayP99.set(p99);
        delayMax.set(max);
      },
      stall: () => stalls.inc(),
    },
    text: () => registry.metrics(),
  };
}
