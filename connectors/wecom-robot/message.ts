/**
 * @module The WeCom robot step's config schema, and the JSON body of a message built from that config,
 * within the vendor's byte limits before anything is sent.
 */
import { createHash } from 'node:crypto';
import {
  FlowbusError,
  invalidConfig,
  isPlainObject,
  readEnum,
  readOptionalString,
  readString,
  type ConfigOf,
  type JsonSchema,
} from '../../engine/sdk.js';
import { connectionFieldSchema, readStringList, stringListSchema } from '../shared/config.js';
import { sendLabel } from '../shared/robot-send.js';
import { truncateUtf8, utf8Length } from '../shared/utf8.js';
import { WECOM_ROBOT_TYPE, wecomVendor } from './vendor.js';

export const WECOM_MSG_TYPES = ['text', 'markdown', 'image', 'news'] as const;

export type WecomMsgType = (typeof WECOM_MSG_TYPES)[number];

/** Vendor limits: content bytes per type, raw image bytes, articles per news message. */
export const WECOM_LIMITS = { text: 2048, markdown: 4096, imageBytes: 2 * 1024 * 1024, articles: 8 } as const;

/** The schema of a WeCom robot step's config. */
export const wecomRobotConfigSchema = {
  type: 'object',
  properties: {
    connection: connectionFieldSchema(WECOM_ROBOT_TYPE, 'WeCom robot'),
    msgType: {
      type: 'string',
      title: 'Message type',
      enum: WECOM_MSG_TYPES,
      default: 'markdown',
      'x-expression': false,
    },
    content: {
      type: 'string',
      title: 'Content',
      description: 'The text or markdown to send (text and markdown messages).',
      'x-widget': 'markdown',
    },
    mentionedList: stringListSchema(
      'Mention user ids',
      'User ids to mention (text only); `@all` for everyone.',
    ),
    mentionedMobileList: stringListSchema('Mention mobiles', 'Mobile numbers to mention (text only).'),
    image: {
      type: 'object',
      title: 'Image',
      description: 'For image messages: `base64` of a PNG or JPEG (at most 2 MB), optional `md5`.',
      properties: { base64: { type: 'string' }, md5: { type: 'string' } },
      required: ['base64'],
    },
    articles: {
      type: 'array',
      title: 'Articles',
      description: 'For news messages: 1 to 8 of `{ title, url, description?, picurl? }`.',
      minItems: 1,
      maxItems: WECOM_LIMITS.articles,
      items: {
        type: 'object',
        properties: {
          title: { type: 'string' },
          description: { type: 'string' },
          url: { type: 'string' },
          picurl: { type: 'string' },
        },
        required: ['title', 'url'],
      },
    },
    truncate: {
      type: 'boolean',
      title: 'Truncate',
      description: 'Cut content longer than the limit (at a character boundary) instead of failing.',
      default: false,
    },
  },
  required: ['connection'],
  additionalProperties: false,
} as const satisfies JsonSchema;

/** Config of a WeCom robot step, after expressions are evaluated. */
export type WecomRobotConfig = ConfigOf<typeof wecomRobotConfigSchema>;

/** One news article. */
export type WecomArticle = NonNullable<WecomRobotConfig['articles']>[number];

/** The body to POST, and the content's original size when it was truncated. */
export interface WecomMessage {
  body: Record<string, unknown>;
  truncatedFrom?: number;
}

function tooLarge(connection: string, what: string, bytes: number, limit: number, hint = ''): FlowbusError {
  return new FlowbusError(
    'WECOM:TOO_LARGE',
    `${sendLabel(wecomVendor, connection)}: ${what} is ${bytes} bytes, ` +
      `over the robot's limit of ${limit}${hint}`,
    { connection, bytes, limit },
  );
}

