/**
 * @module The e-mail step's config schema, and reading its recipients, subject and bodies once evaluated.
 */
import {
  FlowbusError,
  invalidConfig,
  readOptionalString,
  readString,
  type ConfigOf,
  type JsonSchema,
} from '../../engine/sdk.js';
import { connectionFieldSchema, readStringList } from '../shared/config.js';
import { EMAIL_TYPE } from './connection.js';

/** The schema of a recipients field: an address, a comma-separated list, or a list of addresses. */
function addressSchema(title: string, description: string) {
  return {
    title,
    description,
    anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
  } as const satisfies JsonSchema;
}

/** The schema of an e-mail step's config. */
export const emailConfigSchema = {
  type: 'object',
  properties: {
    connection: connectionFieldSchema(EMAIL_TYPE, 'SMTP server'),
    to: addressSchema('To', 'Recipients.'),
    cc: addressSchema('Cc', 'Copy recipients.'),
    bcc: addressSchema('Bcc', 'Hidden recipients.'),
    subject: { type: 'string', title: 'Subject' },
    text: { type: 'string', title: 'Text body', 'x-widget': 'textarea' },
    html: { type: 'string', title: 'HTML body', 'x-widget': 'code' },
  },
  required: ['connection', 'subject'],
  additionalProperties: false,
} as const satisfies JsonSchema;

/** Config of an e-mail step, after expressions are evaluated. */
export type EmailConfig = ConfigOf<typeof emailConfigSchema>;

/** What nodemailer is given, apart from the sender. */
export interface EmailMessage {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  text?: string;
  html?: string;
}

// Header injection guard: an address or subject with a line break could add headers.
const LINE_BREAK = /[\r\n]/;

function readAddresses(value: unknown, field: string): string[] {
  const addresses = readStringList(value, field)
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
  for (const address of addresses) {
    if (LINE_BREAK.test(address) || !address.includes('@')) {
      throw invalidConfig(field, 'e-mail addresses', value);
    }
  }
  return addresses;
}

/**
 * The message; VALIDATION when there is no recipient, no body, or a field has the wrong type.
 *
 * @example
 * readEmailMessage({ connection: 'mail', to: 'ops@example.com', subject: 'Alarm', text: 'ins-1 is down' });
 */
export function readEmailMessage(config: EmailConfig): EmailMessage {
  const to = readAddresses(config.to, 'to');
  const cc = readAddresses(config.cc, 'cc');
  const bcc = readAddresses(config.bcc, 'bcc');
  if (to.length + cc.length + bcc.length === 0) {
    throw new FlowbusError('VALIDATION', 'to, cc or bcc must name at least one recipient', {
      field: 'to',
      expected: 'at least one e-mail address',
    });
  }
  const subject = readString(config.subject, 'subject');
  if (LINE_BREAK.test(subject)) throw invalidConfig('subject', 'one line of text', subject);
  const text = readOptionalString(config.text, 'text');
  const html = readOptionalString(config.html, 'html');
  if (text === undefined && html === undefined) {
    throw new FlowbusError('VALIDATION', 'text or html must be set', {
      field: 'text',
      expected: 'a text or html body',
    });
  }
  return {
    to,
    cc,
    bcc,
    subject,
    ...(text !== undefined ? { text } : {}),
    ...(html !== undefined ? { html } : {}),
  };
}
