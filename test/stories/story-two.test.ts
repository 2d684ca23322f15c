/**
 * @module Story 2 end to end through the real server, with the example rule: a CVM ping-unreachable alarm is
 * archived in the log store, mailed and sent to WeCom inside the 09:30:00–23:30:00 window (deferred to the
 * window's opening outside it, across a restart too), and called back at once with the vendor's alarm
 * callback body. That a deferred notification fires on time after a crash is tested with the real clock in
 * test/bus/delivery-state-crash.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessagePushTarget, formatZoned } from '../../notifications/index.js';
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
    const delivered = await waitFor(async () => {
      const notify = await notifyTrace(id);
      return notify.status === 'delivered' && notify;
    }, 'the trace to say delivered');
    expect(delivered.detail).toContain('email via "ops-mail"');
  });

  it('defers the mail and the WeCom message outside the window to the time it opens, counting no attempt', async () => {
    clock.advance(13 * HOUR + 45 * MINUTE); // 23:45 in Shanghai
    const before = Date.now();
    const { id } = await sendAlarm();
    const trace = await waitFor(async () => {
      const notify = await notifyTrace(id);
      return notify.status === 'scheduled' && notify;
    }, 'the trace to say scheduled');
    // 09:30 the next morning, 585 minutes on; the due time is on the bus's (real) clock.
    expect(trace.dueAt).toBeGreaterThanOrEqual(before + 585 * MINUTE);
    expect(trace.dueAt).toBeLessThanOrEqual(Date.now() + 585 * MINUTE);
    expect(trace).toMatchObject({ attempts: 0, detail: expect.stringContaining('until the window opens') });
    expect(callbacks()).toHaveLength(2);
    expect(smtp.mails).toHaveLength(1);
    expect(wecom.received).toHaveLength(1);
  });

  it('keeps a deferred notification across a restart: still scheduled, the callback not sent again', async () => {
    const id = (await sendAlarm()).id;
    const scheduled = await waitFor(async () => {
      const notify = await notifyTrace(id);
      return notify.status === 'scheduled' && notify;
    }, 'the trace to say scheduled');
    await waitFor(() => callbacks().length === 3, 'the callback');
    await story.close();

    const target = createMessagePushTarget({ clock });
    story = await startStoryServer({ files: { [RULE_FILE]: rule }, targetTypes: [target], root: story.root });
    const replayed = await notifyTrace(id);
    expect(replayed).toMatchObject({ status: 'scheduled', attempts: 0, dueAt: scheduled.dueAt });
    expect(callbacks()).toHaveLength(3);
    expect(smtp.mails).toHaveLength(1);
  });
});
