/**
 * @module Tests of the notification text: the default alarm e-mail, user templates, HTML escaping and bad
 * templates.
 */
import { describe, expect, it } from 'vitest';
import { deliveryOf, STANDARD_ALARM_LINES, STANDARD_EVENT } from '../testing/fixtures.js';
import { alarmFields } from './alarm-fields.js';
import { createTemplateRenderer, escapeHtmlDeep } from './templates.js';

const fields = alarmFields(deliveryOf(), 'Asia/Shanghai');

describe('the default message', () => {
  it('is the vendor alarm e-mail: product, event type, resource, region, time and status', async () => {
    const message = await createTemplateRenderer().render(undefined, fields);
    expect(message.subject).toBe('cvm Alarm Notification');
    expect(message.text).toBe(
      [
        'Dear user,',
        '',
        'An alarm event occurred for cvm (rule cvm-alarms, event 13a3f42d-7258-4ada-da6d-023a333b4662).',
        '',
        ...STANDARD_ALARM_LINES,
        '',
      ].join('\n'),
    );
    expect(message.html).toBeUndefined();
    expect(message.markdown.split('\n')).toEqual([
      '**cvm Alarm Notification**',
      '> Alarm event: GuestReboot',
      '> Alarmed service: cvm',
      '> Alarmed resource: ins-sjksjk',
      '> Alarm region: ap-shanghai',
      '> Event occurrence time: 2021-03-11 10:42:39 (Asia/Shanghai)',
      '> Event status: error',
    ]);
  });

  it.each([
    ['0', 'Event status: recovered'],
    ['-', 'Event status: stateless'],
  ])('says status %s as %s', async (status, line) => {
    const recovered = alarmFields(deliveryOf({ ...STANDARD_EVENT, status }), 'Asia/Shanghai');
    expect((await createTemplateRenderer().render(undefined, recovered)).text).toContain(line);
  });
});

describe('user templates', () => {
  it('replace the body and keep the default subject and markdown where they give none', async () => {
    const text = '{{ resource }} in {{ regionShort }}: {{ $uppercase(statusText) }} ({{ data.appId }})';
    const template = { text };
    const message = await createTemplateRenderer().render(template, fields);
    expect(message).toEqual({
      subject: 'cvm Alarm Notification',
      text: 'ins-sjksjk in sh: ERROR (1250000011)',
      markdown: expect.stringContaining('**cvm Alarm Notification**'),
    });
  });

  it('HTML-escape every value in the html body, and only there', async () => {
    const hostile = alarmFields(deliveryOf({ ...STANDARD_EVENT, subject: '<b>"x"&y</b>' }), 'UTC');
    const template = { subject: 'Alarm on {{ resource }}', html: '<p>{{ resource }}</p>' };
    const message = await createTemplateRenderer().render(template, hostile);
    expect(message.html).toBe('<p>&lt;b&gt;&quot;x&quot;&amp;y&lt;/b&gt;</p>');
    expect(message.subject).toBe('Alarm on <b>"x"&y</b>');
    expect(message.text).toBeUndefined();
  });

  it('keep a subject on one line', async () => {
    const injected = { ...STANDARD_EVENT, subject: 'ins-1\r\nBcc: x@example.com' };
    const broken = alarmFields(deliveryOf(injected), 'UTC');
    const message = await createTemplateRenderer().render({ subject: 'Alarm on {{ resource }}' }, broken);
    expect(message.subject).toBe('Alarm on ins-1 Bcc: x@example.com');
  });

  it.each([
    [{ subject: 'Alarm {{ product ' }, 'template.subject', 'EXPRESSION:SYNTAX'],
    [{ text: '{{ $count( }}' }, 'template.text', 'EXPRESSION:SYNTAX'],
    [{ markdown: '{{ $error("boom") }}' }, 'template.markdown', 'EXPRESSION:EVALUATION'],
  ])('fail without retry on a bad template %j', async (template, field, type) => {
    const rendering = createTemplateRenderer().render(template, fields);
    await expect(rendering).rejects.toMatchObject({
      type,
      message: expect.stringContaining(`${field}: `),
      details: expect.objectContaining({ field, retryable: false }),
    });
  });
});

describe('escapeHtmlDeep', () => {
  it('escapes strings at any depth and leaves other values', () => {
    expect(escapeHtmlDeep({ a: ['<x>'], b: { c: "'&'" }, n: 1, z: null })).toEqual({
      a: ['&lt;x&gt;'],
      b: { c: '&#39;&amp;&#39;' },
      n: 1,
      z: null,
    });
  });
});