function readContent(config: WecomRobotConfig, type: 'text' | 'markdown', connection: string) {
  const content = readString(config.content, 'content');
  if (content.trim() === '') throw invalidConfig('content', 'a non-empty string', content);
  const bytes = utf8Length(content);
  const limit = WECOM_LIMITS[type];
  if (bytes <= limit) return { content };
  if (config.truncate === true) return { content: truncateUtf8(content, limit), truncatedFrom: bytes };
  throw tooLarge(connection, `${type} content`, bytes, limit, ' (set truncate to cut it instead)');
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function isPngOrJpeg(bytes: Buffer): boolean {
  const png = bytes.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  const jpeg = bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]));
  return png || jpeg;
}

function readImage(value: unknown, connection: string): { base64: string; md5: string } {
  if (!isPlainObject(value)) throw invalidConfig('image', 'an object with base64 (and md5)', value);
  const base64 = readString(value.base64, 'image.base64').replace(/\s+/g, '');
  if (base64 === '' || base64.length % 4 !== 0 || !BASE64.test(base64)) {
    throw invalidConfig('image.base64', 'the image bytes in base64', value.base64);
  }
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > WECOM_LIMITS.imageBytes) {
    throw tooLarge(connection, 'the image', bytes.length, WECOM_LIMITS.imageBytes);
  }
  if (!isPngOrJpeg(bytes)) throw invalidConfig('image.base64', 'a PNG or JPEG image in base64', value.base64);
  const md5 = readOptionalString(value.md5, 'image.md5') ?? createHash('md5').update(bytes).digest('hex');
  return { base64, md5 };
}

function readArticles(value: unknown): WecomArticle[] {
  const expected = `a list of 1 to ${WECOM_LIMITS.articles} articles`;
  if (!Array.isArray(value) || value.length < 1 || value.length > WECOM_LIMITS.articles) {
    throw invalidConfig('articles', expected, value);
  }
  return value.map((item, index) => {
    const field = `articles[${index}]`;
    if (!isPlainObject(item)) throw invalidConfig(field, 'an object with title and url', item);
    const article: WecomArticle = {
      title: readString(item.title, `${field}.title`),
      url: readString(item.url, `${field}.url`),
    };
    const description = readOptionalString(item.description, `${field}.description`);
    const picurl = readOptionalString(item.picurl, `${field}.picurl`);
    if (description !== undefined) article.description = description;
    if (picurl !== undefined) article.picurl = picurl;
    return article;
  });
}

/**
 * The message body for `config`; VALIDATION for a bad field, WECOM:TOO_LARGE for oversize content or image.
 *
 * @example
 * buildWecomMessage({ connection: 'ops', msgType: 'markdown', content: '**hi**' }, 'ops').body;
 * // { msgtype: 'markdown', markdown: { content: '**hi**' } }
 */
export function buildWecomMessage(config: WecomRobotConfig, connection: string): WecomMessage {
  const msgType = readEnum(config.msgType ?? 'markdown', 'msgType', WECOM_MSG_TYPES);
  if (msgType === 'image') return { body: { msgtype: 'image', image: readImage(config.image, connection) } };
  if (msgType === 'news') {
    return { body: { msgtype: 'news', news: { articles: readArticles(config.articles) } } };
  }
  const { content, truncatedFrom } = readContent(config, msgType, connection);
  const part: Record<string, unknown> = { content };
  const mentioned = readStringList(config.mentionedList, 'mentionedList');
  const mobiles = readStringList(config.mentionedMobileList, 'mentionedMobileList');
  if (msgType !== 'text' && mentioned.length + mobiles.length > 0) {
    const message = 'mentionedList and mentionedMobileList only work with msgType text';
    throw new FlowbusError('VALIDATION', message, {
      field: mentioned.length > 0 ? 'mentionedList' : 'mentionedMobileList',
      expected: 'msgType text, or <@userid> inside markdown content',
    });
  }
  if (mentioned.length > 0) part.mentioned_list = mentioned;
  if (mobiles.length > 0) part.mentioned_mobile_list = mobiles;
  return { body: { msgtype: msgType, [msgType]: part }, ...(truncatedFrom ? { truncatedFrom } : {}) };
}
