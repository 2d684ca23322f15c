import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock } from '../../engine/steps/testing.js';
import { startFakeDingtalk } from './dingtalk.js';
import type { FakeDingtalk } from './dingtalk.js';
import { startFakeFeishu } from './feishu.js';
import type { FakeFeishu } from './feishu.js';
import { maxInAnyWindow } from './robot-fake.js';
import { startFakeSlack } from './slack.js';
import type { FakeSlack } from './slack.js';
import { startFakeWecom } from './wecom.js';
import type { FakeWecom } from './wecom.js';

// These talk to the fakes with raw fetch, so they prove the fakes enforce the protocol by themselves.
const clock = createTestClock(Date.UTC(2024, 0, 1));

async function post(url: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

let wecom: FakeWecom;
let dingtalk: FakeDingtalk;
let feishu: FakeFeishu;
let slack: FakeSlack;

beforeAll(async () => {
  wecom = await startFakeWecom({ clock });
  dingtalk = await startFakeDingtalk({ clock, secret: 'SECtest-secret' });
  feishu = await startFakeFeishu({ clock, secret: 'demo' });
  slack = await startFakeSlack({ clock });
});

afterAll(async () => {
  await Promise.all([wecom.close(), dingtalk.close(), feishu.close(), slack.close()]);
});

describe('fake WeCom', () => {
  const text = { msgtype: 'text', text: { content: 'x' } };

  it.each([
    { name: 'no msgtype', body: { text: { content: 'x' } }, errcode: 40008 },
    { name: 'empty content', body: { msgtype: 'text', text: { content: '' } }, errcode: 44004 },
    {
      name: 'markdown over 4096 bytes',
      body: { msgtype: 'markdown', markdown: { content: 'x'.repeat(4097) } },
      errcode: 40058,
    },
    {
      name: 'text over 2048 bytes',
      body: { msgtype: 'text', text: { content: '告'.repeat(683) } },
      errcode: 40058,
    },
    {
      name: 'an image with a wrong md5',
      body: { msgtype: 'image', image: { base64: 'AAAA', md5: '0'.repeat(32) } },
      errcode: 40058,
    },
    { name: 'news without articles', body: { msgtype: 'news', news: { articles: [] } }, errcode: 40058 },
  ])('answers errcode $errcode with HTTP 200 for $name', async ({ body, errcode }) => {
    expect(await post(wecom.url, body)).toMatchObject({ status: 200, json: { errcode } });
  });

  it('answers 93000 for an unknown key and 45009 beyond 20 a rolling minute', async () => {
    expect((await post(wecom.url.replace(wecom.key, 'other'), text)).json.errcode).toBe(93000);
    wecom.reset();
    const codes = [];
    for (let index = 0; index < 21; index += 1) codes.push((await post(wecom.url, text)).json.errcode);
    expect(codes.filter((code) => code === 0)).toHaveLength(20);
    expect(codes[20]).toBe(45009);
    clock.advance(59_999);
    expect((await post(wecom.url, text)).json.errcode).toBe(45009);
    clock.advance(1);
    expect((await post(wecom.url, text)).json.errcode).toBe(0);
    expect(maxInAnyWindow(wecom.received.map((message) => message.at), 60_000)).toBe(20);
  });
});

describe('fake DingTalk', () => {
  const text = { msgtype: 'text', text: { content: 'x' } };
  const sign = (timestamp: number) =>
    createHmac('sha256', 'SECtest-secret').update(`${timestamp}\nSECtest-secret`).digest('base64');
  const signedUrl = (timestamp: number, encode = true) => {
    const signature = encode ? encodeURIComponent(sign(timestamp)) : sign(timestamp);
    return `${dingtalk.url}&timestamp=${timestamp}&sign=${signature}`;
  };

  it('accepts a correctly signed request and refuses stale or unsigned ones', async () => {
    dingtalk.reset();
    expect((await post(signedUrl(clock.now()), text)).json).toEqual({ errcode: 0, errmsg: 'ok' });
    expect((await post(signedUrl(clock.now() - 3_600_001), text)).json).toMatchObject({
      errcode: 310000,
      errmsg: 'invalid timestamp',
    });
    expect((await post(dingtalk.url, text)).json).toMatchObject({ errcode: 310000 });
    // Seconds instead of milliseconds are an hour (and more) off.
    const inSeconds = Math.floor(clock.now() / 1000);
    expect((await post(signedUrl(inSeconds), text)).json.errmsg).toBe('invalid timestamp');
  });

  it('refuses a sign that was not URL-encoded when it holds a + (decoded as a space)', async () => {
    let timestamp = clock.now();
    while (!sign(timestamp).includes('+')) timestamp += 1;
    expect((await post(signedUrl(timestamp, false), text)).json).toMatchObject({
      errcode: 310000,
      errmsg: 'sign not match',
    });
    expect((await post(signedUrl(timestamp, true), text)).json.errcode).toBe(0);
  });

  it('throttles for 10 minutes after 20 in a minute', async () => {
    dingtalk.reset();
    clock.advance(60_000);
    for (let index = 0; index < 20; index += 1) {
      expect((await post(signedUrl(clock.now()), text)).json.errcode).toBe(0);
    }
    expect((await post(signedUrl(clock.now()), text)).json.errcode).toBe(130101);
    clock.advance(9 * 60_000);
    expect((await post(signedUrl(clock.now()), text)).json.errcode).toBe(130101);
    clock.advance(60_000);
    expect((await post(signedUrl(clock.now()), text)).json.errcode).toBe(0);
  });

  it.each([
    { name: 'no msgtype', body: { text: { content: 'x' } }, errcode: 40035 },
    {
      name: 'markdown without title',
      body: { msgtype: 'markdown', markdown: { text: 'x' } },
      errcode: 400402,
    },
    { name: 'text without content', body: { msgtype: 'text', text: {} }, errcode: 400403 },
  ])('answers $errcode for $name', async ({ body, errcode }) => {
    expect((await post(signedUrl(clock.now()), body)).json.errcode).toBe(errcode);
  });
});

describe('fake Feishu', () => {
  const sign = (timestamp: number) => createHmac('sha256', `${timestamp}\ndemo`).update('').digest('base64');
  const text = { msg_type: 'text', content: { text: 'x' } };
  const signed = (seconds: number) => ({ timestamp: String(seconds), sign: sign(seconds) });

  it('accepts the vendor test vector signature at its time, and refuses DingTalk-order signing', async () => {
    const vectorFake = await startFakeFeishu({ clock: createTestClock(1599360473_000), secret: 'demo' });
    try {
      const vector = { timestamp: '1599360473', sign: 'l1N0gAcBjdwBvGm1xMjOF0XSyaLRpR7tuO5dHfhAYc8=' };
      const accepted = await post(vectorFake.url, { ...vector, ...text });
      expect(accepted.json).toMatchObject({ code: 0, msg: 'success' });
      const dingtalkOrder = createHmac('sha256', 'demo').update('1599360473\ndemo').digest('base64');
      const wrong = { timestamp: '1599360473', sign: dingtalkOrder, ...text };
      expect((await post(vectorFake.url, wrong)).json.code).toBe(19021);
    } finally {
      await vectorFake.close();
    }
  });

  it('refuses a timestamp more than 3600 s off, an oversize body and a bad shape', async () => {
    const seconds = Math.floor(clock.now() / 1000);
    expect((await post(feishu.url, { ...signed(seconds - 3601), ...text })).json.code).toBe(19021);
    const big = { ...signed(seconds), msg_type: 'text', content: { text: 'x'.repeat(20 * 1024) } };
    expect((await post(feishu.url, big)).json.code).toBe(9499);
    expect((await post(feishu.url, { ...signed(seconds), content: { text: 'x' } })).json.code).toBe(9499);
  });

  it('answers 11232 beyond 5 a second', async () => {
    feishu.reset();
    clock.advance(60_000);
    const seconds = Math.floor(clock.now() / 1000);
    const codes = [];
    for (let index = 0; index < 6; index += 1) {
      codes.push((await post(feishu.url, { ...signed(seconds), ...text })).json.code);
    }
    expect(codes).toEqual([0, 0, 0, 0, 0, 11232]);
  });
});

describe('fake Slack', () => {
  /** Posts `body` (JSON unless it is a string) and reads the plain-text answer. */
  async function postText(url: string, body: unknown, contentType = 'application/json') {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const headers = { 'content-type': contentType };
    const response = await fetch(url, { method: 'POST', headers, body: text });
    const retryAfter = response.headers.get('retry-after');
    return { status: response.status, text: await response.text(), retryAfter };
  }

  const section = { type: 'section', text: { type: 'mrkdwn', text: '*disk* full' } };

  it.each([
    { name: 'a text', body: { text: 'disk full' } },
    { name: 'blocks without text', body: { blocks: [section] } },
    { name: 'blocks, a fallback text, mrkdwn off', body: { text: 'disk', blocks: [section], mrkdwn: false } },
  ])('answers 200 ok to $name', async ({ body }) => {
    slack.reset();
    clock.advance(1_000);
    expect(await postText(slack.url, body)).toMatchObject({ status: 200, text: 'ok' });
    expect(slack.received.map((message) => message.body)).toEqual([body]);
  });

  it.each([
    { name: 'no text and no blocks', body: { mrkdwn: true }, status: 400, text: 'no_text' },
    { name: 'an empty text', body: { text: ' ' }, status: 400, text: 'no_text' },
    { name: 'not JSON', body: '{"text": ', status: 400, text: 'invalid_payload' },
    { name: 'a text that is not a string', body: { text: 7 }, status: 400, text: 'invalid_payload' },
    { name: 'blocks that are not a list', body: { blocks: 'x' }, status: 400, text: 'invalid_blocks_format' },
    { name: 'a block without a type', body: { blocks: [{ text: 'x' }] }, status: 400, text: 'invalid_blocks' },
    { name: '51 blocks', body: { blocks: Array(51).fill(section) }, status: 400, text: 'invalid_blocks' },
    {
      name: '101 attachments',
      body: { text: 'x', attachments: Array(101).fill({ text: 'x' }) },
      status: 400,
      text: 'too_many_attachments',
    },
  ])('answers $status $text to $name', async ({ body, status, text }) => {
    clock.advance(1_000);
    expect(await postText(slack.url, body)).toMatchObject({ status, text });
  });

  it('answers invalid_payload to a body that is not sent as JSON', async () => {
    clock.advance(1_000);
    const answer = await postText(slack.url, { text: 'x' }, 'text/plain');
    expect(answer).toMatchObject({ status: 400, text: 'invalid_payload' });
  });

  it('answers 404 no_service to another hook and 403 invalid_token to a wrong token', async () => {
    clock.advance(1_000);
    const otherHook = slack.url.replace(/\/services\/T\w+/, '/services/T0000000000');
    expect(await postText(otherHook, { text: 'x' })).toMatchObject({ status: 404, text: 'no_service' });
    const wrongToken = slack.url.replace(slack.token, 'x'.repeat(24));
    expect(await postText(wrongToken, { text: 'x' })).toMatchObject({ status: 403, text: 'invalid_token' });
  });

  it.each([
    { channel: 'archived', status: 410, text: 'channel_is_archived' },
    { channel: 'deleted', status: 404, text: 'channel_not_found' },
    { channel: 'general-restricted', status: 403, text: 'posting_to_general_channel_denied' },
    { channel: 'prohibited', status: 403, text: 'action_prohibited' },
  ] as const)('answers $status $text when the channel is $channel', async ({ channel, status, text }) => {
    const refusing = await startFakeSlack({ clock, channel });
    try {
      expect(await postText(refusing.url, { text: 'x' })).toMatchObject({ status, text });
      expect(refusing.received).toEqual([]);
    } finally {
      await refusing.close();
    }
  });

  it('answers 429 with Retry-After beyond one message a second', async () => {
    slack.reset();
    clock.advance(1_000);
    expect((await postText(slack.url, { text: '1' })).status).toBe(200);
    expect(await postText(slack.url, { text: '2' })).toMatchObject({ status: 429, retryAfter: '1' });
    clock.advance(999);
    expect((await postText(slack.url, { text: '3' })).status).toBe(429);
    clock.advance(1);
    expect((await postText(slack.url, { text: '4' })).status).toBe(200);
    expect(slack.rejected.map((refusal) => refusal.code)).toEqual(['rate_limited', 'rate_limited']);
  });
});
