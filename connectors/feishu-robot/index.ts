/**
 * @module Feishu robot: sends a text, post (rich text) or interactive card message to a Feishu/Lark custom
 * bot, signed when the connection has a secret.
 */
import type { StepDefinition } from '../../engine/sdk.js';
import { readOptionalSecret } from '../shared/config.js';
import {
  commonRobotErrors,
  createRobotStep,
  defineRobotConnector,
  type RobotStepDependencies,
  type RobotStepSpec,
} from '../shared/robot-step.js';
import { buildFeishuMessage, feishuRobotConfigSchema } from './message.js';
import type { FeishuRobotConfig } from './message.js';
import { feishuSignatureFields } from './sign.js';
import { FEISHU_ROBOT_TYPE, feishuVendor, feishuRobotConnection } from './vendor.js';

export { FEISHU_ROBOT_TYPE, feishuRobotConnection, feishuVendor } from './vendor.js';
export { buildFeishuMessage, FEISHU_BODY_LIMIT, FEISHU_MSG_TYPES, feishuRobotConfigSchema } from './message.js';
export type { FeishuMsgType, FeishuPostTag, FeishuRobotConfig } from './message.js';
export { feishuSignature, feishuSignatureFields } from './sign.js';

/** The example in every language of the description. */
const EXAMPLE = [
  '```json',
  '{',
  '  "id": "notify-ops",',
  '  "type": "feishu-robot",',
  '  "config": {',
  '    "connection": "ops-feishu",',
  '    "msgType": "interactive",',
  '    "title": "Alarm",',
  '    "markdown": { "$expr": "\'**Instance:** \' & vars.body.subject" }',
  '  }',
  '}',
  '```',
];

const DESCRIPTION = [
  'Sends a message to a Feishu (飞书) / Lark custom bot: `text`, `post` (rich text) or `interactive` (a card',
  'holding one markdown element, with an optional header `title`).',
  '',
  'The webhook URL and, when signature verification is on, its secret live in a `feishu-robot` connection',
  'config named by `connection`; each request carries a fresh `timestamp` and `sign` in its body. A post is',
  '`{ "title", "content": [[tags]] }`, sent as `zh_cn`; tags are `{"tag":"text","text"}`,',
  '`{"tag":"a","text","href"}`, `{"tag":"at","user_id"}` (`"all"` for everyone) and',
  '`{"tag":"img","image_key"}`. Mention in text with `<at user_id="ou_xxx">Tom</at>`. When the bot has',
  'keywords, a text or title must contain one of them. The request body is limited to 20 KB: set',
  '`truncate` to cut the text or markdown instead of failing.',
  '',
  'The bot takes at most 5 requests a second and 100 a minute: sends to one bot queue up and wait for',
  'their turn (the execution timeout still applies). When Feishu answers "too fast" (11232), the send',
  'waits and retries up to 3 times (2 s, 10 s, 60 s). The message passes through unchanged.',
  '',
  ...EXAMPLE,
  '',
  'Errors: `FEISHU:SIGNATURE` (19021), `FEISHU:IP_NOT_ALLOWED` (19022), `FEISHU:KEYWORDS` (19024),',
  '`FEISHU:RATE_LIMITED` (11232 after every retry), `FEISHU:TOO_LARGE` (over 20 KB, checked before sending;',
  'or 9499), `FEISHU:INVALID_WEBHOOK` (19001), `FEISHU:ERROR` (any other code; `details.code`,',
  '`details.msg`), `FEISHU:CONNECTIVITY`, `FEISHU:HTTP_STATUS`, `VALIDATION`. Messages name the connection,',
  'never the webhook, token or secret.',
].join('\n');

