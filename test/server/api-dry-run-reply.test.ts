/**
 * @module Tests of the dry-run API's reply: an HTTP flow's test run returns the status, headers and body its
 * trigger would send (or the error answer), and validation returns warnings beside the problems.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expr, httpFlow, json, setPayload, startTestServer, step, type TestServer } from './helpers.js';

let server: TestServer;

const created = httpFlow('/orders', [setPayload('shape', expr('{ "accepted": payload.id }'))], {
  response: {
    status: expr('payload.accepted = "o-1" ? 201 : 422'),
    headers: { 'X-Order': { $template: 'order {{ payload.accepted }}' } },
    body: expr('{ "ok": true, "order": payload.accepted }'),
  },
});
const failing = httpFlow('/fail', [step('reject', 'raise-error', { errorType: 'ORDER:INVALID', message: 'no order' })]);
const badHeader = httpFlow('/bad-header', [], { response: { headers: expr('{ "X Bad": "1" }') } });
const later = httpFlow('/later', [], { response: { mode: 'async' } });

beforeAll(async () => {
  server = await startTestServer({ flows: { created, failing, 'bad-header': badHeader, later } });
});

afterAll(async () => {
  await server?.close();
});

const dryRun = async (id: string, payload: unknown) => {
  const answer = await server.request(`/api/flows/${id}/dry-run`, json('POST', { input: { payload } }));
  expect(answer.status).toBe(200);
  return answer.json;
};

describe('dry-run reply', () => {
  it('returns the status, headers and body the trigger would send, from the final message', async () => {
    const run = await dryRun('created', { id: 'o-1' });
    expect(run.reply).toEqual({
      status: 201,
      headers: { 'X-Order': 'order o-1', 'Content-Type': 'application/json; charset=utf-8', 'X-Flowbus-Execution': run.id },
      body: { ok: true, order: 'o-1' },
    });
    expect((await dryRun('created', { id: 'o-2' })).reply.status).toBe(422);
  });

  it('returns the error answer, naming the step, when the flow fails', async () => {
    const run = await dryRun('failing', {});
    expect(run.reply).toMatchObject({
      status: 500,
      body: { error: { type: 'ORDER:INVALID', message: 'no order', step: 'reject', executionId: run.id } },
    });
  });

  it('returns the 500 a header computed to a bad name would give', async () => {
    const run = await dryRun('bad-header', {});
    expect(run.status).toBe('succeeded');
    expect(run.reply).toMatchObject({ status: 500, error: { type: 'HTTP:RESPONSE', step: 'request' } });
    expect(run.reply.error.message).toMatch(/^bad response header: /);
  });

  it('returns 202 with the execution id for an async trigger', async () => {
    const run = await dryRun('later', {});
    expect(run.reply).toMatchObject({ status: 202, body: { executionId: run.id } });
  });
});

describe('validation warnings', () => {
  it('returns warnings beside the problems, without making the flow invalid', async () => {
    const document = httpFlow('/log', [step('log', 'logger', { content: expr('error.message') })]);
    const answer = await server.request('/api/flows/validate', json('POST', { document }));
    expect(answer.json).toEqual({
      valid: true,
      issues: [],
      warnings: [expect.objectContaining({ pointer: '/steps/0/config/content', stepId: 'log', code: 'error-outside-catch', severity: 'warning' })],
    });
  });
});
