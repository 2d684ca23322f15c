/**
 * @module The Slack robot step's config schema, and the JSON body of a message built from that config: a
 * `text` (mrkdwn or plain), or Block Kit `blocks` with the `text` shown where blocks cannot be.
 */
import {
  invalidConfig,
  isPlainObject,
  readBoolean,
  readEnum,
  readString,
  type ConfigOf,
  type JsonSchema,
} from '../../engine/sdk.js';
import { connectionFieldSchema } from '../shared/config.js';
import { SLACK_ROBOT_TYPE } from './vendor.js';

export const SLACK_MSG_TYPES = ['text', 'blocks'] as const;

export type SlackMsgType = (typeof SLACK_MSG_TYPES)[number];

/** Block Kit's limit of blocks in one message. */
export const SLACK_BLOCK_LIMIT = 50;

/** The schema of a Slack robot step's config. */
export const slackRobotConfigSchema = {
  type: 'object',
  properties: {
    connection: connectionFieldSchema(SLACK_ROBOT_TYPE, 'Slack incoming webhook'),
    msgType: {
      type: 'string',
      title: 'Message type',
      enum: SLACK_MSG_TYPES,
      default: 'text',
      'x-expression': false,
    },
    text: {
      type: 'string',
      title: 'Text',
      description: 'The message (text messages), or the fallback that notifications show (blocks messages).',
      'x-widget': 'markdown',
    },
    mrkdwn: {
      type: 'boolean',
      title: 'Format text',
      description: 'Read the text as Slack mrkdwn (`*bold*`, `<https://example.com|link>`); off: as typed.',
      default: true,
    },
    blocks: {
      type: 'array',
      title: 'Blocks',
      description: `Block Kit blocks as JSON (blocks messages): 1 to ${SLACK_BLOCK_LIMIT}, each with its \`type\`.`,
      items: { type: 'object' },
      minItems: 1,
      maxItems: SLACK_BLOCK_LIMIT,
      'x-widget': 'json',
    },
  },
  required: ['connection'],
  additionalProperties: false,
} as const satisfies JsonSchema;

/** Config of a Slack robot step, after expressions are evaluated. */
export type SlackRobotConfig = ConfigOf<typeof slackRobotConfigSchema>;

function readNonEmpty(value: unknown, field: string): string {
  const text = readString(value, field);
  if (text.trim() === '') throw invalidConfig(field, 'a non-empty string', text);
  return text;
}

function readBlocks(value: unknown): Record<string, unknown>[] {
  const expected = `a list of 1 to ${SLACK_BLOCK_LIMIT} Block Kit blocks`;
  if (!Array.isArray(value) || value.length === 0 || value.length > SLACK_BLOCK_LIMIT) {
    throw invalidConfig('blocks', expected, value);
  }
  value.forEach((block, index) => {
    if (!isPlainObject(block)) throw invalidConfig(`blocks[${index}]`, 'a block object', block);
    readNonEmpty(block.type, `blocks[${index}].type`);
  });
  return value as Record<string, unknown>[];
}

/**
 * The JSON body Slack gets for `config`; `mrkdwn` is sent only when formatting is turned off.
 *
 * @example
 * buildSlackMessage({ connection: 'alerts', text: '*disk* full' }); // { text: '*disk* full' }
 */
export function buildSlackMessage(config: SlackRobotConfig): Record<string, unknown> {
  const msgType = readEnum(config.msgType ?? 'text', 'msgType', SLACK_MSG_TYPES);
  const text = readNonEmpty(config.text, 'text');
  const plain = config.mrkdwn !== undefined && !readBoolean(config.mrkdwn, 'mrkdwn') ? { mrkdwn: false } : {};
  const blocks = msgType === 'blocks' ? { blocks: readBlocks(config.blocks) } : {};
  return { text, ...blocks, ...plain };
}
