/**
 * @module Tests of the server's metrics: the series and text the API's `/api/metrics` serves, the bound
 * children of the request path, and the registry's default process metrics.
 */
import { describe, expect, it } from 'vitest';
import type { ExecutionRecord } from '../runtime/types.js';
import { createMetricsRegistry, Registry } from './registry.js';
import { createServerMetrics } from './server-metrics.js';

function execution(flowId: string, status: string, durationMs: number): ExecutionRecord {
  const steps = [{ stepId: 'pong', type: 'set-payload', durationMs: durationMs / 2 }];
  return { flowId, status, durationMs, steps } as unknown as ExecutionRecord;
}

async function lines(metrics: { text(): Promise<string> }): Promise<string[]> {
  return (await metrics.text()).split('\n');
}

describe('createServerMetrics', () => {
  it('counts executions and steps per flow, with cumulative latency buckets', async () => {
    const metrics = createServerMetrics();
    metrics.executionFinished(execution('ping', 'succeeded', 2), 'http');
    metrics.executionFinished(execution('ping', 'succeeded', 60), 'http');
    metrics.executionFinished(execution('ping', 'failed', 4), 'event');
    const text = await lines(metrics);
    expect(text).toContain('flowbus_executions_total{flow="ping",status="succeeded",trigger="http"} 2');
    expect(text).toContain('flowbus_executions_total{flow="ping",status="failed",trigger="event"} 1');
    expect(text).toContain('flowbus_execution_duration_seconds_bucket{le="0.0025",flow="ping"} 1');
    expect(text).toContain('flowbus_execution_duration_seconds_bucket{le="0.005",flow="ping"} 2');
    expect(text).toContain('flowbus_execution_duration_seconds_bucket{le="0.1",flow="ping"} 3');
    expect(text).toContain('flowbus_execution_duration_seconds_bucket{le="+Inf",flow="ping"} 3');
    expect(text).toContain('flowbus_execution_duration_seconds_sum{flow="ping"} 0.066');
    expect(text).toContain('flowbus_step_duration_seconds_count{flow="ping",step="pong",type="set-payload"} 3');
    expect(metrics.history.snapshot().series.executions.at(-1)).toBe(3);
  });

  it('counts HTTP trigger requests by flow, method and status, an unmatched path with an empty flow', async () => {
    const metrics = createServerMetrics();
    metrics.httpRequest('ping', 'POST', 200, 0.002);
    metrics.httpRequest('ping', 'POST', 200, 0.003);
    metrics.httpRequest('ping', 'POST', 500, 0.004);
    metrics.httpRequest('', 'GET', 404, 0.0001);
    metrics.httpRequest('ping', 'PROPFIND', 405, 0.001);
    const text = await lines(metrics);
    expect(text).toContain('flowbus_http_trigger_requests_total{flow="ping",method="POST",status="200"} 2');
    expect(text).toContain('flowbus_http_trigger_requests_total{flow="ping",method="POST",status="500"} 1');
    expect(text).toContain('flowbus_http_trigger_requests_total{flow="",method="GET",status="404"} 1');
    expect(text).toContain('flowbus_http_trigger_requests_total{flow="ping",method="PROPFIND",status="405"} 1');
    expect(text).toContain('flowbus_http_trigger_duration_seconds_count{flow="ping"} 4');
  });

  it('replaces the flows by status and sets running executions and the event-loop gauges', async () => {
    const metrics = createServerMetrics();
    metrics.flows({ invalid: 1 });
    metrics.flows({ published: 2 });
    metrics.running(3);
    metrics.eventLoop.delay(0.001, 0.02, 0.3);
    metrics.eventLoop.stall();
    const text = await lines(metrics);
    expect(text.filter((line) => line.startsWith('flowbus_flows{'))).toEqual(['flowbus_flows{status="published"} 2']);
    expect(text).toContain('flowbus_executions_running 3');
    expect(text).toContain('flowbus_event_loop_delay_max_seconds 0.3');
    expect(text).toContain('flowbus_event_loop_stalls_total 1');
    expect(text.find((line) => line.startsWith('process_uptime_seconds '))).toMatch(/^process_uptime_seconds \d+$/);
  });

  // Guards the per-server registry: two servers in one process each count their own requests.
  it('keeps two servers apart, and puts the default process metrics on the server registry', async () => {
    const [first, second] = [createServerMetrics(createMetricsRegistry()), createServerMetrics(new Registry())];
    first.httpRequest('ping', 'GET', 200, 0.001);
    const request = 'flowbus_http_trigger_requests_total{flow="ping",method="GET",status="200"} 1';
    expect((await first.text()).split('\n')).toContain(request);
    expect(await second.text()).not.toContain('flowbus_http_trigger_requests_total{');
    expect(await first.text()).toMatch(/^process_resident_memory_bytes \d+$/m);
    expect(await first.text()).toMatch(/^nodejs_heap_size_used_bytes \d+$/m);
    expect(await second.text()).not.toContain('nodejs_heap_size_used_bytes');
  });
});
