import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { driveClock, maxInAnyWindow, SLACK_ERROR_STATUS, startFakeSlack } from '../../test/fakes/index.js';
import type { FakeSlack, FakeSlackOptions } from '../../test/fakes/index.js';
import {
  closedPort,
  connectorStepsOn,
  expectNoSecretsIn,
  robotTestSetup,
  runConnector,
} from '../shared/test-support.js';

const setup = robotTestSetup();
const { clock } = setup;
const step = setup.steps.get('slack-robot');
let slack: FakeSlack;
let connections: Record<string, Record<string, unknown>>;

const section = { type: 'section', text: { type: 'mrkdwn', text: '*Instance:* ins-sjksjk' } };
const blocksMessage = { connection: 'alerts', msgType: 'blocks', text: 'Alarm on ins-sjksjk', blocks: [section] };

/** Runs the step, moving the test clock while it waits for its rate-limit slot or a retry. */
const send = (config: Record<string, unknown>, using = connections) =>
  driveClock(clock, runConnector(step, config, using), 500);

beforeAll(async () => {
  slack = await startFakeSlack({ clock });
  connections = { alerts: { webhook: slack.url } };
});

afterAll(() => slack.close());

afterEach(() => {
  clock.advance(10 * 60_000);
  slack.reset();
});

/** Runs one send against a fake of its own, started with `options`. */
async function sendToFake(options: FakeSlackOptions, config: Record<string, unknown>) {
  const fake = await startFakeSlack({ clock, ...options });
  try {
    return { fake, run: await send(config, { alerts: { webhook: fake.url } }) };
  } finally {
    await fake.close();
  }
}

