import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock } from '../../engine/sdk.js';
import { driveClock, maxInAnyWindow, startFakeDingtalk } from '../../test/fakes/index.js';
import type { FakeDingtalk } from '../../test/fakes/index.js';
import {
  STORY_ONE_EVENT,
  TEST_START,
  connectorStepsOn,
  expectNoSecretsIn,
  robotTestSetup,
  runConnector,
  storyOneMarkdown,
} from '../shared/test-support.js';

const SECRET = 'SECf1e2d3c4b5a69788';
const setup = robotTestSetup();
const { clock } = setup;
const step = setup.steps.get('dingtalk-robot');
let signed: FakeDingtalk;
let guarded: FakeDingtalk;
let connections: Record<string, Record<string, unknown>>;

const markdown = { connection: 'ops', msgType: 'markdown', title: '告警', text: storyOneMarkdown() };
const send = (config: Record<string, unknown>) => runConnector(step, config, connections);

beforeAll(async () => {
  signed = await startFakeDingtalk({ clock, secret: SECRET });
  guarded = await startFakeDingtalk({ clock, keywords: ['告警'], ipAllowList: ['127.0.0.1'] });
  connections = {
    ops: { webhook: signed.url, secret: SECRET },
    wrongSecret: { webhook: signed.url, secret: 'SECnot-the-right-one' },
    unsigned: { webhook: signed.url },
    guarded: { webhook: guarded.url },
  };
});

afterAll(async () => {
  await signed.close();
  await guarded.close();
});

afterEach(() => {
  clock.advance(30 * 60_000);
  signed.reset();
  guarded.reset();
});

