/**
 * @module The server's metrics: executions by flow and status, step durations, HTTP trigger latency,
 * event-loop delay.
 */
import type { ExecutionRecord } from '../../runtime/types.js';
import type { StallSink } from '../stall-monitor.js';
import { MetricsHistory } from './history.js';
import {
  Counter,
  Gauge,
  Histogram,
  LATENCY_BUCKETS,
  MetricsRegistry,
  type CounterSeries,
  type HistogramCells,
} from './registry.js';

/** What the server reports as it runs; `render` gives the Prometheus text. */
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
  render(): string;
}

/** What one flow's executions and requests update, looked up once per flow. */
interface FlowSeries {
  execution: HistogramCells;
  http: HistogramCells;
  /** By `status trigger`. */
  outcomes: Map<string, CounterSeries>;
  /** By status and method index. */
  requests: Map<number, CounterSeries>;
  /** By `stepId type`. */
  steps: Map<string, HistogramCells>;
}

/** Methods whose request counts are kept by index; any other is looked up by its labels. */
const METHOD_INDEX: Record<string, number> = { GET: 0, POST: 1, PUT: 2, PATCH: 3, DELETE: 4, HEAD: 5, OPTIONS: 6 };

/**
 * Creates the server's metrics.
 *
 * @example
 * metrics.httpRequest('alarm-to-wecom', 'POST', 200, 0.0021);
 * response.end(metrics.render());
 */
export function createServerMetrics(history = new MetricsHistory()): ServerMetrics {
  const registry = new MetricsRegistry();
  const counter = (name: string, help: string, labels: string[]) =>
    registry.register(new Counter(name, help, labels));
  const histogram = (name: string, help: string, labels: string[]) =>
    registry.register(new Histogram(name, help, labels, LATENCY_BUCKETS));
  const gauge = (name: string, help: string, labels: string[] = []) =>
    registry.register(new Gauge(name, help, labels));

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
  const memory = gauge('process_resident_memory_bytes', 'Resident memory size in bytes.');
  const uptime = gauge('process_uptime_seconds', 'Seconds since the process started.');
  const loopDelay = (quantile: string) => {
    const help = `Event-loop delay, ${quantile} over the last second.`;
    return gauge(`flowbus_event_loop_delay_${quantile}_seconds`, help);
  };
  const delayP50 = loopDelay('p50');
  const delayP99 = loopDelay('p99');
  const delayMax = loopDelay('max');
  const stallHelp = 'Seconds (monitor intervals) in which the event-loop delay passed limits.stallWarningMs.';
  const stalls = counter('flowbus_event_loop_stalls_total', stallHelp, []);
  stalls.inc([], 0);

  // The series an execution or request touches, kept by flow: a few increments per execution, no label keys.
  const byFlow = new Map<string, FlowSeries>();
  const seriesOf = (flowId: string): FlowSeries => {
    let series = byFlow.get(flowId);
    if (!series) {
      const [execution, http] = [executionSeconds.cells([flowId]), httpSeconds.cells([flowId])];
      byFlow.set(flowId, (series = { execution, http, outcomes: new Map(), requests: new Map(), steps: new Map() }));
    }
    return series;
  };
  const running = runningGauge.cell([]);

  return {
    running: (count) => {
      running.value = count;
    },
    history,
    executionFinished(record, trigger) {
      const { flowId } = record;
      const series = seriesOf(flowId);
      history.execution(flowId, record.durationMs);
      const key = `${record.status} ${trigger}`;
      let outcome = series.outcomes.get(key);
      if (!outcome) series.outcomes.set(key, (outcome = executions.cell([flowId, record.status, trigger])));
      outcome.value += 1;
      executionSeconds.observeInto(series.execution, record.durationMs / 1000);
      for (const step of record.steps) {
        const stepKey = `${step.stepId} ${step.type}`;
        let cells = series.steps.get(stepKey);
        if (!cells) series.steps.set(stepKey, (cells = stepSeconds.cells([flowId, step.stepId, step.type])));
        stepSeconds.observeInto(cells, step.durationMs / 1000);
      }
    },
    httpRequest(flowId, method, status, seconds) {
      const series = seriesOf(flowId);
      const methodIndex = METHOD_INDEX[method];
      httpSeconds.observeInto(series.http, seconds);
      if (methodIndex === undefined) return httpRequests.inc([flowId, method, String(status)]);
      // Status codes are few and methods fewer: the key is a small integer, not a string.
      const key = status * 16 + methodIndex;
      let requests = series.requests.get(key);
      if (!requests) series.requests.set(key, (requests = httpRequests.cell([flowId, method, String(status)])));
      requests.value += 1;
    },
    flows(counts) {
      flowGauge.reset();
      for (const [status, count] of Object.entries(counts)) flowGauge.set([status], count);
    },
    eventLoop: {
      delay(p50, p99, max) {
        delayP50.set([], p50);
        delayP99.set([], p99);
        delayMax.set([], max);
      },
      stall: () => stalls.inc([]),
    },
    render() {
      memory.set([], process.memoryUsage.rss());
      uptime.set([], Math.round(process.uptime()));
      return registry.render();
    },
  };
}
