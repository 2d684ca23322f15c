import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSmtp } from '../../test/fakes/index.js';
import type { FakeSmtp } from '../../test/fakes/index.js';
import { closedPort, expectNoSecretsIn, runConnector, STORY_ONE_EVENT } from '../shared/test-support.js';
import { createStepContext } from '../../engine/sdk.js';
import { SendLedger } from '../shared/send-ledger.js';
import { createEmailStep } from './index.js';

const PASSWORD = 'smtp-pass-0123456789';
const step = createEmailStep();
let smtp: FakeSmtp;
let open: FakeSmtp;

const account = () => ({
  host: '127.0.0.1',
  port: smtp.port,
  secure: false,
  user: 'alarms',
  password: PASSWORD,
  from: 'Alarms <alarms@example.com>',
});

const simple = { connection: 'mail', to: 'ops@example.com', subject: 's', text: 't' };
const send = (config: Record<string, unknown>, values: Record<string, unknown> = {}) =>
  runConnector(step, config, { mail: { ...account(), ...values } });

beforeAll(async () => {
  smtp = await startFakeSmtp({
    user: 'alarms',
    password: PASSWORD,
    rejectRecipients: ['nobody@example.com'],
  });
  open = await startFakeSmtp();
});

afterAll(async () => {
  await smtp.close();
  await open.close();
});

