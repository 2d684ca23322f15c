/**
 * @module The Feishu bot step's config schema, and the JSON body of a message (text, post, interactive card)
 * built from that config, the whole request body kept within the vendor's 20 KB.
 */
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
import { connectionFieldSchema } from '../shared/config.js';
import { sendLabel } from '../shared/robot-send.js';
import { truncateUtf8, utf8Length } from '../shared/utf8.js';
import { FEISHU_ROBOT_TYPE, feishuVendor } from './vendor.js';

export const FEISHU_MSG_TYPES = ['text', 'post', 'interactive'] as const;

export type FeishuMsgType = (typeof FEISHU_MSG_TYPES)[number];

/** The largest request body Feishu accepts, in bytes. */
export const FEISHU_BODY_LIMIT = 20 * 1024;

/** One element of a post row: `text`, `a`, `at` or `img`. */
export type FeishuPostTag =
  | { tag: 'text'; text: string; un_escape?: boolean }
  | { tag: 'a'; text: string; href: string }
  | { tag: 'at'; user_id: string; user_name?: string }
  | { tag: 'img'; image_key: string };

/** The schema of a Feishu bot step's config. */
export const feishuRobotConfigSchema = {
  type: 'object',
  properties: {
    connection: connectionFieldSchema(FEISHU_ROBOT_TYPE, 'Feishu robot'),
    msgType: {
      type: 'string',
      title: 'Message type',
      enum: FEISHU_MSG_TYPES,
      default: 'interactive',
      'x-expression': false,
    },
    content: {
      type: 'string',
      title: 'Text',
      description: 'The text (text messages).',
      'x-widget': 'textarea',
    },
    post: {
      type: 'object',
      title: 'Post',
      description: 'Rich text (post messages): `{ "title", "content": [[tags]] }`.',
      properties: {
        title: { type: 'string' },
        content: { type: 'array', items: { type: 'array', items: { type: 'object' } } },
      },
      required: ['content'],
      'x-widget': 'json',
    },
    markdown: {
      type: 'string',
      title: 'Markdown',
      description: 'The card markdown (interactive messages).',
      'x-widget': 'markdown',
    },
    title: {
      type: 'string',
      title: 'Card title',
      description: 'The card header (interactive messages).',
    },
    truncate: {
      type: 'boolean',
      title: 'Truncate',
      description: 'Cut the text or markdown so the body fits in 20 KB instead of failing.',
      default: false,
    },
  },
  required: ['connection'],
  additionalProperties: false,
} as const satisfies JsonSchema;

/** Config of a Feishu bot step, after expressions are evaluated. */
export type FeishuRobotConfig = ConfigOf<typeof feishuRobotConfigSchema>;

/** The message (without signature fields) and the text's original size when it was truncated. */
export interface FeishuMessage {
  message: Record<string, unknown>;
  truncatedFrom?: number;
}

const TAG_FIELDS: Record<string, string[]> = {
  text: ['text'],
  a: ['text', 'href'],
  at: ['user_id'],
  img: ['image_key'],
};

function readPostTag(value: unknown, field: string): FeishuPostTag {
  if (!isPlainObject(value) || typeof value.tag !== 'string' || !(value.tag in TAG_FIELDS)) {
    throw invalidConfig(field, 'a tag object: text, a, at or img', value);
  }
  for (const name of TAG_FIELDS[value.tag]) readString(value[name], `${field}.${name}`);
  return value as FeishuPostTag;
}

function readPost(value: unknown): Record<string, unknown> {
  if (!isPlainObject(value) || !Array.isArray(value.content)) {
    throw invalidConfig('post', 'an object with content: a list of rows of tags', value);
  }
  const rows = value.content.map((row, index) => {
    if (!Array.isArray(row)) throw invalidConfig(`post.content[${index}]`, 'a row: a list of tags', row);
    return row.map((tag, position) => readPostTag(tag, `post.content[${index}][${position}]`));
  });
  const title = readOptionalString(value.title, 'post.title');
  return { post: { zh_cn: { ...(title !== undefined ? { title } : {}), content: rows } } };
}

function readNonEmpty(value: unknown, field: string): string {
  const text = readString(value, field);
  if (text.trim() === '') throw invalidConfig(field, 'a non-empty string', text);
  return text;
}

/** The one text that may be truncated (empty for a post, which cannot be) and how to build around it. */
function messageBuilder(config: FeishuRobotConfig, msgType: FeishuMsgType) {
  if (msgType === 'text') {
    return {
      text: readNonEmpty(config.content, 'content'),
      build: (text: string) => ({ msg_type: 'text', content: { text } }),
    };
  }
  if (msgType === 'interactive') {
    const title = readOptionalString(config.title, 'title');
    const header = title !== undefined ? { header: { title: { tag: 'plain_text', content: title } } } : {};
    return {
      text: readNonEmpty(config.markdown, 'markdown'),
      build: (text: string) => ({
        msg_type: 'interactive',
        card: { ...header, elements: [{ tag: 'markdown', content: text }] },
      }),
    };
  }
  const post = readPost(config.post);
  return { text: '', build: () => ({ msg_type: 'post', content: post }) };
}

/** The body size once signed: a timestamp is 10 digits and a signature 44 Base64 characters. */
export function feishuBodySize(message: Record<string, unknown>, signed: boolean): number {
  const signature = signed ? { timestamp: '0'.repeat(10), sign: '0'.repeat(44) } : {};
  return utf8Length(JSON.stringify({ ...signature, ...message }));
}

function tooLarge(connection: string, size: number, hint: string): FlowbusError {
  return new FlowbusError(
    'FEISHU:TOO_LARGE',
    `${sendLabel(feishuVendor, connection)}: the request body is ${size} bytes, ` +
      `over the limit of ${FEISHU_BODY_LIMIT}${hint}`,
    { connection, bytes: size, limit: FEISHU_BODY_LIMIT },
  );
}

/**
 * The message for `config`, fitted into 20 KB: truncated when `truncate` is set and the type has one text,
 * FEISHU:TOO_LARGE otherwise.
 *
 * @example
 * buildFeishuMessage({ connection: 'ops', msgType: 'text', content: 'hi' }, 'ops', false).message;
 * // { msg_type: 'text', content: { text: 'hi' } }
 */
export function buildFeishuMessage(
  config: FeishuRobotConfig,
  connection: string,
  signed: boolean,
): FeishuMessage {
  const msgType = readEnum(config.msgType ?? 'interactive', 'msgType', FEISHU_MSG_TYPES);
  const { text, build } = messageBuilder(config, msgType);
  const size = feishuBodySize(build(text), signed);
  if (size <= FEISHU_BODY_LIMIT) return { message: build(text) };
  if (config.truncate !== true || msgType === 'post') {
    throw tooLarge(connection, size, msgType === 'post' ? '' : ' (set truncate to cut it instead)');
  }
  // Escaped characters (quotes, line breaks) cost more in JSON than in UTF-8: search the longest fitting cut.
  let low = 0;
  let high = utf8Length(text);
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (feishuBodySize(build(truncateUtf8(text, middle)), signed) <= FEISHU_BODY_LIMIT) low = middle;
    else high = middle - 1;
  }
  const cut = truncateUtf8(text, low);
  if (cut === '') throw tooLarge(connection, size, ' even with the text cut');
  return { message: build(cut), truncatedFrom: utf8Length(text) };
}