describe('slack-robot against the fake Slack', () => {
  it('posts a text, a text posted as typed, and blocks with their fallback text', async () => {
    const runs = [
      await send({ connection: 'alerts', text: '*disk* full' }),
      await send({ connection: 'alerts', msgType: 'text', text: 'a *literal* star', mrkdwn: false }),
      await send(blocksMessage),
    ];
    expect(runs.map((run) => run.error)).toEqual([undefined, undefined, undefined]);
    expect(slack.rejected).toEqual([]);
    expect(slack.received.map((message) => message.body)).toEqual([
      { text: '*disk* full' },
      { text: 'a *literal* star', mrkdwn: false },
      { text: 'Alarm on ins-sjksjk', blocks: [section] },
    ]);
    expect(runs[0].logs.at(-1)?.content).toBe('sending to Slack robot "alerts": delivered after 1 attempt(s)');
  });

  it.each([
    { name: 'an empty text', config: { connection: 'alerts', text: ' ' }, field: 'text' },
    { name: 'blocks without text', config: { ...blocksMessage, text: undefined }, field: 'text' },
    { name: 'a blocks message without blocks', config: { ...blocksMessage, blocks: [] }, field: 'blocks' },
    { name: '51 blocks', config: { ...blocksMessage, blocks: Array(51).fill(section) }, field: 'blocks' },
    {
      name: 'a block without a type',
      config: { ...blocksMessage, blocks: [{ text: 'x' }] },
      field: 'blocks[0].type',
    },
    { name: 'another message type', config: { ...blocksMessage, msgType: 'card' }, field: 'msgType' },
  ])('refuses $name before sending (VALIDATION)', async ({ config, field }) => {
    const run = await send(config);
    expect(run.error).toMatchObject({ type: 'VALIDATION' });
    expect(run.error?.message).toContain(field);
    expect(slack.received).toEqual([]);
    expect(slack.rejected).toEqual([]);
  });

  it('gets SLACK:INVALID_WEBHOOK for a wrong token (403) and for an unknown webhook (404)', async () => {
    const wrongToken = slack.url.replace(slack.token, 'z'.repeat(24));
    const forged = await send({ connection: 'alerts', text: 'x' }, { alerts: { webhook: wrongToken } });
    expect(forged.error).toMatchObject({
      type: 'SLACK:INVALID_WEBHOOK',
      message: 'sending to Slack robot "alerts": HTTP 403 invalid_token (invalid webhook token)',
      details: { connection: 'alerts', status: 403, answer: 'invalid_token', retryable: false, attempts: 1 },
    });
    expectNoSecretsIn(forged, ['z'.repeat(24), wrongToken, slack.token]);
    const unknown = slack.url.replace(/\/services\/T\w+/, '/services/T0000000000');
    const gone = await send({ connection: 'alerts', text: 'x' }, { alerts: { webhook: unknown } });
    const noService = { type: 'SLACK:INVALID_WEBHOOK', details: { status: 404, answer: 'no_service' } };
    expect(gone.error).toMatchObject(noService);
    expectNoSecretsIn(gone, [unknown, slack.token]);
  });

  it.each([
    { channel: 'archived', type: 'SLACK:CHANNEL_UNAVAILABLE', status: 410, answer: 'channel_is_archived' },
    { channel: 'deleted', type: 'SLACK:CHANNEL_UNAVAILABLE', status: 404, answer: 'channel_not_found' },
    { channel: 'prohibited', type: 'SLACK:NOT_ALLOWED', status: 403, answer: 'action_prohibited' },
    {
      channel: 'general-restricted',
      type: 'SLACK:NOT_ALLOWED',
      status: 403,
      answer: 'posting_to_general_channel_denied',
    },
  ] as const)('gets $type when the channel is $channel ($status $answer)', async ({ channel, ...expected }) => {
    const { fake, run } = await sendToFake({ channel }, { connection: 'alerts', text: 'x' });
    const { type, status, answer } = expected;
    expect(run.error).toMatchObject({ type, details: { connection: 'alerts', status, answer, retryable: false } });
    const start = `sending to Slack robot "alerts": HTTP ${status} ${answer} (`;
    expect(run.error?.message).toContain(start);
    expect(fake.rejected).toHaveLength(1);
    expectNoSecretsIn(run, [fake.url, fake.token]);
  });

  it.each([
    { answer: 'invalid_payload', type: 'SLACK:INVALID_PAYLOAD' },
    { answer: 'no_text', type: 'SLACK:INVALID_PAYLOAD' },
    { answer: 'invalid_blocks', type: 'SLACK:INVALID_PAYLOAD' },
    { answer: 'too_many_attachments', type: 'SLACK:TOO_LARGE' },
    { answer: 'user_not_found', type: 'SLACK:ERROR' },
  ])('maps $answer to $type, not retried', async ({ answer, type }) => {
    const status = SLACK_ERROR_STATUS[answer]!;
    slack.answerNext({ status, text: answer });
    const run = await send(blocksMessage);
    expect(run.error).toMatchObject({ type, details: { status, answer, retryable: false, attempts: 1 } });
    expect(slack.rejected).toHaveLength(1);
    expect(slack.received).toEqual([]);
  });

  it.each([
    { status: 500, text: 'rollup_error', retryable: true, message: 'answered HTTP 500: rollup_error' },
    { status: 503, text: '', retryable: true, message: 'answered HTTP 503' },
    { status: 405, text: '<html>Method Not Allowed</html>', retryable: false, message: 'answered HTTP 405' },
  ])('raises SLACK:HTTP_STATUS for $status, retryable $retryable', async ({ status, text, retryable, message }) => {
    slack.answerNext({ status, text });
    const run = await send({ connection: 'alerts', text: 'x' });
    expect(run.error).toMatchObject({ type: 'SLACK:HTTP_STATUS', details: { status, retryable, attempts: 1 } });
    expect(run.error?.message).toBe(`sending to Slack robot "alerts": ${message}`);
  });

  it('raises SLACK:ERROR for a 200 that is not ok', async () => {
    slack.answerNext({ status: 200, text: 'maybe' });
    const run = await send({ connection: 'alerts', text: 'x' });
    expect(run.error).toMatchObject({ type: 'SLACK:ERROR', details: { status: 200, answer: 'maybe' } });
  });

  it('quotes what Slack said with the webhook and its token masked', async () => {
    slack.answerNext({ status: 400, text: `cannot post to ${slack.url} (token ${slack.token})` });
    const run = await send({ connection: 'alerts', text: 'x' });
    expect(run.error).toMatchObject({ type: 'SLACK:HTTP_STATUS', details: { status: 400 } });
    expect(String(run.error?.details?.answer)).toContain('[redacted]');
    expectNoSecretsIn(run, [slack.url, slack.token]);
  });

  it('raises SLACK:CONNECTIVITY when nothing answers, without the webhook', async () => {
    const webhook = `http://127.0.0.1:${await closedPort()}/services/T1/B1/${slack.token}`;
    const run = await send({ connection: 'alerts', text: 'x' }, { alerts: { webhook } });
    expect(run.error).toMatchObject({ type: 'SLACK:CONNECTIVITY', details: { connection: 'alerts' } });
    expect(run.error?.message).toMatch(/^sending to Slack robot "alerts": /);
    expectNoSecretsIn(run, [webhook, slack.token]);
  });

  it('waits as long as a 429 Retry-After asks, then delivers', async () => {
    slack.answerNext({ status: 429, text: 'rate_limited', headers: { 'retry-after': '7' } });
    const run = await send({ connection: 'alerts', text: 'x' });
    expect(run.error).toBeUndefined();
    expect(slack.received[0].at - slack.rejected[0].at).toBe(7_000);
    const warning = 'HTTP 429 (rate limited); retrying in 7000 ms (attempt 2)';
    expect(run.logs.some((log) => log.level === 'WARN' && log.content.includes(warning))).toBe(true);
  });

  it('raises SLACK:RATE_LIMITED with the delay asked once every retry got 429', async () => {
    slack.answerNext({ status: 429, text: 'rate_limited', headers: { 'retry-after': '2' } }, 4);
    const run = await send({ connection: 'alerts', text: 'x' });
    expect(run.error).toMatchObject({
      type: 'SLACK:RATE_LIMITED',
      message: 'sending to Slack robot "alerts": HTTP 429 (rate limited)',
      details: { connection: 'alerts', status: 429, retryAfterMs: 2_000, retryable: true, attempts: 4 },
    });
    expect(slack.rejected).toHaveLength(4);
    expectNoSecretsIn(run, [slack.url, slack.token]);
  });

  it('backs off after a 429 caused by another sender, then delivers', async () => {
    const otherProcess = connectorStepsOn(clock).get('slack-robot');
    const other = await runConnector(otherProcess, { connection: 'alerts', text: 'other' }, connections);
    expect(other.error).toBeUndefined();
    const run = await send({ connection: 'alerts', text: 'ours' });
    expect(run.error).toBeUndefined();
    expect(slack.rejected.map((refusal) => [refusal.status, refusal.code])).toEqual([[429, 'rate_limited']]);
    expect(slack.received.map((message) => message.body)).toEqual([{ text: 'other' }, { text: 'ours' }]);
  });

  it('paces a burst of 5 to one a second, so Slack refuses none', async () => {
    const sends = Array.from({ length: 5 }, (_, index) =>
      runConnector(step, { connection: 'alerts', text: `alarm ${index}` }, connections),
    );
    const runs = await driveClock(clock, Promise.all(sends), 100);
    expect(runs.map((run) => run.error)).toEqual(Array(5).fill(undefined));
    expect(slack.rejected).toEqual([]);
    expect(maxInAnyWindow(slack.received.map((message) => message.at), 1_000)).toBe(1);
  });
});
