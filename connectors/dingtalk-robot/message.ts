/**
 * @module Builds the JSON body of a DingTalk robot message from the step's config.
 */
import { invalidConfig, readBoolean, readEnum, readString } from '../../engine/sdk.js';
import { readStringList } from '../shared/config.js';

export const DINGTALK_MSG_TYPES = ['text', 'markdown'] as const;

export type DingtalkMsgType = (typeof DINGTALK_MSG_TYPES)[number];

/** Config of a DingTalk robot step, after expressions are evaluated. */
export interface DingtalkRobotConfig {
  connection: string;
  msgType?: DingtalkMsgType;
  /** Text messages. */
  content?: string;
  /** Markdown messages: the title shown in the conversation list, and the markdown. */
  title?: string;
  text?: string;
  atMobiles?: string[];
  atUserIds?: string[];
  isAtAll?: boolean;
}

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
