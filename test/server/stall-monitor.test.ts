/**
 * @module The running server reports a blocked event loop: a warning line and the stall metrics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestServer, type TestServer } from './helpers.js';

let server: TestServer;

beforeAll(async () => {
  // Over what a busy test machine stalls by itself, under the 300 ms block of the test.
  server = await startTestServer({ server: { limits: { stallWarningMs: 200 } } });
});

afterAll(async () => {
  await server?.close();
});

function metric(text: string, name: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

describe('stall monitor in the server', () => {
  it('logs a warning and counts a stall when blocked 300 ms', { timeout: 40_000 }, async () => {
    const before = await server.request('/api/metrics');
    expect(metric(before.text, 'flowbus_event_loop_stalls_total')).toBeGreaterThanOrEqual(0);
    // Let the delay sampler tick once, then block the loop the server shares with this test.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const seen = server.logs.length;
    const until = performance.now() + 300;
    while (performance.now() < until) {
      // busy on purpose
    }
    // A stall of the busy test machine may have been logged just before: a warning is rate-limited (10 s).
    const warning = await eventually(async () => {
      const lines = server.logs.slice(seen).map((line) => JSON.parse(line));
      return lines.find((line) => line.level === 'warn' && line.delayMs >= 250);
    }, 15_000);
    expect(warning.delayMs).toBeGreaterThanOrEqual(250);
    expect(warning.thresholdMs).toBe(200);
    const after = await server.request('/api/metrics');
    const stallsBefore = metric(before.text, 'flowbus_event_loop_stalls_total')!;
    expect(metric(after.text, 'flowbus_event_loop_stalls_total')).toBeGreaterThan(stallsBefore);
    for (const name of ['p50', 'p99', 'max']) {
      expect(metric(after.text, `flowbus_event_loop_delay_${name}_seconds`)).toBeGreaterThanOrEqual(0);
    }
  });
});
