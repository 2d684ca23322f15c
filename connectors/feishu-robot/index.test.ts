import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { driveClock, maxInAnyWindow, startFakeFeishu } from '../../test/fakes/index.js';
import type { FakeFeishu } from '../../test/fakes/index.js';
import {
  STORY_ONE_EVENT,
  connectorStepsOn,
  expectNoSecretsIn,
  robotTestSetup,
  runConnector,
  storyOneMarkdown,
} from '../shared/test-support.js';

const SECRET = 'feishu-secret-0123456789';
const setup = robotTestSetup();
const { clock } = setup;
const step = setup.steps.get('feishu-robot');
let signed: FakeFeishu;
let guarded: FakeFeishu;
let connections: Record<string, Record<string, unknown>>;

const card = { connection: 'ops', msgType: 'interactive', title: '告警', markdown: storyOneMarkdown() };
const send = (config: Record<string, unknown>) => runConnector(step, config, connections);

beforeAll(async () => {
  signed = await startFakeFeishu({ clock, secret: SECRET });
  guarded = await startFakeFeishu({ clock, keywords: ['告警'] });
  connections = {
    ops: { webhook: signed.url, secret: SECRET },
    wrongSecret: { webhook: signed.url, secret: 'not-the-secret-000' },
    guarded: { webhook: guarded.url },
  };
});

afterAll(async () => {
  await signed.close();
  await guarded.close();
});

afterEach(() => {
  clock.advance(10 * 60_000);
  signed.reset();
  guarded.reset();
});