describe('email against the fake SMTP server', () => {
  it('delivers to, cc and bcc with subject, text and html, after logging in', async () => {
    const before = smtp.mails.length;
    const run = await send({
      connection: 'mail',
      to: ['ops@example.com', 'lead@example.com'],
      cc: 'audit@example.com',
      bcc: 'archive@example.com',
      subject: `告警: ${STORY_ONE_EVENT.subject} in ${STORY_ONE_EVENT.region}`,
      text: `Instance ${STORY_ONE_EVENT.subject}\nType ${STORY_ONE_EVENT.type}`,
      html: `<p>Instance <b>${STORY_ONE_EVENT.subject}</b></p>`,
    });
    expect(run.error).toBeUndefined();
    expect(smtp.mails).toHaveLength(before + 1);
    const mail = smtp.mails.at(-1)!;
    expect(mail.user).toBe('alarms');
    expect(mail.envelope).toEqual({
      from: 'alarms@example.com',
      to: ['ops@example.com', 'lead@example.com', 'audit@example.com', 'archive@example.com'],
    });
    expect(mail.subject).toBe('告警: ins-sjksjk in ap-guangzhou');
    expect(mail.headers.to).toBe('ops@example.com, lead@example.com');
    expect(mail.headers.cc).toBe('audit@example.com');
    expect(mail.headers.bcc).toBeUndefined();
    expect(mail.headers.from).toBe('Alarms <alarms@example.com>');
    expect(mail.text).toBe('Instance ins-sjksjk\nType cvm:ErrorEvent:ping_unreachable');
    expect(mail.html).toBe('<p>Instance <b>ins-sjksjk</b></p>');
    expect(run.logs).toContainEqual({
      level: 'INFO',
      category: 'email',
      content: 'sending e-mail through "mail": accepted for 4 recipient(s)',
    });
  });

  it('sends without logging in to a server that needs none', async () => {
    const run = await runConnector(
      step,
      { connection: 'relay', to: 'ops@example.com', subject: 'plain', text: 'hi' },
      { relay: { host: '127.0.0.1', port: open.port, from: 'bot@example.com' } },
    );
    expect(run.error).toBeUndefined();
    expect(open.mails.at(-1)).toMatchObject({
      subject: 'plain',
      text: 'hi',
      envelope: { from: 'bot@example.com', to: ['ops@example.com'] },
    });
  });

  it('raises EMAIL:AUTH for a wrong password, without the password', async () => {
    const failed = smtp.failedLogins;
    const wrong = 'wrong-pass-9876543210';
    const run = await send(simple, { password: wrong });
    expect(run.error).toMatchObject({
      type: 'EMAIL:AUTH',
      details: { connection: 'mail', code: 'EAUTH', responseCode: 535 },
    });
    expect(run.error?.message).toMatch(/^sending e-mail through "mail": .*\(EAUTH\)$/);
    expect(smtp.failedLogins).toBe(failed + 1);
    expectNoSecretsIn(run, [wrong, PASSWORD]);
  });

  it('raises EMAIL:CONNECTIVITY when nothing listens on the port', async () => {
    const run = await send(simple, { port: await closedPort() });
    expect(run.error?.type).toBe('EMAIL:CONNECTIVITY');
    expect(run.error?.message).toMatch(/^sending e-mail through "mail": /);
    expectNoSecretsIn(run, [PASSWORD]);
  });

  it('raises EMAIL:TLS when STARTTLS is required and the server does not offer it', async () => {
    const run = await send(simple, { requireTLS: true });
    expect(run.error?.type).toBe('EMAIL:TLS');
  });

  it('raises EMAIL:REJECTED when every recipient is refused, and warns when some are', async () => {
    const refused = await send({ ...simple, to: 'nobody@example.com' });
    expect(refused.error).toMatchObject({ type: 'EMAIL:REJECTED', details: { code: 'EENVELOPE' } });

    const partly = await send({ ...simple, to: ['nobody@example.com', 'ops@example.com'] });
    expect(partly.error).toBeUndefined();
    expect(smtp.mails.at(-1)?.envelope.to).toEqual(['ops@example.com']);
    expect(partly.logs).toContainEqual({
      level: 'WARN',
      category: 'email',
      content: 'sending e-mail through "mail": refused nobody@example.com',
    });
  });

  it.each([
    { name: 'no recipient', config: { to: undefined }, field: 'to' },
    { name: 'an address without @', config: { to: 'ops' }, field: 'to' },
    { name: 'a header injection in cc', config: { cc: 'b@example.com\nBcc: x@evil.test' }, field: 'cc' },
    { name: 'bcc not strings', config: { bcc: [1] }, field: 'bcc' },
    { name: 'no subject', config: { subject: undefined }, field: 'subject' },
    { name: 'a two-line subject', config: { subject: 'a\r\nb' }, field: 'subject' },
    { name: 'no body', config: { text: undefined }, field: 'text' },
    { name: 'html not a string', config: { html: 5 }, field: 'html' },
  ])('refuses $name with VALIDATION before connecting', async ({ config, field }) => {
    const before = smtp.mails.length;
    const run = await send({ ...simple, ...config });
    expect(run.error).toMatchObject({ type: 'VALIDATION', details: { field } });
    expect(smtp.mails).toHaveLength(before);
  });

  it.each([
    { name: 'no host', values: { host: '' }, field: 'host' },
    { name: 'no sender', values: { from: undefined }, field: 'from' },
    { name: 'a port out of range', values: { port: 70000 }, field: 'port' },
    { name: 'secure not boolean', values: { secure: 'yes' }, field: 'secure' },
    { name: 'a user without password', values: { password: undefined }, field: 'password' },
  ])('refuses a connection with $name', async ({ values, field }) => {
    const run = await send(simple, values);
    expect(run.error).toMatchObject({ type: 'VALIDATION', details: { connection: 'mail', field } });
    expectNoSecretsIn(run, [PASSWORD]);
  });

  it('sends once per idempotency key with a send ledger; a key that failed is sent when run again', async () => {
    const once = createEmailStep({ sentLedger: new SendLedger() });
    const before = smtp.mails.length;
    const runWithKey = async (idempotencyKey: string, values: Record<string, unknown> = {}) => {
      const context = createStepContext({
        config: simple,
        connections: { mail: { ...account(), ...values } },
        step: { id: 'mail', type: 'email' },
      });
      context.idempotencyKey = idempotencyKey;
      return once.execute!(context).then(
        () => undefined,
        (thrown: { type?: string }) => thrown.type,
      );
    };
    expect(await runWithKey('exec-1:mail:1')).toBeUndefined();
    expect(await runWithKey('exec-1:mail:1')).toBeUndefined();
    expect(smtp.mails.length - before).toBe(1);
    expect(await runWithKey('exec-2:mail:1', { password: 'wrong-password-000' })).toBe('EMAIL:AUTH');
    expect(await runWithKey('exec-2:mail:1')).toBeUndefined();
    expect(smtp.mails.length - before).toBe(2);
  });
});
