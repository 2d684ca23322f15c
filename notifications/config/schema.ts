/**
 * @module The message-push target's config: its types, defaults and JSON Schema.
 */
import type { JsonSchema } from '../../engine/sdk.js';

/** The target type id used in rule files. */
export const MESSAGE_PUSH_TYPE = 'message-push';

/** Where a receiver is notified. */
export const CHANNELS = ['email', 'wecom', 'dingtalk', 'feishu', 'webhook'] as const;

export type Channel = (typeof CHANNELS)[number];

/** The time zone of the window and of the times in messages when the config names none. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** A daily notification window, `from` to `to` inclusive, in the config's time zone. */
export interface TimeWindowConfig {
  /** `HH:mm:ss` */
  from: string;
  /** `HH:mm:ss`; before `from` means the window crosses midnight; equal to `from` means all day. */
  to: string;
  /** Outside the window a notification waits for it to open (`hold`, default) or is not sent (`drop`). */
  outside?: 'hold' | 'drop';
}

/** An IM robot channel: the name of its connection config (webhook and secret). */
export interface RobotChannelConfig {
  connection: string;
}

export interface EmailChannelConfig {
  /** An `email` (SMTP) connection. */
  connection: string;
  to: string[];
  cc?: string[];
}

export interface WebhookChannelConfig {
  url: string;
  /** An `http-auth` connection: token as Bearer, username and password as Basic, secret as a signature. */
  connection?: string;
  timeoutMs?: number;
}

/** One receiver (the vendor's `NoticeReceivers` entry): its channels, their settings, its own window. */
export interface Receiver {
  name?: string;
  channels: Channel[];
  email?: EmailChannelConfig;
  wecom?: RobotChannelConfig;
  dingtalk?: RobotChannelConfig;
  feishu?: RobotChannelConfig;
  webhook?: WebhookChannelConfig;
  /** Replaces the target's window for this receiver. */
  timeWindow?: TimeWindowConfig;
}

/** String templates with `{{ field }}` holes; see `AlarmFields` for the fields. */
export interface MessageTemplate {
  /** E-mail subject, and the title of DingTalk and Feishu messages. */
  subject?: string;
  /** E-mail text body. */
  text?: string;
  /** E-mail HTML body; values are HTML-escaped. */
  html?: string;
  /** The markdown of IM robot messages. */
  markdown?: string;
}

export interface MessagePushConfig {
  receivers: Receiver[];
  /** The window of every receiver that has none of its own. */
  timeWindow?: TimeWindowConfig;
  /** IANA time zone of the windows and of the times in messages. */
  timeZone?: string;
  template?: MessageTemplate;
}

/** JSON Schema with the keywords this config needs beyond the core subset (ajv reads them all). */
type Schema = JsonSchema & {
  allOf?: Schema[];
  if?: Schema;
  then?: Schema;
  contains?: Schema;
  uniqueItems?: boolean;
  properties?: Record<string, Schema>;
  items?: Schema;
};

const TIME_OF_DAY = '^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$';

const connection = (kind: string, type: string): Schema => ({
  type: 'string',
  minLength: 1,
  title: 'Connection',
  description: `The name of a ${kind} connection config.`,
  'x-connection': type,
});

const addresses = (title: string): Schema => ({
  type: 'array',
  title,
  items: { type: 'string', minLength: 3 },
});

const robot = (title: string, type: string): Schema => ({
  type: 'object',
  title,
  properties: { connection: connection(title, type) },
  required: ['connection'],
  additionalProperties: false,
});

const windowSchema: Schema = {
  type: 'object',
  title: 'Notification window',
  description: 'Daily, `from` to `to` inclusive; `to` before `from` crosses midnight; equal means all day.',
  properties: {
    from: { type: 'string', pattern: TIME_OF_DAY, title: 'From', examples: ['09:30:00'] },
    to: { type: 'string', pattern: TIME_OF_DAY, title: 'To', examples: ['23:30:00'] },
    outside: {
      enum: ['hold', 'drop'],
      default: 'hold',
      title: 'Outside the window',
      description: '`hold`: send when the window opens; `drop`: do not send.',
    },
  },
  required: ['from', 'to'],
  additionalProperties: false,
};

const receiverSchema: Schema = {
  type: 'object',
  title: 'Receiver',
  properties: {
    name: { type: 'string', title: 'Name', description: 'Names the receiver in traces and errors.' },
    channels: {
      type: 'array',
      title: 'Channels',
      minItems: 1,
      uniqueItems: true,
      items: { enum: CHANNELS },
    },
    email: {
      type: 'object',
      title: 'E-mail',
      properties: { connection: connection('email (SMTP)', 'email'), to: addresses('To'), cc: addresses('Cc') },
      required: ['connection', 'to'],
      additionalProperties: false,
    },
    wecom: robot('WeCom robot', 'wecom-robot'),
    dingtalk: robot('DingTalk robot', 'dingtalk-robot'),
    feishu: robot('Feishu robot', 'feishu-robot'),
    webhook: {
      type: 'object',
      title: 'Webhook callback',
      properties: {
        url: { type: 'string', pattern: '^https?://', title: 'URL' },
        connection: connection('http-auth', 'http-auth'),
        timeoutMs: { type: 'integer', minimum: 1, maximum: 120_000, default: 5000, title: 'Timeout' },
      },
      required: ['url'],
      additionalProperties: false,
    },
    timeWindow: windowSchema,
  },
  required: ['channels'],
  additionalProperties: false,
  // A channel listed in `channels` needs its settings.
  allOf: CHANNELS.map((channel) => ({
    if: { properties: { channels: { contains: { const: channel } } }, required: ['channels'] },
    then: {
      required: [channel],
      properties: { [channel]: { type: 'object', title: `settings of channel "${channel}"` } },
    },
  })),
};

/** The schema of the target's `config` in a rule file. */
export const messagePushConfigSchema: Schema = {
  type: 'object',
  properties: {
    receivers: { type: 'array', title: 'Receivers', minItems: 1, maxItems: 20, items: receiverSchema },
    timeWindow: windowSchema,
    timeZone: {
      type: 'string',
      title: 'Time zone',
      description: 'IANA name, e.g. `Asia/Shanghai` or `Europe/Berlin`.',
      default: DEFAULT_TIME_ZONE,
      pattern: '^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$',
    },
    template: {
      type: 'object',
      title: 'Template',
      description:
        'Replaces the default alarm message; `{{ field }}` holes take JSONata over the alarm fields.',
      properties: {
        subject: { type: 'string', title: 'Subject', 'x-template': 'jsonata' },
        text: { type: 'string', title: 'Text body', 'x-template': 'jsonata', 'x-widget': 'textarea' },
        html: { type: 'string', title: 'HTML body', 'x-template': 'jsonata', 'x-widget': 'textarea' },
        markdown: { type: 'string', title: 'Robot markdown', 'x-template': 'jsonata', 'x-widget': 'textarea' },
      },
      additionalProperties: false,
    },
  },
  required: ['receivers'],
  additionalProperties: false,
};
