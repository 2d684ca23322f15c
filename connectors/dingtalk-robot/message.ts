/**
 * @module The DingTalk robot step's config schema, and the JSON body of a message built from that config.
 */
import {
  invalidConfig,
  readBoolean,
  readEnum,
  readString,
  type ConfigOf,
  type JsonSchema,
} from '../../engine/sdk.js';
import { connectionFieldSchema, readStringList, stringListSchema } from '../shared/config.js';
import { DINGTALK_ROBOT_TYPE } from './vendor.js';

export const DINGTALK_MSG_TYPES = ['text', 'markdown'] as const;

export type DingtalkMsgType = (typeof DINGTALK_MSG_TYPES)[number];

/** The schema of a DingTalk robot step's config. */
export const dingtalkRobotConfigSchema = {
  type: 'object',
  properties: {
    connection: connectionFieldSchema(DINGTALK_ROBOT_TYPE, 'DingTalk robot'),
    msgType: {
      type: 'string',
      title: 'Message type',
      enum: DINGTALK_MSG_TYPES,
      default: 'markdown',
      'x-expression': false,
    },
    content: {
      type: 'string',
      title: 'Content',
      description: 'The text (text messages).',
      'x-widget': 'textarea',
    },
    title: {
      type: 'string',
      title: 'Title',
      description: 'Shown in the conversation list (markdown messages).',
    },
    text: {
      type: 'string',
      title: 'Text',
      description: 'The markdown (markdown messages).',
      'x-widget': 'markdown',
    },
    atMobiles: stringListSchema('Mention mobiles', 'Mobile numbers of people to mention.'),
    atUserIds: stringListSchema('Mention user ids', 'User ids of people to mention.'),
    isAtAll: { type: 'boolean', title: 'Mention everyone', default: false },
  },
  required: ['connection'],
  additionalProperties: false,
} as const satisfies JsonSchema;

/** Config of a DingTalk robot step, after expressions are evaluated. */
export type DingtalkRobotConfig = ConfigOf<typeof dingtalkRobotConfigSchema>;

function readNonEmpty(value: unknown, field: string): string {
  const text = readString(value, field);
  if (text.trim() === '') throw invalidConfig(field, 'a non-empty string', text);
  return text;
}

function readAt(config: DingtalkRobotConfig): Record<string, unknown> | undefined {
  const atMobiles = readStringList(config.atMobiles, 'atMobiles');
  const atUserIds = readStringList(config.atUserIds, 'atUserIds');
  const isAtAll = readBoolean(config.isAtAll ?? false, 'isAtAll');
  if (atMobiles.length === 0 && atUserIds.length === 0 && !isAtAll) return undefined;
  return { atMobiles, atUserIds, isAtAll };
}

/**
 * The message body for `config`; VALIDATION for a missing or mistyped field.
 *
 * @example
 * buildDingtalkMessage({ connection: 'ops', msgType: 'text', content: 'hi' });
 * // { msgtype: 'text', text: { content: 'hi' } }
 */
export function buildDingtalkMessage(config: DingtalkRobotConfig): Record<string, unknown> {
  const msgType = readEnum(config.msgType ?? 'markdown', 'msgType', DINGTALK_MSG_TYPES);
  const at = readAt(config);
  const part =
    msgType === 'text'
      ? { content: readNonEmpty(config.content, 'content') }
      : { title: readNonEmpty(config.title, 'title'), text: readNonEmpty(config.text, 'text') };
  return { msgtype: msgType, [msgType]: part, ...(at ? { at } : {}) };
}
