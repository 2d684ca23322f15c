import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { driveClock, maxInAnyWindow, startFakeWecom } from '../../test/fakes/index.js';
import type { FakeWecom } from '../../test/fakes/index.js';
import { waitFor } from '../../test/support/wait-for.js';
import {
  STORY_ONE_EVENT,
  closedPort,
  connectorStepsOn,
  expectNoSecretsIn,
  robotTestSetup,
  runConnector,
  storyOneMarkdown,
} from '../shared/test-support.js';

const setup = robotTestSetup();
const { clock } = setup;
const step = setup.steps.get('wecom-robot');
let wecom: FakeWecom;
let ops: Record<string, Record<string, unknown>>;

const send = (config: Record<string, unknown>, connections = ops) =>
  runConnector(step, { connection: 'ops', ...config }, connections);

beforeAll(async () => {
  wecom = await startFakeWecom({ clock });
  ops = { ops: { webhook: wecom.url } };
});

afterAll(() => wecom.close());

afterEach(() => {
  // Each test starts with an empty rolling minute on both sides.
  clock.advance(10 * 60_000);
  wecom.reset();
});

describe('wecom-robot against the fake WeCom server', () => {
  it('delivers the story-1 markdown alarm', async () => {
    const run = await send({ msgType: 'markdown', content: storyOneMarkdown() });
    expect(run.error).toBeUndefined();
    expect(wecom.received).toHaveLength(1);
    const body = wecom.received[0].body as { msgtype: string; markdown: { content: string } };
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.content).toBe(storyOneMarkdown());
    for (const value of Object.values(STORY_ONE_EVENT)) expect(body.markdown.content).toContain(value);
  });

  it('delivers text with mentions, an image with its md5, and news', async () => {
    const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const png = Buffer.concat([pngSignature, Buffer.from('d')]);
    const base64 = png.toString('base64');
    const article = { title: 'Runbook', url: 'https://example.com/runbook' };
    const configs = [
      {
        msgType: 'text',
        content: 'disk full',
        mentionedList: ['@all'],
        mentionedMobileList: ['13800001111'],
      },
      { msgType: 'image', image: { base64 } },
      { msgType: 'news', articles: [article] },
    ];
    for (const config of configs) expect((await send(config)).error).toBeUndefined();
    expect(wecom.rejected).toEqual([]);
    expect(wecom.received.map((message) => message.body)).toEqual([
      {
        msgtype: 'text',
        text: { content: 'disk full', mentioned_list: ['@all'], mentioned_mobile_list: ['13800001111'] },
      },
      { msgtype: 'image', image: { base64, md5: createHash('md5').update(png).digest('hex') } },
      { msgtype: 'news', news: { articles: [article] } },
    ]);
  });

  it('refuses oversize content before sending, and truncates it when asked', async () => {
    const content = '告'.repeat(1500);
    const refused = await send({ content });
    expect(refused.error?.type).toBe('WECOM:TOO_LARGE');
    expect(wecom.received).toHaveLength(0);
    expect(wecom.rejected).toHaveLength(0);

    const cut = await send({ content, truncate: true });
    expect(cut.error).toBeUndefined();
    const sent = (wecom.received[0].body as { markdown: { content: string } }).markdown.content;
    expect(Buffer.byteLength(sent)).toBeLessThanOrEqual(4096);
    const warnings = cut.logs.filter((log) => log.level === 'WARN').map((log) => log.content);
    expect(warnings).toEqual(['sending to WeCom robot "ops": content cut from 4500 bytes']);
  });

  it('delivers a burst of 50 to one robot, never more than 20 in any minute of the clock', async () => {
    const started = clock.now();
    const sends = Array.from({ length: 50 }, (_, index) =>
      send({ msgType: 'text', content: `alarm ${index}` }),
    );
    const runs = await driveClock(clock, Promise.all(sends), 1_000);
    expect(runs.map((run) => run.error)).toEqual(Array(50).fill(undefined));
    expect(wecom.rejected).toEqual([]);
    expect(wecom.received).toHaveLength(50);
    expect(maxInAnyWindow(wecom.received.map((message) => message.at), 60_000)).toBeLessThanOrEqual(20);
    // Delayed, not dropped, and in order.
    const contents = wecom.received.map(
      (message) => (message.body as { text: { content: string } }).text.content,
    );
    expect(contents).toEqual(Array.from({ length: 50 }, (_, index) => `alarm ${index}`));
    expect(wecom.received[49].at - started).toBeGreaterThanOrEqual(120_000);
  });

  it('stops waiting for its turn with CANCELLED when the execution is cancelled', async () => {
    for (let index = 0; index < 20; index += 1) {
      expect((await send({ content: `${index}` })).error).toBeUndefined();
    }
    const cancel = new AbortController();
    const waiting = runConnector(step, { connection: 'ops', content: 'late' }, ops, cancel.signal);
    await waitFor(() => clock.pendingSleeps === 1, 'the send to wait for its turn');
    cancel.abort();
    expect((await waiting).error).toMatchObject({
      type: 'CANCELLED',
      message: 'sending to WeCom robot "ops": cancelled while waiting',
    });
    expect(wecom.received).toHaveLength(20);
  });

  it('backs off when WeCom answers 45009 (another sender filled the minute) and then succeeds', async () => {
    // Another process with its own queue sends 20 first.
    const otherProcess = connectorStepsOn(clock).get('wecom-robot');
    for (let index = 0; index < 20; index += 1) {
      const run = await runConnector(otherProcess, { connection: 'ops', content: `other ${index}` }, ops);
      expect(run.error).toBeUndefined();
    }
    const run = await driveClock(clock, send({ content: 'mine' }), 1_000);
    expect(run.error).toBeUndefined();
    expect(wecom.rejected.length).toBeGreaterThan(0);
    expect(wecom.rejected.every((refusal) => refusal.code === 45009)).toBe(true);
    expect(wecom.received.at(-1)?.body).toEqual({ msgtype: 'markdown', markdown: { content: 'mine' } });
    expect(run.logs.filter((log) => log.level === 'WARN')[0].content).toBe(
      'sending to WeCom robot "ops": errcode 45009 (rate limited); retrying in 15000 ms (attempt 2)',
    );
  });

  it('raises WECOM:RATE_LIMITED once every retry was refused', async () => {
    wecom.answerNext(45009, 'api freq out of limit', 10);
    const run = await driveClock(clock, send({ content: 'x' }), 5_000);
    expect(run.error).toMatchObject({
      type: 'WECOM:RATE_LIMITED',
      message: 'sending to WeCom robot "ops": errcode 45009 (rate limited)',
      details: { connection: 'ops', errcode: 45009, attempts: 4 },
    });
    expect(wecom.rejected).toHaveLength(4);
  });

  it.each([
    {
      errcode: 93000,
      errmsg: 'invalid webhook url',
      type: 'WECOM:INVALID_WEBHOOK',
      words: 'invalid webhook URL',
    },
    {
      errcode: 40058,
      errmsg: 'markdown.content exceed max length 4096',
      type: 'WECOM:TOO_LARGE',
      words: 'content too long',
    },
    { errcode: 40058, errmsg: 'invalid Request Parameter', type: 'WECOM:ERROR', words: 'refused' },
    { errcode: 44004, errmsg: 'empty content', type: 'WECOM:ERROR', words: 'refused' },
  ])('maps errcode $errcode ($errmsg) to $type', async ({ errcode, errmsg, type, words }) => {
    wecom.answerNext(errcode, errmsg);
    const run = await send({ content: 'x' });
    expect(run.error).toMatchObject({
      type,
      message: `sending to WeCom robot "ops": errcode ${errcode} (${words})`,
      details: { connection: 'ops', errcode, errmsg, attempts: 1 },
    });
    expect(wecom.received).toHaveLength(0);
  });

  it('gets WECOM:INVALID_WEBHOOK from the fake for an unknown key, without naming the key', async () => {
    const webhook = wecom.url.replace(wecom.key, 'wrong-key-0123456789');
    const run = await send({ content: 'x' }, { ops: { webhook } });
    expect(run.error?.type).toBe('WECOM:INVALID_WEBHOOK');
    expectNoSecretsIn(run, ['wrong-key-0123456789', webhook]);
  });

  it('raises WECOM:HTTP_STATUS for a non-200 answer', async () => {
    const status = await send({ content: 'x' }, { ops: { webhook: wecom.url.replace('/send', '/nowhere') } });
    expect(status.error).toMatchObject({
      type: 'WECOM:HTTP_STATUS',
      message: 'sending to WeCom robot "ops": answered HTTP 404',
    });
  });

  it('raises WECOM:CONNECTIVITY when nothing listens', async () => {
    const webhook = `http://127.0.0.1:${await closedPort()}/cgi-bin/webhook/send?key=secret-key-123456`;
    const down = await send({ content: 'x' }, { ops: { webhook } });
    expect(down.error).toMatchObject({
      type: 'WECOM:CONNECTIVITY',
      details: { connection: 'ops', code: 'ECONNREFUSED' },
    });
    expect(down.error?.message).toMatch(/^sending to WeCom robot "ops": .*\(ECONNREFUSED\)$/);
    expectNoSecretsIn(down, ['secret-key-123456']);
  });

  it.each([
    { name: 'no webhook', values: {} },
    { name: 'a webhook that is not a URL', values: { webhook: 'qyapi key=abc' } },
    { name: 'a non-http webhook', values: { webhook: 'ftp://example.com/?key=abcdef123' } },
  ])('refuses a connection with $name without quoting it', async ({ values }) => {
    const run = await send({ content: 'x' }, { ops: values });
    expect(run.error).toMatchObject({ type: 'VALIDATION', details: { connection: 'ops', field: 'webhook' } });
    expectNoSecretsIn(run, Object.values(values));
  });

  it('passes on CONNECTION:NOT_FOUND for an unknown connection name', async () => {
    const run = await runConnector(step, { connection: 'nope', content: 'x' }, ops);
    expect(run.error?.type).toBe('CONNECTION:NOT_FOUND');
  });

  it('never puts the webhook or key into errors or logs', async () => {
    const runs = [];
    wecom.answerNext(93000, `invalid webhook url ${wecom.key}`);
    runs.push(await send({ content: 'x' }));
    wecom.answerNext(45009, 'api freq out of limit');
    runs.push(await driveClock(clock, send({ content: 'y' })));
    runs.push(await send({ content: 'z'.repeat(5000) }));
    const types = runs.map((run) => run.error?.type);
    expect(types).toEqual(['WECOM:INVALID_WEBHOOK', undefined, 'WECOM:TOO_LARGE']);
    for (const run of runs) expectNoSecretsIn(run, [wecom.key, wecom.url]);
  });
});
