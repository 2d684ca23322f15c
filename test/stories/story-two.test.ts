/**
 * @module Story 2 end to end through the real server, with the example rule: a CVM ping-unreachable alarm is
 * archived in the log store, mailed and sent to WeCom inside the 09:30:00–23:30:00 window (held outside it,
 * across a restart too), and called back at once with the vendor's alarm callback body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessagePushTarget, formatZoned } from '../../connectors/message-push/index.js';
import { createTestClock, type TestClock } from '../../engine/steps/testing.js';
import { startFakeSmtp, startFakeWecom, type FakeSmtp, type FakeWecom } from '../fakes/index.js';
import {
  mailConnection,
  pointWebhooksAt,
  readExample,
  startStoryServer,
  waitFor,
  type StoryServer,
} from './story-server.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** 2024-01-01 10:00 in Shanghai (UTC+8): inside the window. */
const TEN_IN_SHANGHAI = Date.UTC(2024, 0, 1, 2);
const RULE_FILE = 'ping-unreachable-notify.rule.json';

let clock: TestClock;
let smtp: FakeSmtp;
let wecom: FakeWecom;
let receiver: WebhookReceiver;
let rule: unknown;
let story: StoryServer;

const callbacks = () => receiver.bodies('/alarm-callback');

async function sendAlarm(): Promise<{ id: string; event: { time: number } }> {
  const sent = await story.api('POST', '/api/event-templates/cvm-ping-unreachable/send', {
    data: { instanceId: 'ins-sjksjk', dimensions: { ip: '10.0.0.12' }, additionalMsg: { IP: 'no answer' } },
  });
  expect(sent.status).toBe(202);
  return sent.body;
}

async function notifyTrace(id: string) {
  const { body } = await story.api('GET', `/api/events/${id}`);
  return body.targets.find((target: { target: string }) => target.target === 'notify');
}

beforeAll(async () => {
  clock = createTestClock(TEN_IN_SHANGHAI);
  smtp = await startFakeSmtp();
  wecom = await startFakeWecom({ clock: { now: () => clock.now() } });
  receiver = await startWebhookReceiver();
  rule = pointWebhooksAt(await readExample(RULE_FILE), receiver.origin);
  story = await startStoryServer({
    files: { [RULE_FILE]: rule },
    targetTypes: [createMessagePushTarget({ clock })],
    connections: [
      mailConnection(smtp.port),
      { name: 'ops-wecom', type: 'wecom-robot', values: { webhook: wecom.url } },
    ],
  });
});

afterAll(async () => {
  await story?.close();
  await story?.remove();
  await Promise.all([smtp?.close(), wecom?.close(), receiver?.close()]);
});

describe('story 2: alarm routing with log archive and notifications', () => {
  it('mails the alarm, sends it to WeCom and calls back inside the window, and archives it', async () => {
    const { id, event } = await sendAlarm();
    await waitFor(
      () => smtp.mails.length === 1 && wecom.received.length === 1 && callbacks().length === 1,
      'the mail, the WeCom message and the callback',
    );
    const time = formatZoned(event.time, 'Asia/Shanghai');
    const mail = smtp.mails[0]!;
    expect(mail.envelope.to).toEqual(['ops@example.com']);
    expect(mail.subject).toBe('cvm Alarm Notification');
    const lines = [
      'Alarm event: PingUnreachable',
      'Alarmed service: cvm',
      'Alarmed resource: ins-sjksjk',
      'Alarm region: ap-guangzhou',
      `Event occurrence time: ${time} (Asia/Shanghai)`,
      'Event status: error',
    ];
    for (const line of lines) {
      expect(mail.text).toContain(line);
      expect(JSON.stringify(wecom.received[0]!.body)).toContain(line);
    }

    expect(callbacks()[0]).toEqual({
      sessionId: id,
      alarmStatus: '1',
      alarmType: 'event',
      alarmObjInfo: {
        region: 'gz',
        dimensions: { unInstanceId: 'ins-sjksjk', objDetail: { ip: '10.0.0.12', deviceLanIp: '10.0.0.12' } },
      },
      alarmPolicyInfo: {
        policyName: 'ping-unreachable-notify',
        conditions: {
          productName: 'cvm',
          eventName: 'ping_unreachable',
          alarmNotifyType: '',
          alarmNotifyPeriod: '',
        },
      },
      additionalMsg: [
        { key: 'alias', value: 'ins-sjksjk' },
        { key: 'ip', value: '10.0.0.12' },
        { key: 'deviceLanIp', value: '10.0.0.12' },
        { key: 'IP', value: 'no answer' },
      ],
      firstOccurTime: time,
      durationTime: 0,
      recoverTime: '0',
    });

    const archived = await story.api('GET', '/api/log-store/search?type=cvm:ErrorEvent:PingUnreachable');
    expect(archived.body.items).toEqual([
      expect.objectContaining({ eventId: id, subject: 'ins-sjksjk', rules: ['ping-unreachable-notify'] }),
    ]);
    const delivered = { status: 'delivered', detail: expect.stringContaining('email via "ops-mail"') };
    expect(await notifyTrace(id)).toMatchObject(delivered);
  });

  it('holds the mail and the WeCom message outside the window, and sends them when it opens', async () => {
    clock.advance(13 * HOUR + 45 * MINUTE); // 23:45 in Shanghai
    const { id } = await sendAlarm();
    // While the delivery sleeps on the test clock, nothing else of this event can be sent.
    await waitFor(() => callbacks().length === 2 && clock.pendingSleeps === 1, 'the callback and the hold');
    expect(smtp.mails).toHaveLength(1);
    expect(wecom.received).toHaveLength(1);
    expect(await notifyTrace(id)).toMatchObject({ status: 'pending' });

    clock.advance(9 * HOUR + 44 * MINUTE); // 09:29 the next morning
    // Still asleep (or asleep again, had the hold woken to look): a minute early sends nothing.
    await waitFor(() => clock.pendingSleeps === 1, 'the hold to go on at 09:29');
    expect(smtp.mails).toHaveLength(1);

    clock.advance(MINUTE);
    await waitFor(() => smtp.mails.length === 2 && wecom.received.length === 2, 'the held notification');
    expect(smtp.mails[1]!.text).toContain(id);
    const trace = await waitFor(async () => {
      const notify = await notifyTrace(id);
      return notify.status === 'delivered' && notify;
    }, 'the trace to say delivered');
    expect(trace.detail).toContain('held 585 min for the window to open');
  });

  it('keeps a held notification across a restart, and sends it when the window is open', async () => {
    clock.advance(14 * HOUR + 15 * MINUTE); // 23:45 again
    const { id } = await sendAlarm();
    await waitFor(() => callbacks().length === 3 && clock.pendingSleeps === 1, 'the callback and the hold');
    await story.close();
    expect(smtp.mails).toHaveLength(2);

    clock = createTestClock(TEN_IN_SHANGHAI + 2 * 24 * HOUR);
    const target = createMessagePushTarget({ clock });
    story = await startStoryServer({ files: { [RULE_FILE]: rule }, targetTypes: [target], root: story.root });
    const sent = () => smtp.mails.length === 3 && wecom.received.length === 3;
    await waitFor(sent, 'the notification after a restart');
    expect(smtp.mails[2]!.text).toContain(id);
    expect(callbacks()).toHaveLength(3);
  });
});
