/**
 * @module Tests of the message-push target against loopback fakes (SMTP, the three robots, a webhook
 * receiver): every channel inside the window, a user template, partial failures and retries, and the errors
 * of bad settings.
 */
import { describe, expect, it } from 'vitest';
import type { FlowbusError } from '../engine/sdk.js';
import { createMessagePushTarget, type MessagePushConfig, type Receiver } from './index.js';
import { alarmFields } from './message/alarm-fields.js';
import { alarmCallbackBody } from './message/callback.js';
import { deliveryOf, STANDARD_ALARM_LINES } from './testing/fixtures.js';
import { DAY_WINDOW, usePushTestBed } from './testing/test-bed.js';

const bed = usePushTestBed();

describe('message push inside the window', () => {
  it('sends the alarm on every channel: e-mail, WeCom, DingTalk, Feishu and the callback', async () => {
    const target = createMessagePushTarget();
    const receiver: Receiver = {
      name: 'ops',
      channels: ['email', 'wecom', 'dingtalk', 'feishu', 'webhook'],
      email: { connection: 'smtp', to: ['ops@example.com'], cc: ['lead@example.com'] },
      wecom: { connection: 'ops-wecom' },
      dingtalk: { connection: 'ops-dingtalk' },
      feishu: { connection: 'ops-feishu' },
      webhook: bed.callbackReceiver().webhook!,
    };
    const item = deliveryOf();
    const config = { receivers: [receiver], timeWindow: DAY_WINDOW };
    const receipt = await target.deliver([item], bed.contextFor(config));

    const [mail] = bed.smtp.mails;
    expect(bed.smtp.mails).toHaveLength(1);
    expect(mail!.envelope.to.sort()).toEqual(['lead@example.com', 'ops@example.com']);
    expect(mail!.subject).toBe('cvm Alarm Notification');
    for (const line of STANDARD_ALARM_LINES) {
      expect(mail!.text).toContain(line);
    }
    const markdown = expect.stringContaining('> Alarmed resource: ins-sjksjk');
    expect(bed.wecom.received.map((message) => message.body)).toEqual([
      { msgtype: 'markdown', markdown: { content: markdown } },
    ]);
    expect(bed.dingtalk.received.map((message) => message.body)).toEqual([
      { msgtype: 'markdown', markdown: { title: 'cvm Alarm Notification', text: markdown } },
    ]);
    expect(bed.feishu.received).toHaveLength(1);
    expect(JSON.stringify(bed.feishu.received[0]!.body)).toContain('Alarmed resource: ins-sjksjk');

    expect(bed.callbacks).toHaveLength(1);
    expect(bed.callbacks[0]!.headers.authorization).toBe('Bearer cb-token-1');
    expect(bed.callbacks[0]!.headers['content-type']).toBe('application/json; charset=utf-8');
    const expected = alarmCallbackBody(item, alarmFields(item, 'Asia/Shanghai'));
    expect(JSON.parse(bed.callbacks[0]!.body)).toEqual(expected);
    const channels = ['email via "smtp"', 'wecom via "ops-wecom"', 'dingtalk via', 'feishu via', 'POST'];
    for (const channel of channels) {
      expect(receipt?.detail).toContain(channel);
    }
  });

  it('sends a user template, with an HTML body beside the text', async () => {
    const target = createMessagePushTarget();
    const subject = '[{{ statusText }}] {{ resource }}';
    const template = { subject, text: 'down', html: '<b>{{ resource }}</b>' };
    const config = { receivers: [bed.mailReceiver], template, timeZone: 'UTC' };
    await target.deliver([deliveryOf()], bed.contextFor(config));
    expect(bed.smtp.mails[0]).toMatchObject({ subject: '[error] ins-sjksjk', text: 'down' });
    expect(bed.smtp.mails[0]!.html).toContain('<b>ins-sjksjk</b>');
  });
});

