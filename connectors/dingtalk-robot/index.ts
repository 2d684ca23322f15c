/**
 * @module DingTalk robot: sends a text or markdown message to a DingTalk custom robot, signed when the
 * connection has a secret.
 */
import type { StepDefinition } from '../../engine/sdk.js';
import { invalidConnection, readOptionalSecret } from '../shared/config.js';
import {
  commonRobotErrors,
  createRobotStep,
  defineRobotConnector,
  type RobotStepDependencies,
  type RobotStepSpec,
} from '../shared/robot-step.js';
import { buildDingtalkMessage, dingtalkRobotConfigSchema } from './message.js';
import type { DingtalkRobotConfig } from './message.js';
import { signDingtalkUrl } from './sign.js';
import { DINGTALK_ROBOT_TYPE, dingtalkVendor, dingtalkRobotConnection } from './vendor.js';

export { DINGTALK_ROBOT_TYPE, dingtalkRobotConnection, dingtalkVendor } from './vendor.js';
export { buildDingtalkMessage, DINGTALK_MSG_TYPES, dingtalkRobotConfigSchema } from './message.js';
export type { DingtalkMsgType, DingtalkRobotConfig } from './message.js';
export { dingtalkSignature, signDingtalkUrl } from './sign.js';

/** The example in every language of the description. */
const EXAMPLE = [
  '```json',
  '{',
  '  "id": "notify-ops",',
  '  "type": "dingtalk-robot",',
  '  "config": {',
  '    "connection": "ops-dingtalk",',
  '    "msgType": "markdown",',
  '    "title": "Alarm",',
  '    "text": { "$expr": "\'#### Alarm\\n> Instance: \' & vars.body.subject" },',
  '    "atMobiles": ["13800001111"]',
  '  }',
  '}',
  '```',
];

const DESCRIPTION = [
  'Sends a message to a DingTalk (钉钉) custom robot: `text` (`content`) or `markdown` (`title` and `text`).',
  '',
  'The webhook URL and, when the robot has signing (加签) on, its `SEC...` secret live in a',
  '`dingtalk-robot` connection config named by `connection`. Each request is signed with the current',
  'time (HMAC-SHA256 of `timestamp + "\\n" + secret`, in the query string). Mention people with',
  '`atMobiles` / `atUserIds` (in markdown, also write `@mobile` in the text) or everyone with `isAtAll`.',
  'When the robot has keywords, the message must contain one of them.',
  '',
  'The robot takes at most 20 messages a minute and is throttled for 10 minutes beyond: sends to one',
  'robot queue up and wait for their turn (the execution timeout still applies). When DingTalk answers',
  '"too fast" (130101), the send waits and retries up to 3 times (30 s, 2 min, 8 min). The message',
  'passes through unchanged.',
  '',
  ...EXAMPLE,
  '',
  'Errors: `DINGTALK:SIGNATURE` (310000: sign not match or invalid timestamp), `DINGTALK:KEYWORDS` (310000:',
  'keywords not in content), `DINGTALK:IP_NOT_ALLOWED` (310000: IP not in whitelist),',
  '`DINGTALK:RATE_LIMITED` (130101 after every retry), `DINGTALK:INVALID_WEBHOOK` (300005, 40035),',
  '`DINGTALK:ERROR` (any other errcode; `details.errcode`, `details.errmsg`), `DINGTALK:CONNECTIVITY`,',
  '`DINGTALK:HTTP_STATUS`, `VALIDATION`. Messages name the connection, never the webhook, token or secret.',
].join('\n');

