/**
 * @module A fake SMTP server (smtp-server on 127.0.0.1:0) that checks a configured login and records each
 * mail: its envelope, headers and decoded bodies.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { decodeWords, parseMail } from './mime.js';

export interface FakeSmtpOptions {
  /** When set with `password`, clients must log in with them; otherwise AUTH is not offered. */
  user?: string;
  password?: string;
  /** Recipients the server refuses with 550 at RCPT TO. */
  rejectRecipients?: string[];
}

/** One mail the server accepted. */
export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  /** Header names in lower case, values as sent (encoded words not decoded). */
  headers: Record<string, string>;
  /** The decoded Subject header. */
  subject: string;
  text?: string;
  html?: string;
  /** The user that logged in, when one did. */
  user?: string;
  raw: string;
}

export interface FakeSmtp {
  host: '127.0.0.1';
  port: number;
  mails: ReceivedMail[];
  /** How many logins were refused. */
  failedLogins: number;
  close(): Promise<void>;
}

/**
 * Starts the fake; no TLS (STARTTLS is not offered), so connectors use `secure: false`.
 *
 * @example
 * const smtp = await startFakeSmtp({ user: 'bot', password: 'pw' });
 */
export async function startFakeSmtp(options: FakeSmtpOptions = {}): Promise<FakeSmtp> {
  const mails: ReceivedMail[] = [];
  const requireAuth = options.user !== undefined && options.password !== undefined;
  const fake: FakeSmtp = { host: '127.0.0.1', port: 0, mails, failedLogins: 0, close: async () => undefined };
  const server = new SMTPServer({
    logger: false,
    disabledCommands: requireAuth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !requireAuth,
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.password) {
        return callback(null, { user: auth.username });
      }
      fake.failedLogins += 1;
      return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (options.rejectRecipients?.includes(address.address)) {
        const refusal = new Error(`Mailbox ${address.address} unavailable`);
        return callback(Object.assign(refusal, { responseCode: 550 }));
      }
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const parsed = parseMail(raw);
        mails.push({
          envelope: {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
          },
          headers: parsed.headers,
          subject: decodeWords(parsed.headers.subject ?? ''),
          ...(parsed.text !== undefined ? { text: parsed.text } : {}),
          ...(parsed.html !== undefined ? { html: parsed.html } : {}),
          ...(typeof session.user === 'string' ? { user: session.user } : {}),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  fake.port = (server.server.address() as AddressInfo).port;
  fake.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return fake;
}