describe('feishu-robot against the fake Feishu server', () => {
  it('delivers the story-1 alarm as a signed card with a markdown element', async () => {
    const run = await send(card);
    expect(run.error).toBeUndefined();
    expect(signed.rejected).toEqual([]);
    const body = signed.received[0].body as Record<string, unknown>;
    expect(body).toMatchObject({
      timestamp: String(Math.floor(clock.now() / 1000)),
      msg_type: 'interactive',
      card: {
        header: { title: { tag: 'plain_text', content: '告警' } },
        elements: [{ tag: 'markdown', content: storyOneMarkdown() }],
      },
    });
    expect(typeof body.sign).toBe('string');
    for (const value of Object.values(STORY_ONE_EVENT)) expect(JSON.stringify(body)).toContain(value);
  });

  it('delivers text and post messages', async () => {
    const rows = [
      [
        { tag: 'text', text: '告警: ' },
        { tag: 'a', text: 'runbook', href: 'https://example.com' },
        { tag: 'at', user_id: 'all' },
      ],
    ];
    expect((await send({ connection: 'ops', msgType: 'text', content: 'hello' })).error).toBeUndefined();
    const post = { title: 'T', content: rows };
    expect((await send({ connection: 'ops', msgType: 'post', post })).error).toBeUndefined();
    expect(signed.received.map((message) => (message.body as { content: unknown }).content)).toEqual([
      { text: 'hello' },
      { post: { zh_cn: { title: 'T', content: rows } } },
    ]);
  });

  it('gets FEISHU:SIGNATURE with a wrong secret, without leaking either secret', async () => {
    const run = await send({ ...card, connection: 'wrongSecret' });
    expect(run.error).toMatchObject({
      type: 'FEISHU:SIGNATURE',
      message: 'sending to Feishu robot "wrongSecret": code 19021 (signature or timestamp rejected)',
      details: { connection: 'wrongSecret', code: 19021 },
    });
    expect(signed.received).toEqual([]);
    expectNoSecretsIn(run, [SECRET, 'not-the-secret-000', signed.token, signed.url]);
  });

  it('gets FEISHU:KEYWORDS when no text or title holds a keyword (an href does not count)', async () => {
    const rows = [[{ tag: 'a', text: 'runbook', href: 'https://example.com/告警' }]];
    const post = { title: 'disk', content: rows };
    const run = await send({ connection: 'guarded', msgType: 'post', post });
    expect(run.error).toMatchObject({ type: 'FEISHU:KEYWORDS', details: { code: 19024 } });
    expect((await send({ ...card, connection: 'guarded' })).error).toBeUndefined();
    expect(guarded.received).toHaveLength(1);
  });

  it('gets FEISHU:IP_NOT_ALLOWED outside the IP allow list', async () => {
    const walled = await startFakeFeishu({ clock, ipAllowList: ['10.0.0.1'] });
    try {
      const run = await runConnector(step, card, { ops: { webhook: walled.url } });
      expect(run.error).toMatchObject({ type: 'FEISHU:IP_NOT_ALLOWED', details: { code: 19022 } });
    } finally {
      await walled.close();
    }
  });

  it('refuses an oversize body before sending, and truncates when asked', async () => {
    const big = { connection: 'ops', msgType: 'text', content: '告'.repeat(8_000) };
    const refused = await send(big);
    expect(refused.error?.type).toBe('FEISHU:TOO_LARGE');
    expect(signed.received).toEqual([]);
    expect(signed.rejected).toEqual([]);
    const cut = await send({ ...big, truncate: true });
    expect(cut.error).toBeUndefined();
    expect(Buffer.byteLength(JSON.stringify(signed.received[0].body))).toBeLessThanOrEqual(20 * 1024);
  });

  it('gets FEISHU:INVALID_WEBHOOK for an unknown token', async () => {
    const webhook = signed.url.replace(signed.token, '00000000-0000-0000-0000-000000000000');
    const run = await runConnector(step, card, { ops: { webhook, secret: SECRET } });
    expect(run.error).toMatchObject({ type: 'FEISHU:INVALID_WEBHOOK', details: { code: 19001 } });
    expectNoSecretsIn(run, ['00000000-0000-0000-0000-000000000000', SECRET]);
  });

  it.each([
    { code: 9499, msg: 'Bad Request', type: 'FEISHU:TOO_LARGE' },
    { code: 19002, msg: 'params error', type: 'FEISHU:ERROR' },
    { code: 19024, msg: 'Key Words Not Found', type: 'FEISHU:KEYWORDS' },
  ])('maps code $code to $type', async ({ code, msg, type }) => {
    signed.answerNext(code, msg);
    const run = await send(card);
    expect(run.error).toMatchObject({ type, details: { connection: 'ops', code, msg, attempts: 1 } });
  });

  it('delivers a burst of 12 at no more than 5 a second', async () => {
    const sends = Array.from({ length: 12 }, (_, index) =>
      send({ connection: 'ops', msgType: 'text', content: `alarm ${index}` }),
    );
    const runs = await driveClock(clock, Promise.all(sends), 100);
    expect(runs.map((run) => run.error)).toEqual(Array(12).fill(undefined));
    expect(signed.rejected).toEqual([]);
    const times = signed.received.map((message) => message.at);
    expect(times).toHaveLength(12);
    expect(maxInAnyWindow(times, 1_000)).toBeLessThanOrEqual(5);
  });

  it('keeps to 100 a minute as well', async () => {
    const sends = Array.from({ length: 110 }, (_, index) =>
      send({ connection: 'ops', msgType: 'text', content: `n${index}` }),
    );
    const runs = await driveClock(clock, Promise.all(sends), 500);
    expect(runs.every((run) => run.error === undefined)).toBe(true);
    expect(signed.rejected).toEqual([]);
    expect(maxInAnyWindow(signed.received.map((message) => message.at), 60_000)).toBeLessThanOrEqual(100);
  });

  it('backs off after 11232 caused by another sender, then succeeds', async () => {
    const otherProcess = connectorStepsOn(clock).get('feishu-robot');
    for (let index = 0; index < 5; index += 1) {
      const run = await runConnector(otherProcess, { ...card, markdown: `other ${index}` }, connections);
      expect(run.error).toBeUndefined();
    }
    const run = await driveClock(clock, send(card), 500);
    expect(run.error).toBeUndefined();
    expect(signed.rejected.map((refusal) => refusal.code)).toEqual([11232]);
    const warning = 'code 11232 (rate limited); retrying in 2000 ms';
    expect(run.logs.some((log) => log.level === 'WARN' && log.content.includes(warning))).toBe(true);
  });

  it('raises FEISHU:RATE_LIMITED once every retry was refused', async () => {
    signed.answerNext(11232, 'frequency limited', 4);
    const run = await driveClock(clock, send(card), 2_000);
    expect(run.error).toMatchObject({ type: 'FEISHU:RATE_LIMITED', details: { attempts: 4 } });
    expectNoSecretsIn(run, [SECRET, signed.token]);
  });
});