/** The `dingtalk-robot` step: its definition, vendor, and how config and connection become a request. */
const dingtalkRobotSpec: RobotStepSpec<DingtalkRobotConfig> = {
  type: DINGTALK_ROBOT_TYPE,
  title: 'DingTalk Robot',
  i18n: {
    'zh-CN': {
      title: '钉钉机器人',
      description: [
        '向钉钉自定义机器人发送消息：`text`（`content`）或 `markdown`（`title` 和 `text`）。',
        '',
        'webhook 地址以及机器人开启加签时的 `SEC...` 密钥保存在 `dingtalk-robot` 连接配置中，由 `connection` 指定。',
        '每个请求都以当前时间签名（`timestamp + "\\n" + secret` 的 HMAC-SHA256，放在查询字符串中）。用 `atMobiles` /',
        '`atUserIds` 提醒某人（markdown 消息还需在正文中写 `@手机号`），或用 `isAtAll` 提醒所有人。机器人设置了',
        '关键词时，消息中必须含有其中一个。',
        '',
        '机器人每分钟最多接收 20 条消息，超出后会被限流 10 分钟：发往同一机器人的消息排队等候（执行超时仍然有效）。',
        '钉钉应答“发送过快”（130101）时，发送会等待并最多重试 3 次（30 秒、2 分钟、8 分钟）。消息原样通过。',
        '',
        ...EXAMPLE,
        '',
        '错误：`DINGTALK:SIGNATURE`（310000：签名不匹配或时间戳无效）、`DINGTALK:KEYWORDS`（310000：内容中没有',
        '关键词）、`DINGTALK:IP_NOT_ALLOWED`（310000：IP 不在白名单中）、`DINGTALK:RATE_LIMITED`（每次重试都是',
        '130101）、`DINGTALK:INVALID_WEBHOOK`（300005、40035）、`DINGTALK:ERROR`（其他 errcode；见',
        '`details.errcode`、`details.errmsg`）、`DINGTALK:CONNECTIVITY`、`DINGTALK:HTTP_STATUS`、`VALIDATION`。',
        '错误信息只写连接名称，不会写出 webhook、token 或密钥。',
      ].join('\n'),
      fields: {
        connection: { title: '连接', description: '钉钉机器人连接配置的名称（其中保存 webhook 和密钥）。' },
        msgType: { title: '消息类型' },
        content: { title: '内容', description: '文本内容（文本消息）。' },
        title: { title: '标题', description: '显示在会话列表中（markdown 消息）。' },
        text: { title: '正文', description: 'markdown 正文（markdown 消息）。' },
        atMobiles: { title: '@ 的手机号', description: '要 @ 的人的手机号。' },
        atUserIds: { title: '@ 的用户 ID', description: '要 @ 的人的用户 ID。' },
        isAtAll: { title: '@所有人' },
      },
    },
  },
  description: DESCRIPTION,
  config: dingtalkRobotConfigSchema,
  errors: [
    { type: 'DINGTALK:SIGNATURE', description: 'DingTalk rejected the signature or timestamp (310000).' },
    { type: 'DINGTALK:KEYWORDS', description: 'The message holds none of the robot keywords (310000).' },
    { type: 'DINGTALK:IP_NOT_ALLOWED', description: 'The sending IP is not in the whitelist (310000).' },
    { type: 'DINGTALK:RATE_LIMITED', description: 'DingTalk answered 130101 (too fast) to every retry.' },
    { type: 'DINGTALK:INVALID_WEBHOOK', description: 'The access token is missing or does not exist.' },
    ...commonRobotErrors(dingtalkVendor),
  ],
  vendor: dingtalkVendor,
  request({ config, connection, webhook, values }) {
    const secret = readOptionalSecret(values, connection, 'secret');
    if (secret !== undefined && !secret.startsWith('SEC')) {
      throw invalidConnection(connection, 'secret', 'a secret starting with SEC');
    }
    const body = JSON.stringify(buildDingtalkMessage(config));
    return {
      secrets: secret ? [secret] : [],
      prepare: (now) => ({ url: secret ? signDingtalkUrl(webhook, secret, now) : webhook, body }),
    };
  },
};

/**
 * Builds the `dingtalk-robot` step; sends are paced by the lanes of `dependencies`.
 *
 * @example
 * const step = createDingtalkRobotStep({ lanes: createRobotLanes() });
 */
export function createDingtalkRobotStep(
  dependencies: RobotStepDependencies,
): StepDefinition<DingtalkRobotConfig> {
  return createRobotStep(dingtalkRobotSpec, dependencies);
}

/** The DingTalk robot connector: its connection type and step. */
export const dingtalkRobotConnector = defineRobotConnector(dingtalkRobotSpec, {
  title: 'DingTalk robot',
  docs: 'Sends messages to DingTalk (钉钉) group robots, signed when the connection has a secret.',
  connection: dingtalkRobotConnection,
});