describe('dingtalk-robot against the fake DingTalk server', () => {
  it('delivers the story-1 markdown alarm, signed, with mentions', async () => {
    const run = await send({ ...markdown, atMobiles: ['13800001111'], isAtAll: false });
    expect(run.error).toBeUndefined();
    expect(signed.rejected).toEqual([]);
    expect(signed.received.map((message) => message.body)).toEqual([
      {
        msgtype: 'markdown',
        markdown: { title: '告警', text: storyOneMarkdown() },
        at: { atMobiles: ['13800001111'], atUserIds: [], isAtAll: false },
      },
    ]);
    const body = JSON.stringify(signed.received[0].body);
    for (const value of Object.values(STORY_ONE_EVENT)) expect(body).toContain(value);
  });

  it('delivers a text message', async () => {
    const run = await send({ connection: 'ops', msgType: 'text', content: '我就是我', isAtAll: true });
    expect(run.error).toBeUndefined();
    expect(signed.received[0].body).toEqual({
      msgtype: 'text',
      text: { content: '我就是我' },
      at: { atMobiles: [], atUserIds: [], isAtAll: true },
    });
  });

  it.each([
    { name: 'a wrong secret', connection: 'wrongSecret', errmsg: 'sign not match' },
    { name: 'no secret on a signing robot', connection: 'unsigned', errmsg: 'invalid timestamp' },
  ])('gets DINGTALK:SIGNATURE with $name', async ({ connection, errmsg }) => {
    const run = await send({ ...markdown, connection });
    expect(run.error).toMatchObject({
      type: 'DINGTALK:SIGNATURE',
      message: `sending to DingTalk robot "${connection}": errcode 310000 (signature or timestamp rejected)`,
      details: { errcode: 310000, errmsg },
    });
    expect(signed.received).toEqual([]);
    expectNoSecretsIn(run, [SECRET, 'SECnot-the-right-one', signed.token]);
  });

  it('gets DINGTALK:SIGNATURE when its clock is more than an hour off the server', async () => {
    const lateClock = createTestClock(TEST_START);
    const late = connectorStepsOn(lateClock).get('dingtalk-robot');
    clock.advance(61 * 60_000);
    const run = await runConnector(late, markdown, connections);
    expect(run.error).toMatchObject({ type: 'DINGTALK:SIGNATURE', details: { errmsg: 'invalid timestamp' } });
  });

  it('gets DINGTALK:KEYWORDS when no keyword is in the message, and passes when one is', async () => {
    const missing = await send({ connection: 'guarded', msgType: 'text', content: 'disk full' });
    expect(missing.error).toMatchObject({
      type: 'DINGTALK:KEYWORDS',
      message: 'sending to DingTalk robot "guarded": errcode 310000 (no keyword of the robot in the message)',
    });
    const present = await send({ ...markdown, connection: 'guarded' });
    expect(present.error).toBeUndefined();
    expect(guarded.received).toHaveLength(1);
  });

  it('gets DINGTALK:IP_NOT_ALLOWED outside the IP allow list', async () => {
    const walled = await startFakeDingtalk({ clock, ipAllowList: ['10.0.0.1'] });
    try {
      const run = await runConnector(step, markdown, { ops: { webhook: walled.url } });
      expect(run.error).toMatchObject({
        type: 'DINGTALK:IP_NOT_ALLOWED',
        details: { errmsg: 'ip 127.0.0.1 not in whitelist' },
      });
    } finally {
      await walled.close();
    }
  });

  it.each([
    {
      name: 'an unknown token',
      edit: (url: string) => url.replace(/access_token=\w+/, 'access_token=0123456789abcdef'),
      code: 300005,
    },
    { name: 'no token', edit: (url: string) => url.replace(/\?access_token=\w+/, ''), code: 40035 },
  ])('gets DINGTALK:INVALID_WEBHOOK for $name', async ({ edit, code }) => {
    const webhook = edit(signed.url);
    const run = await runConnector(step, markdown, { ops: { webhook, secret: SECRET } });
    expect(run.error).toMatchObject({ type: 'DINGTALK:INVALID_WEBHOOK', details: { errcode: code } });
    expectNoSecretsIn(run, [SECRET, '0123456789abcdef', signed.token]);
  });

  it.each([
    { errcode: 310000, errmsg: 'keywords not in content', type: 'DINGTALK:KEYWORDS' },
    { errcode: 310000, errmsg: 'invalid timestamp', type: 'DINGTALK:SIGNATURE' },
    { errcode: 310000, errmsg: 'ip 1.2.3.4 not in whitelist', type: 'DINGTALK:IP_NOT_ALLOWED' },
    { errcode: 310000, errmsg: 'something new', type: 'DINGTALK:ERROR' },
    { errcode: 300001, errmsg: 'token is not exist', type: 'DINGTALK:INVALID_WEBHOOK' },
    { errcode: 40035, errmsg: '缺少参数 json', type: 'DINGTALK:ERROR' },
    { errcode: 400403, errmsg: 'miss param : markdown->text', type: 'DINGTALK:ERROR' },
  ])('maps errcode $errcode ($errmsg) to $type', async ({ errcode, errmsg, type }) => {
    signed.answerNext(errcode, errmsg);
    const run = await send(markdown);
    expect(run.error).toMatchObject({ type, details: { connection: 'ops', errcode, errmsg, attempts: 1 } });
  });

  it('delivers a burst of 25 to one robot, never more than 20 in any minute', async () => {
    const sends = Array.from({ length: 25 }, (_, index) =>
      send({ connection: 'ops', msgType: 'text', content: `alarm ${index}` }),
    );
    const runs = await driveClock(clock, Promise.all(sends), 1_000);
    expect(runs.map((run) => run.error)).toEqual(Array(25).fill(undefined));
    expect(signed.rejected).toEqual([]);
    expect(signed.received).toHaveLength(25);
    expect(maxInAnyWindow(signed.received.map((message) => message.at), 60_000)).toBeLessThanOrEqual(20);
  });

  it('waits out the 10-minute throttle after a 130101 caused by another sender, then succeeds', async () => {
    const otherProcess = connectorStepsOn(clock).get('dingtalk-robot');
    for (let index = 0; index < 20; index += 1) {
      const run = await runConnector(otherProcess, { ...markdown, text: `other ${index}` }, connections);
      expect(run.error).toBeUndefined();
    }
    const firstTry = clock.now();
    const run = await driveClock(clock, send(markdown), 5_000);
    expect(run.error).toBeUndefined();
    expect(signed.rejected.map((refusal) => refusal.code)).toEqual([130101, 130101, 130101]);
    expect(signed.received.at(-1)!.at - firstTry).toBeGreaterThanOrEqual(10 * 60_000);
  });

  it('raises DINGTALK:RATE_LIMITED once every retry was refused', async () => {
    signed.answerNext(130101, 'send too fast, exceed 20 times per minute', 4);
    const run = await driveClock(clock, send(markdown), 10_000);
    expect(run.error).toMatchObject({
      type: 'DINGTALK:RATE_LIMITED',
      message: 'sending to DingTalk robot "ops": errcode 130101 (rate limited)',
      details: { attempts: 4 },
    });
    expect(signed.rejected).toHaveLength(4);
    expectNoSecretsIn(run, [SECRET, signed.token]);
  });

  it.each([
    { name: 'a secret not starting with SEC', values: { secret: 'abcdef123456' }, field: 'secret' },
    { name: 'a secret that is not a string', values: { secret: 42 }, field: 'secret' },
    { name: 'no webhook', values: { webhook: undefined }, field: 'webhook' },
  ])('refuses a connection with $name', async ({ values, field }) => {
    const run = await runConnector(step, markdown, { ops: { webhook: signed.url, ...values } });
    expect(run.error).toMatchObject({ type: 'VALIDATION', details: { connection: 'ops', field } });
    expectNoSecretsIn(run, ['abcdef123456', signed.token]);
  });

  it.each([
    { name: 'an unknown msgType', config: { msgType: 'link' }, field: 'msgType' },
    { name: 'markdown without title', config: { msgType: 'markdown', text: 'x' }, field: 'title' },
    { name: 'markdown without text', config: { msgType: 'markdown', title: 'x' }, field: 'text' },
    { name: 'text without content', config: { msgType: 'text' }, field: 'content' },
    {
      name: 'atMobiles not strings',
      config: { msgType: 'text', content: 'x', atMobiles: [1] },
      field: 'atMobiles',
    },
    {
      name: 'isAtAll not boolean',
      config: { msgType: 'text', content: 'x', isAtAll: 'yes' },
      field: 'isAtAll',
    },
  ])('refuses $name with VALIDATION before sending', async ({ config, field }) => {
    const run = await send({ connection: 'ops', ...config });
    expect(run.error).toMatchObject({ type: 'VALIDATION', details: { field } });
    expect(signed.received).toEqual([]);
    expect(signed.rejected).toEqual([]);
  });
});
