/**
 * @module Regression for issue 10, finding 1: a regex with catastrophic backtracking, posted to an HTTP flow
 * or carried by an event into a rule's JSONata transform, froze the whole server for good. Regexes now run
 * on RE2, so `/api/health` keeps answering and the execution ends normally.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOW_FORMAT } from '../../engine/flow/document.js';
import { eventually, expr, httpFlow, json, setPayload, startTestServer, type TestServer } from './helpers.js';

/** 34 and 36 characters: minutes to hours of backtracking each for JavaScript's own regex engine. */
const EVIL_FLOW_INPUT = `${'a'.repeat(33)}!`;
const EVIL_EVENT_MESSAGE = `${'a'.repeat(35)}!`;
const POLL_INTERVAL_MS = 100;
const POLL_BOUND_MS = 500;

let root: string;
let server: TestServer;

const probeRule = {
  format: 'flowbus/rule@1',
  name: 'probe: a backtracking regex in a JSONata transform',
  bus: 'default',
  enabled: true,
  pattern: { source: ['regex.probe'] },
  transform: { jsonata: '{ "words": $match(data.msg, /^(\\w+\\s?)*$/), "length": $length(data.msg) }' },
  targets: [{ id: 'record', type: 'flow', config: { flow: 'probe-sink' } }],
};

const sinkFlow = {
  format: FLOW_FORMAT,
  name: 'records what the probe rule sends',
  trigger: { id: 'on-event', type: 'event', config: { bus: 'default' } },
  steps: [setPayload('keep', expr('payload'))],
};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'flowbus-regex-freeze-'));
  await mkdir(join(root, 'flows'), { recursive: true });
  await writeFile(join(root, 'flows', 'regex-probe.rule.json'), JSON.stringify(probeRule, null, 2));
  server = await startTestServer({
    root,
    flows: {
      'regex-flow': httpFlow('/probe/regex', [
        setPayload('match', expr('{ "matches": $count($match(payload.s, /(a+)+b/)) }')),
      ]),
      'probe-sink': sinkFlow,
    },
  });
});

afterAll(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

/** Polls `/api/health` every 100 ms until `work` settles; returns the answer time of every poll. */
async function pollHealthDuring<T>(work: Promise<T>): Promise<{ result: T; latencies: number[] }> {
  const latencies: number[] = [];
  let settled = false;
  const polling = (async () => {
    while (!settled) {
      const started = performance.now();
      const answer = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(10_000) });
      await answer.arrayBuffer();
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    }
  })();
  try {
    const result = await work;
    // A few more polls after the work, so that a stall left behind would be seen too.
    await eventually(async () => latencies.length >= 3, 10_000);
    return { result, latencies };
  } finally {
    settled = true;
    await polling;
  }
}

describe('a backtracking regex cannot freeze the server', () => {
  it('an HTTP flow with $match(payload.s, /(a+)+b/) answers, and health answers every poll', async () => {
    const { result, latencies } = await pollHealthDuring(
      server.request('/probe/regex', json('POST', { s: EVIL_FLOW_INPUT })),
    );
    expect(result.status).toBe(200);
    expect(result.json).toEqual({ matches: 0 });
    for (const ms of latencies) expect(ms).toBeLessThan(POLL_BOUND_MS);
  });

  it('an event whose rule transform runs /^(\\w+\\s?)*$/ is delivered, and health answers every poll', async () => {
    const event = {
      specversion: '1.0',
      id: 'regex-probe-1',
      source: 'regex.probe',
      type: 'probe',
      datacontenttype: 'application/json',
      data: { msg: EVIL_EVENT_MESSAGE },
    };
    const delivered = (async () => {
      const accepted = await server.request('/events', json('POST', event));
      expect(accepted.status).toBe(202);
      return eventually(async () => {
        const answer = await server.request('/api/executions?flow=probe-sink');
        return answer.json?.executions?.[0];
      }, 30_000);
    })();
    const { result: execution, latencies } = await pollHealthDuring(delivered);
    expect(execution.status).toBe('succeeded');
    const record = await server.request(`/api/executions/${execution.id}`);
    expect(record.json.result.payload).toEqual({ length: 36 });
    for (const ms of latencies) expect(ms).toBeLessThan(POLL_BOUND_MS);
  });
});

describe('a regex RE2 cannot run is refused when a flow is saved', () => {
  it('answers 422 with the step id, the pointer and the column, and writes nothing', async () => {
    const document = httpFlow('/probe/lookahead', [
      setPayload('pick', expr('$match(payload.s, /^(?!admin)\\w+$/)')),
    ]);
    const answer = await server.request('/api/flows', json('POST', { id: 'lookahead', document }));
    expect([answer.status, answer.json.error.type]).toEqual([422, 'VALIDATION']);
    expect(answer.json.error.issues).toEqual([
      expect.objectContaining({
        file: 'flows/lookahead.flow.json',
        pointer: '/steps/0/config/value',
        stepId: 'pick',
        code: 'unsupported-regex',
        message: expect.stringContaining('column 21: regex /^(?!admin)\\w+$/ uses a lookahead `(?!`'),
      }),
    ]);
    const listed = await server.request('/api/flows');
    expect(JSON.stringify(listed.json)).not.toContain('"lookahead"');
  });
});
