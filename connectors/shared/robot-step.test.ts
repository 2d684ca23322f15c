/**
 * @module The robot step factory with a vendor that is none of the shipped ones: a Slack-like incoming
 * webhook that answers plain-text `ok`, and 429 with `Retry-After` when rate limited.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../engine/sdk.js';
import { createRobotLanes } from './rate-limiter.js';
import { commonRobotErrors, createRobotStep } from './robot-step.js';
import { httpStatusRefusal, rateLimitedRefusal, readRetryAfterMs, type RobotVendor } from './robot-vendor.js';
import { runConnector } from './test-support.js';

/** Slack-like: success is HTTP 200 with the text `ok`; errors are plain-text codes (`invalid_payload`). */
const slackLikeVendor: RobotVendor = {
  namespace: 'SLACKLIKE',
  title: 'Slack-like robot',
  windows: [{ limit: 1, windowMs: 1_000 }],
  backoffMs: [5_000, 5_000],
  judge(answer, { quote }) {
    if (answer.status === 200 && answer.text.trim() === 'ok') return { ok: true };
    if (answer.status === 429) return rateLimitedRefusal(answer, 'rate limited');
    if (answer.status === 200 || answer.status === 400) {
      return { ok: false, name: 'ERROR', words: quote(answer.text), details: { answer: quote(answer.text) } };
    }
    return httpStatusRefusal(answer);
  },
};

/** A clock whose sleeps return at once and are recorded. */
function recordingClock(): Clock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    async sleep(ms) {
      slept.push(ms);
      now += ms;
    },
  };
}

/** Canned answers, one a request, then `ok`. */
let answers: { status: number; body: string; headers?: Record<string, string> }[] = [];
let received: unknown[] = [];
let server: Server;
let webhook: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push(JSON.parse(body));
      const answer = answers.shift() ?? { status: 200, body: 'ok' };
      response.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers });
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  webhook = `http://127.0.0.1:${port}/services/T000/B000/secret-token-0123456789`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

beforeEach(() => {
  answers = [];
  received = [];
});

function slackLikeStep(clock: Clock) {
  return createRobotStep<{ connection?: unknown; text?: unknown }>(
    {
      type: 'slack-like-robot',
      title: 'Slack-like Robot',
      description: 'Posts `text` to a Slack-like incoming webhook.',
      config: { type: 'object', properties: { connection: { type: 'string' }, text: { type: 'string' } } },
      errors: [
        { type: 'SLACKLIKE:RATE_LIMITED', description: 'Too fast.' },
        ...commonRobotErrors(slackLikeVendor),
      ],
      vendor: slackLikeVendor,
      request: ({ config, webhook: url }) => ({
        prepare: () => ({ url, body: JSON.stringify({ text: config.text }) }),
      }),
    },
    { lanes: createRobotLanes(), clock },
  );
}

const send = (clock: Clock, text = 'disk full') =>
  runConnector(slackLikeStep(clock), { connection: 'alerts', text }, { alerts: { webhook } });

describe('a robot step of a Slack-like vendor', () => {
  it('takes a plain-text ok as success', async () => {
    const run = await send(recordingClock());
    expect(run.error).toBeUndefined();
    expect(received).toEqual([{ text: 'disk full' }]);
    expect(run.logs.at(-1)?.content).toContain('"alerts": delivered after 1 attempt(s)');
  });

  it('waits as long as Retry-After asks, then sends again', async () => {
    answers = [{ status: 429, body: 'rate_limited', headers: { 'retry-after': '7' } }];
    const clock = recordingClock();
    const run = await send(clock);
    expect(run.error).toBeUndefined();
    expect(received).toHaveLength(2);
    expect(clock.slept).toContain(7_000);
    expect(clock.slept).not.toContain(5_000);
  });

  it('raises RATE_LIMITED carrying the retry delay once every retry is spent', async () => {
    const limited = { status: 429, body: 'rate_limited', headers: { 'retry-after': '30' } };
    answers = [limited, limited, limited];
    const run = await send(recordingClock());
    expect(run.error).toMatchObject({
      type: 'SLACKLIKE:RATE_LIMITED',
      message: 'sending to Slack-like robot "alerts": rate limited',
      details: { connection: 'alerts', status: 429, retryAfterMs: 30_000, attempts: 3 },
    });
    expect(received).toHaveLength(3);
  });

  it('backs off by its schedule when a 429 has no Retry-After', async () => {
    answers = [{ status: 429, body: 'rate_limited' }];
    const clock = recordingClock();
    expect((await send(clock)).error).toBeUndefined();
    expect(clock.slept).toContain(5_000);
  });

  it('raises the vendor error for a plain-text refusal, quoting it without the webhook token', async () => {
    answers = [{ status: 400, body: 'invalid_payload for secret-token-0123456789' }];
    const run = await send(recordingClock());
    expect(run.error).toMatchObject({ type: 'SLACKLIKE:ERROR', details: { attempts: 1 } });
    expect(JSON.stringify(run.error)).toContain('invalid_payload');
    expect(JSON.stringify(run.error)).not.toContain('secret-token-0123456789');
    expect(received).toHaveLength(1);
  });

  it('raises HTTP_STATUS for another status', async () => {
    answers = [{ status: 503, body: 'unavailable' }];
    const run = await send(recordingClock());
    expect(run.error).toMatchObject({ type: 'SLACKLIKE:HTTP_STATUS', details: { status: 503 } });
  });
});

describe('readRetryAfterMs', () => {
  it.each([
    ['30', 30_000],
    ['0', 0],
    ['Thu, 01 Jan 1970 00:01:00 GMT', 60_000],
    ['soon', undefined],
    [undefined, undefined],
  ])('reads %s as %s ms', (value, expected) => {
    const headers = new Headers(value === undefined ? {} : { 'retry-after': value });
    expect(readRetryAfterMs(headers, 0)).toBe(expected);
  });
});