/** The `feishu-robot` step: its definition, vendor, and how config and connection become a request. */
const feishuRobotSpec: RobotStepSpec<FeishuRobotConfig> = {
  type: FEISHU_ROBOT_TYPE,
  title: 'Feishu Robot',
  i18n: {
    'zh-CN': {
      title: '飞书机器人',
      description: [
        '向飞书 / Lark 自定义机器人发送消息：`text`、`post`（富文本）或 `interactive`（含一个 markdown 元素的',
        '卡片，可带标题 `title`）。',
        '',
        'webhook 地址以及开启签名校验时的密钥保存在 `feishu-robot` 连接配置中，由 `connection` 指定；每个请求的',
        '请求体都带有新的 `timestamp` 和 `sign`。富文本为 `{ "title", "content": [[标签]] }`，以 `zh_cn` 发送；',
        '标签有 `{"tag":"text","text"}`、`{"tag":"a","text","href"}`、`{"tag":"at","user_id"}`（`"all"` 表示所有人）',
        '和 `{"tag":"img","image_key"}`。在文本中用 `<at user_id="ou_xxx">Tom</at>` 提醒某人。机器人设置了关键词时，',
        '文本或标题中必须含有其中一个。请求体限制为 20 KB：设置 `truncate` 可截断文本或 markdown 而不是失败。',
        '',
        '机器人每秒最多接收 5 个请求、每分钟最多 100 个：发往同一机器人的消息排队等候（执行超时仍然有效）。飞书应答',
        '“发送过快”（11232）时，发送会等待并最多重试 3 次（2 秒、10 秒、60 秒）。消息原样通过。',
        '',
        ...EXAMPLE,
        '',
        '错误：`FEISHU:SIGNATURE`（19021）、`FEISHU:IP_NOT_ALLOWED`（19022）、`FEISHU:KEYWORDS`（19024）、',
        '`FEISHU:RATE_LIMITED`（每次重试都是 11232）、`FEISHU:TOO_LARGE`（超过 20 KB，发送前检查；或 9499）、',
        '`FEISHU:INVALID_WEBHOOK`（19001）、`FEISHU:ERROR`（其他 code；见 `details.code`、`details.msg`）、',
        '`FEISHU:CONNECTIVITY`、`FEISHU:HTTP_STATUS`、`VALIDATION`。错误信息只写连接名称，不会写出 webhook、token',
        '或密钥。',
      ].join('\n'),
      fields: {
        connection: { title: '连接', description: '飞书机器人连接配置的名称（其中保存 webhook 和密钥）。' },
        msgType: { title: '消息类型' },
        content: { title: '文本', description: '文本内容（文本消息）。' },
        post: { title: '富文本', description: '富文本（post 消息）：`{ "title", "content": [[标签]] }`。' },
        'post.title': { title: '标题' },
        'post.content': { title: '内容' },
        markdown: { title: 'Markdown 内容', description: '卡片的 markdown（interactive 消息）。' },
        title: { title: '卡片标题', description: '卡片的标题栏（interactive 消息）。' },
        truncate: { title: '超长截断', description: '截断文本或 markdown，使消息体不超过 20 KB，而不是失败。' },
      },
    },
  },
  description: DESCRIPTION,
  config: feishuRobotConfigSchema,
  errors: [
    { type: 'FEISHU:SIGNATURE', description: 'Feishu rejected the signature or its timestamp (19021).' },
    { type: 'FEISHU:IP_NOT_ALLOWED', description: 'The sending IP is not in the bot allow list (19022).' },
    { type: 'FEISHU:KEYWORDS', description: 'The message holds none of the bot keywords (19024).' },
    { type: 'FEISHU:RATE_LIMITED', description: 'Feishu answered 11232 (too fast) to every retry.' },
    { type: 'FEISHU:TOO_LARGE', description: 'The body is over 20 KB (checked before sending), or 9499.' },
    { type: 'FEISHU:INVALID_WEBHOOK', description: 'The webhook token is invalid (19001).' },
    ...commonRobotErrors(feishuVendor),
  ],
  vendor: feishuVendor,
  request({ config, connection, webhook, values }) {
    const secret = readOptionalSecret(values, connection, 'secret');
    const { message, truncatedFrom } = buildFeishuMessage(config, connection, secret !== undefined);
    const cut = truncatedFrom ? { warning: `text cut from ${truncatedFrom} bytes` } : {};
    return {
      ...cut,
      secrets: secret ? [secret] : [],
      prepare: (now) => ({
        url: webhook,
        body: JSON.stringify(secret ? { ...feishuSignatureFields(secret, now), ...message } : message),
      }),
    };
  },
};

/**
 * Builds the `feishu-robot` step; sends are paced by the lanes of `dependencies`.
 *
 * @example
 * const step = createFeishuRobotStep({ lanes: createRobotLanes() });
 */
export function createFeishuRobotStep(
  dependencies: RobotStepDependencies,
): StepDefinition<FeishuRobotConfig> {
  return createRobotStep(feishuRobotSpec, dependencies);
}

/** The Feishu robot connector: its connection type and step. */
export const feishuRobotConnector = defineRobotConnector(feishuRobotSpec, {
  title: 'Feishu robot',
  docs: 'Sends messages to Feishu (飞书) group robots, signed when the connection has a secret.',
  connection: feishuRobotConnection,
});
