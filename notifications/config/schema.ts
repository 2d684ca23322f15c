/**
 * @module The message-push target's config: its defaults, its JSON Schema and the types derived from it.
 */
import type { ConfigOf, JsonSchema } from '../../engine/sdk.js';

/** The target type id used in rule files. */
export const MESSAGE_PUSH_TYPE = 'message-push';

/** Where a receiver is notified. */
export const CHANNELS = ['email', 'wecom', 'dingtalk', 'feishu', 'webhook'] as const;

export type Channel = (typeof CHANNELS)[number];

/** The time zone of the window and of the times in messages when the config names none. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const TIME_OF_DAY = '^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$';

const connection = (kind: string, type: string) =>
  ({
    type: 'string',
    minLength: 1,
    title: 'Connection',
    description: `The name of a ${kind} connection config.`,
    'x-connection': type,
  }) as const satisfies JsonSchema;

const addresses = (title: string) =>
  ({ type: 'array', title, items: { type: 'string', minLength: 3 } }) as const satisfies JsonSchema;

const robot = (title: string, type: string) =>
  ({
    type: 'object',
    title,
    properties: { connection: connection(title, type) },
    required: ['connection'],
    additionalProperties: false,
  }) as const satisfies JsonSchema;

const windowSchema = {
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
} as const satisfies JsonSchema;

/**
 * A daily notification window, `from` to `to` inclusive (`HH:mm:ss`), in the config's time zone: `to` before
 * `from` crosses midnight, equal to `from` means all day. Outside it a notification waits for it to open
 * (`hold`, the default) or is not sent (`drop`).
 */
export type TimeWindowConfig = ConfigOf<typeof windowSchema>;

/** A receiver's fields; the schema adds that a channel listed in `channels` needs its settings. */
const receiverFields = {
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
} as const satisfies JsonSchema;

/**
 * One receiver (the vendor's `NoticeReceivers` entry): its channels, their settings, and its own window, which
 * replaces the target's. `name` names it in traces and errors.
 */
export type Receiver = ConfigOf<typeof receiverFields>;

/** An IM robot channel: the name of its connection config (webhook and secret). */
export type RobotChannelConfig = ConfigOf<ReturnType<typeof robot>>;

/** The e-mail channel: an `email` (SMTP) connection and the addresses. */
export type EmailChannelConfig = NonNullable<Receiver['email']>;

/**
 * The webhook channel; its `http-auth` connection gives a token as Bearer, username and password as Basic,
 * a secret as a signature.
 */
export type WebhookChannelConfig = NonNullable<Receiver['webhook']>;

const receiverSchema = {
  ...receiverFields,
  // A channel listed in `channels` needs its settings.
  allOf: CHANNELS.map((channel) => ({
    if: { properties: { channels: { contains: { const: channel } } }, required: ['channels'] },
    then: {
      required: [channel],
      properties: { [channel]: { type: 'object', title: `settings of channel "${channel}"` } },
    },
  })),
} satisfies JsonSchema;

/** The schema of the target's `config` in a rule file. */
export const messagePushConfigSchema = {
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
} as const satisfies JsonSchema;

/** The target's config: receivers, the window of every receiver without its own, the IANA time zone. */
export type MessagePushConfig = ConfigOf<typeof messagePushConfigSchema>;

/**
 * String templates with `{{ field }}` holes (see `AlarmFields`): the e-mail subject (also the title of
 * DingTalk and Feishu messages), text and HTML bodies (values HTML-escaped), and the IM robots' markdown.
 */
export type MessageTemplate = NonNullable<MessagePushConfig['template']>;
