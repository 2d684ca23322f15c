/**
 * @module The bound on a flow's size, through the API and the flows folder, and the cost of saving a large
 * flow that is allowed: the event loop keeps turning while it is validated and written.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, expr, httpFlow, json, setPayload, startTestServer, type TestServer } from './helpers.js';

let server: TestServer;

/** A flow of `count` steps (the trigger counts as one), each with its own expression. */
const stepsFlow = (count: number) =>
  httpFlow(
    '/big',
    Array.from({ length: count - 1 }, (_, index) => ({
      id: `s${index}`,
      type: 'set-variable',
      config: { name: 'v', value: expr(`payload.x + ${index}`) },
    })),
  );

beforeAll(async () => {
  server = await startTestServer({ server: { limits: { flowSteps: 1000, flowBytes: '256kb', bodyBytes: '2mb' } } });
});
afterAll(async () => {
  await server?.close();
});

describe('the size of a flow', () => {
  it.each([
    ['too many steps', stepsFlow(1001), 422, 'VALIDATION', 'more than 1000 steps, the most allowed (limits.flowSteps'],
    [
      'too many bytes',
      httpFlow('/wide', [setPayload('text', 'x'.repeat(300_000))]),
      413,
      'FLOW:PAYLOAD_TOO_LARGE',
      'larger than the 262144 bytes allowed (limits.flowBytes',
    ],
  ])('a flow with %s is refused, naming the limit', async (_, document, status, type, message) => {
    const saved = await server.request('/api/flows/huge', json('PUT', document));
    expect(saved.status).toBe(status);
    expect(saved.json.error.type).toBe(type);
    expect(saved.json.error.message).toContain(message);
    expect(saved.json.error.issues).toMatchObject([{ code: 'flow-too-large' }]);
    expect((await server.request('/api/flows/huge')).status).toBe(404);
  });

  it('a request body over limits.bodyBytes is refused with 413 naming the limit', async () => {
    const saved = await server.request('/api/flows/huge', json('PUT', { name: 'x'.repeat(3 * 1024 * 1024) }));
    expect(saved.status).toBe(413);
    expect(saved.json.error.message).toContain('limits.bodyBytes');
  });

  it('a flow file with too many steps in the flows folder is listed as invalid with the limit', async () => {
    await server.writeFlow('dropped', stepsFlow(1100));
    const listed = await eventually(async () => {
      const answer = await server.request('/api/flows/dropped');
      return answer.status === 200 && answer.json;
    }, 15_000);
    expect(listed.status).toBe('invalid');
    expect(listed.issues).toMatchObject([{ file: 'flows/dropped.flow.json', pointer: '/steps', code: 'flow-too-large' }]);
  });

  it('saving a flow of the largest allowed size keeps the event loop turning', { timeout: 120_000 }, async () => {
    const document = stepsFlow(1000);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const saved = await server.request('/api/flows/big', json('PUT', document));
    delay.disable();
    expect(saved.status).toBe(201);
    expect(saved.json.status).toBe('published');
    // Loosely: a shared machine adds its own stalls; before, this save held the loop for seconds.
    const longestMs = delay.max / 1e6;
    expect(longestMs).toBeLessThan(1000);
    expect((await server.request('/big', json('POST', { x: 1 }))).status).toBe(200);
  });
});