describe('message push failures', () => {
  it('fails with the failed channel error, and the retry sends only that channel', async () => {
    const target = createMessagePushTarget();
    const config = { receivers: [bed.mailReceiver, bed.callbackReceiver()] };
    bed.callbackStatus = 503;
    const first = target.deliver([deliveryOf()], bed.contextFor(config));
    await expect(first).rejects.toMatchObject({
      type: 'HTTP:STATUS',
      message: expect.stringMatching(
        /^receiver "callback" \(webhook\): POST .* answered 503.*\(sent: receiver "ops": email/,
      ),
      details: {
        retryable: true,
        failures: [
          expect.objectContaining({
            receiver: 'receiver "callback"',
            channel: 'webhook',
            details: { status: 503, retryable: true },
          }),
        ],
      },
    });
    expect(bed.smtp.mails).toHaveLength(1);

    bed.callbackStatus = 200;
    const receipt = await target.deliver([deliveryOf()], bed.contextFor(config, { attempt: 2 }));
    expect(bed.smtp.mails).toHaveLength(1);
    expect(bed.callbacks.filter((request) => request.url.pathname === '/alarm')).toHaveLength(2);
    expect(receipt?.detail).toContain('receiver "ops": email (sent by an earlier attempt)');
  });

  it.each([
    ['a webhook key the robot does not know', 'wrong-wecom', 'WECOM:INVALID_WEBHOOK'],
    ['a connection that does not exist', 'nobody', 'CONNECTION:NOT_FOUND'],
  ])('does not retry %s', async (_name, connection, type) => {
    const target = createMessagePushTarget();
    const receiver: Receiver = { channels: ['wecom'], wecom: { connection } };
    const failure = target.deliver([deliveryOf()], bed.contextFor({ receivers: [receiver] }));
    await expect(failure).rejects.toMatchObject({
      type,
      message: expect.stringMatching(/^receiver #1 \(wecom\): /),
      details: { retryable: false },
    });
  });

  it.each([
    [
      'an unknown time zone',
      { receivers: [bed.mailReceiver], timeZone: 'Mars/Olympus' },
      'VALIDATION',
      'timeZone',
    ],
    [
      'a window time that is not HH:mm:ss',
      { receivers: [bed.mailReceiver], timeWindow: { from: '9:30', to: '23:30:00' } },
      'VALIDATION',
      'timeWindow.from',
    ],
    [
      "a receiver's own bad window",
      { receivers: [{ ...bed.mailReceiver, timeWindow: { from: '09:30:00', to: '25:00:00' } }] },
      'VALIDATION',
      'receivers[0].timeWindow.to',
    ],
    ['no receivers', { receivers: [] }, 'VALIDATION', 'receivers'],
    ['a channel without its settings', { receivers: [{ channels: ['dingtalk'] }] }, 'VALIDATION', 'dingtalk'],
    [
      'a bad template',
      { receivers: [bed.mailReceiver], template: { text: '{{ ( }}' } },
      'EXPRESSION:SYNTAX',
      'template.text',
    ],
  ] as const)('fails without retry on %s', async (_name, config, type, field) => {
    const target = createMessagePushTarget();
    const failure = target.deliver([deliveryOf()], bed.contextFor(config as unknown as MessagePushConfig));
    const notRetryable = { type, details: expect.objectContaining({ retryable: false }) };
    await expect(failure).rejects.toMatchObject(notRetryable);
    await expect(failure).rejects.toSatisfy((error: FlowbusError) => {
      const failures = error.details?.failures as Array<{ details?: { field?: string } }> | undefined;
      return (error.details?.field ?? failures?.[0]?.details?.field) === field;
    });
    expect(bed.smtp.mails).toHaveLength(0);
  });

  it('fails without retry when the server lacks the connector of a channel', async () => {
    const target = createMessagePushTarget({ steps: [] });
    const failure = target.deliver([deliveryOf()], bed.contextFor({ receivers: [bed.mailReceiver] }));
    await expect(failure).rejects.toMatchObject({
      type: 'MESSAGE_PUSH:CHANNEL_UNAVAILABLE',
      details: { retryable: false },
    });
  });
});
