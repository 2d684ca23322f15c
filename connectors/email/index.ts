/**
 * @module E-mail: sends one message through an SMTP server with nodemailer.
 */
import nodemailer from 'nodemailer';
import { defineStep, type StepDefinition } from '../../engine/sdk.js';
import { readConnection } from '../shared/config.js';
import { defineConnector } from '../shared/connector.js';
import { EMAIL_TYPE, emailConnection, readSmtpConnection } from './connection.js';
import type { SmtpConnection } from './connection.js';
import { emailFailure, emailLabel } from './failure.js';
import { emailConfigSchema, readEmailMessage } from './message.js';
import type { EmailConfig, EmailMessage } from './message.js';
import type { SendLedger } from '../shared/send-ledger.js';
import { sendOnce } from '../shared/send-once.js';

export { EMAIL_TYPE, emailConnection, readSmtpConnection } from './connection.js';
export type { SmtpConnection } from './connection.js';
export { emailFailure } from './failure.js';
export { emailConfigSchema, readEmailMessage } from './message.js';
export type { EmailConfig, EmailMessage } from './message.js';

/** Bounds on each phase of an SMTP session (nodemailer's own defaults are minutes long). */
export const SMTP_TIMEOUTS = {
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 30_000,
} as const;

const DESCRIPTION = [
  'Sends an e-mail through an SMTP server: a text body, an HTML body, or both (as alternatives).',
  '',
  'The server, account and sender live in an `email` connection config named by `connection`. `to`, `cc`',
  'and `bcc` each take an address, a comma-separated list or a list of addresses; at least one recipient',
  'is needed. bcc recipients get the message without appearing in its headers. The message passes',
  'through unchanged; recipients the server refused while accepting others are logged as a warning.',
  '',
  '```json',
  '{',
  '  "id": "mail-ops",',
  '  "type": "email",',
  '  "config": {',
  '    "connection": "company-smtp",',
  '    "to": ["ops@example.com"],',
  '    "cc": "lead@example.com",',
  '    "subject": { "$template": "Alarm on {vars.body.subject}" },',
  '    "text": { "$expr": "\'Region: \' & vars.body.region" }',
  '  }',
  '}',
  '```',
  '',
  'Errors: `EMAIL:CONNECTIVITY` (server unreachable, connection closed, timed out), `EMAIL:AUTH` (login',
  'refused), `EMAIL:REJECTED` (the server refused the sender, every recipient or the message),',
  '`EMAIL:TLS` (TLS or STARTTLS failed), `EMAIL:ERROR` (anything else), `VALIDATION`. `details.code` holds',
  "nodemailer's code (`EAUTH`, ...) and `details.responseCode` the SMTP reply code. Messages never hold the",
  'password.',
].join('\n');

async function send(smtp: SmtpConnection, message: EmailMessage, signal: AbortSignal) {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: smtp.requireTLS,
    tls: { rejectUnauthorized: smtp.rejectUnauthorized },
    ...(smtp.auth ? { auth: smtp.auth } : {}),
    ...SMTP_TIMEOUTS,
  });
  try {
    return await transport.sendMail({ from: smtp.from, ...message, signal });
  } finally {
    transport.close();
  }
}

/**
 * Builds the `email` step: one SMTP session per send. With a `sentLedger`, a step run again with the
 * idempotency key of a send it recorded does not send again.
 *
 * @example
 * const step = createEmailStep({ sentLedger });
 */
export function createEmailStep(options: { sentLedger?: SendLedger } = {}): StepDefinition<EmailConfig> {
  return defineStep<EmailConfig>({
    type: EMAIL_TYPE,
    title: 'E-mail',
    category: 'connector',
    keywords: ['mail', 'smtp', 'notify', 'message'],
    i18n: {
      'zh-CN': {
        title: '电子邮件',
        description: '通过 SMTP 服务器发送电子邮件：纯文本正文、HTML 正文或两者兼有。',
      },
    },
    kind: 'action',
    sideEffects: true,
    description: DESCRIPTION,
    config: emailConfigSchema,
    errors: [
      { type: 'EMAIL:CONNECTIVITY', description: 'The server could not be reached or the connection broke.' },
      { type: 'EMAIL:AUTH', description: 'The server refused the user and password.' },
      { type: 'EMAIL:REJECTED', description: 'The server refused the sender, all recipients, the message.' },
      { type: 'EMAIL:TLS', description: 'TLS or the required STARTTLS upgrade failed.' },
      { type: 'EMAIL:ERROR', description: 'Any other failure of the send.' },
      { type: 'VALIDATION', description: 'A bad config or connection value.' },
    ],
    async execute(context) {
      const { name, values } = await readConnection(context, EMAIL_TYPE);
      const smtp = readSmtpConnection(values, name);
      const message = readEmailMessage(context.config);
      const secrets = smtp.auth ? [smtp.auth.pass] : [];
      const label = emailLabel(name);
      const info = await sendOnce(context, options.sentLedger, EMAIL_TYPE, label, () =>
        send(smtp, message, context.signal).catch((thrown: unknown) => {
          throw emailFailure(thrown, name, secrets, context.signal);
        }),
      );
      if (!info) return;
      const rejected = (info.rejected ?? []).map(String);
      if (rejected.length > 0) {
        context.logger.log('WARN', EMAIL_TYPE, `${label}: refused ${rejected.join(', ')}`);
      }
      context.logger.log('INFO', EMAIL_TYPE, `${label}: accepted for ${info.accepted.length} recipient(s)`);
    },
  });
}

/** The e-mail connector: the SMTP connection type and the send step. */
export const emailConnector = defineConnector({
  id: EMAIL_TYPE,
  title: 'E-mail',
  docs: 'Sends e-mail through an SMTP server.',
  connectionTypes: [emailConnection],
  create: ({ sentLedger }) => ({ steps: [createEmailStep(sentLedger ? { sentLedger } : {})] }),
});
