/**
 * @module E-mail: sends one message through an SMTP server with nodemailer.
 */
import nodemailer from 'nodemailer';
import { defineStep, type StepDefinition } from '../../engine/sdk.js';
import { readConnection, VALIDATION_ERROR } from '../shared/config.js';
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

/** The example in every language of the description. */
const EXAMPLE = [
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
];

const DESCRIPTION = [
  'Sends an e-mail through an SMTP server: a text body, an HTML body, or both (as alternatives).',
  '',
  'The server, account and sender live in an `email` connection config named by `connection`. `to`, `cc`',
  'and `bcc` each take an address, a comma-separated list or a list of addresses; at least one recipient',
  'is needed. bcc recipients get the message without appearing in its headers. The message passes',
  'through unchanged; recipients the server refused while accepting others are logged as a warning.',
  '',
  ...EXAMPLE,
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
        description: [
          '通过 SMTP 服务器发送电子邮件：纯文本正文、HTML 正文或两者兼有。',
          '',
          '服务器、账号和发件人保存在 `email` 连接配置中，由 `connection` 指定。`to`、`cc` 和 `bcc` 各自可以是一个',
          '地址、逗号分隔的地址或地址列表；至少需要一个收件人。密送收件人收到邮件，但不出现在邮件头中。两种正文都给出',
          '时作为可互相替代的版本发送。消息原样通过；服务器在接收其他收件人的同时拒绝的收件人会记录为警告。',
          '',
          ...EXAMPLE,
          '',
          '错误：`EMAIL:CONNECTIVITY`（无法连接服务器、连接被关闭或超时）、`EMAIL:AUTH`（登录被拒绝）、',
          '`EMAIL:REJECTED`（服务器拒绝了发件人、所有收件人或邮件本身）、`EMAIL:TLS`（TLS 或 STARTTLS 失败）、',
          '`EMAIL:ERROR`（其他错误）、`VALIDATION`。`details.code` 为 nodemailer 的错误码（`EAUTH` 等），',
          '`details.responseCode` 为 SMTP 应答码。错误信息中不会出现密码。',
        ].join('\n'),
        fields: {
          connection: { title: '连接', description: 'SMTP 服务器连接配置的名称（其中保存服务器地址和密钥）。' },
          to: { title: '收件人', description: '收件人。' },
          cc: { title: '抄送', description: '抄送的收件人。' },
          bcc: { title: '密送', description: '密送的收件人。' },
          subject: { title: '主题' },
          text: { title: '纯文本正文' },
          html: { title: 'HTML 正文' },
        },
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
      VALIDATION_ERROR,
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
