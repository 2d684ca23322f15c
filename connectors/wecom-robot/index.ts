/**
 * @module WeCom robot: sends a text, markdown, image or news message to a WeCom group robot.
 */
import type { StepDefinition } from '../../engine/sdk.js';
import {
  commonRobotErrors,
  createRobotStep,
  defineRobotConnector,
  type RobotStepDependencies,
  type RobotStepSpec,
} from '../shared/robot-step.js';
import { WECOM_LIMITS, buildWecomMessage, wecomRobotConfigSchema } from './message.js';
import type { WecomRobotConfig } from './message.js';
import { WECOM_ROBOT_TYPE, wecomVendor, wecomRobotConnection } from './vendor.js';

export { WECOM_ROBOT_TYPE, wecomRobotConnection, wecomVendor } from './vendor.js';
export { buildWecomMessage, WECOM_LIMITS, WECOM_MSG_TYPES, wecomRobotConfigSchema } from './message.js';
export type { WecomArticle, WecomMsgType, WecomRobotConfig } from './message.js';

/** The example in every language of the description. */
const EXAMPLE = [
  '```json',
  '{',
  '  "id": "notify-ops",',
  '  "type": "wecom-robot",',
  '  "config": {',
  '    "connection": "ops-group",',
  '    "msgType": "markdown",',
  '    "content": {',
  '      "$expr": "\'<font color=\\"warning\\">Alarm</font>\\n> Instance: \' & vars.body.subject"',
  '    }',
  '  }',
  '}',
  '```',
];

const DESCRIPTION = [
  'Sends a message to a WeCom (企业微信) group robot: `text`, `markdown`, `image` or `news`.',
  '',
  'The webhook URL lives in a `wecom-robot` connection config, named by `connection`. Markdown supports',
  'headings, `**bold**`, links, `` `code` ``, `> quote` and `<font color="info|comment|warning">`; mention',
  'people with `<@userid>` inside the content, or with `mentionedList` / `mentionedMobileList` for text.',
  `Content is limited to ${WECOM_LIMITS.text} bytes (text) and ${WECOM_LIMITS.markdown} bytes (markdown)`,
  'of UTF-8; set `truncate` to cut longer content instead of failing. An image is PNG or JPEG, at most',
  '2 MB, given as `base64` (its `md5` is computed when left out). News holds 1 to 8 articles.',
  '',
  'The robot takes at most 20 messages a minute: sends to one robot queue up and wait for their turn',
  '(the execution timeout still applies). When WeCom answers "too fast" (45009), the send waits and',
  'retries up to 3 times (15 s, 30 s, 60 s). The message passes through unchanged.',
  '',
  ...EXAMPLE,
  '',
  'Errors: `WECOM:RATE_LIMITED` (45009 after every retry), `WECOM:INVALID_WEBHOOK` (93000),',
  '`WECOM:TOO_LARGE` (checked before sending), `WECOM:ERROR` (any other errcode; `details.errcode`,',
  '`details.errmsg`), `WECOM:CONNECTIVITY`, `WECOM:HTTP_STATUS` (not HTTP 200), `VALIDATION`.',
  'Messages name the connection, never the webhook or its key.',
].join('\n');

/** The `wecom-robot` step: its definition, vendor, and how config and connection become a request. */
const wecomRobotSpec: RobotStepSpec<WecomRobotConfig> = {
  type: WECOM_ROBOT_TYPE,
  title: 'WeCom Robot',
  keywords: ['wechat', 'weixin', 'wechat work', '企业微信', 'im', 'chat', 'group', 'notify', 'message'],
  i18n: {
    'zh-CN': {
      title: '企业微信机器人',
      description: [
        '向企业微信群机器人发送消息：`text`、`markdown`、`image` 或 `news`。',
        '',
        'webhook 地址保存在 `wecom-robot` 连接配置中，由 `connection` 指定。Markdown 支持标题、`**加粗**`、链接、',
        '`` `代码` ``、`> 引用` 和 `<font color="info|comment|warning">`；在内容中用 `<@userid>` 提醒某人，文本消息',
        `也可以用 \`mentionedList\` / \`mentionedMobileList\`。内容限制为 UTF-8 编码的 ${WECOM_LIMITS.text} 字节（文本）和 ${WECOM_LIMITS.markdown} 字节`,
        '（markdown）；设置 `truncate` 可截断超长内容而不是失败。图片为 PNG 或 JPEG，最大 2 MB，以 `base64` 给出',
        '（不填 `md5` 时自动计算）。图文消息含 1 到 8 篇文章。',
        '',
        '机器人每分钟最多接收 20 条消息：发往同一机器人的消息排队等候（执行超时仍然有效）。企业微信应答“发送过快”',
        '（45009）时，发送会等待并最多重试 3 次（15 秒、30 秒、60 秒）。消息原样通过。',
        '',
        ...EXAMPLE,
        '',
        '错误：`WECOM:RATE_LIMITED`（每次重试都是 45009）、`WECOM:INVALID_WEBHOOK`（93000）、`WECOM:TOO_LARGE`',
        '（发送前检查）、`WECOM:ERROR`（其他 errcode；见 `details.errcode`、`details.errmsg`）、`WECOM:CONNECTIVITY`、',
        '`WECOM:HTTP_STATUS`（HTTP 状态不是 200）、`VALIDATION`。错误信息只写连接名称，不会写出 webhook 或其 key。',
      ].join('\n'),
      fields: {
        connection: { title: '连接', description: '企业微信机器人连接配置的名称（其中保存 webhook 和密钥）。' },
        msgType: { title: '消息类型' },
        content: { title: '内容', description: '要发送的文本或 markdown（文本和 markdown 消息）。' },
        mentionedList: { title: '@ 的用户 ID', description: '要 @ 的用户 ID（仅文本消息）；`@all` 表示所有人。' },
        mentionedMobileList: { title: '@ 的手机号', description: '要 @ 的手机号（仅文本消息）。' },
        image: { title: '图片', description: '用于图片消息：PNG 或 JPEG 的 `base64`（最大 2 MB），`md5` 可选。' },
        'image.base64': { title: '图片内容（Base64）' },
        'image.md5': { title: '图片 MD5' },
        articles: { title: '图文', description: '用于图文消息：1 到 8 条 `{ title, url, description?, picurl? }`。' },
        'articles.title': { title: '标题' },
        'articles.description': { title: '描述' },
        'articles.url': { title: '跳转链接' },
        'articles.picurl': { title: '图片链接' },
        truncate: { title: '超长截断', description: '内容超出长度限制时（在字符边界处）截断，而不是失败。' },
      },
    },
  },
  description: DESCRIPTION,
  config: wecomRobotConfigSchema,
  errors: [
    { type: 'WECOM:RATE_LIMITED', description: 'WeCom answered 45009 (too fast) and every retry did too.' },
    { type: 'WECOM:INVALID_WEBHOOK', description: 'WeCom answered 93000: the key is wrong or deleted.' },
    { type: 'WECOM:TOO_LARGE', description: 'Content or image over the limit (checked before sending).' },
    ...commonRobotErrors(wecomVendor),
  ],
  vendor: wecomVendor,
  request({ config, connection, webhook }) {
    const message = buildWecomMessage(config, connection);
    const body = JSON.stringify(message.body);
    const cut = message.truncatedFrom ? { warning: `content cut from ${message.truncatedFrom} bytes` } : {};
    return { ...cut, prepare: () => ({ url: webhook, body }) };
  },
};

/**
 * Builds the `wecom-robot` step; sends are paced by the lanes of `dependencies`.
 *
 * @example
 * const step = createWecomRobotStep({ lanes: createRobotLanes() });
 */
export function createWecomRobotStep(dependencies: RobotStepDependencies): StepDefinition<WecomRobotConfig> {
  return createRobotStep(wecomRobotSpec, dependencies);
}

/** The WeCom robot connector: its connection type and step. */
export const wecomRobotConnector = defineRobotConnector(wecomRobotSpec, {
  title: 'WeCom robot',
  docs: 'Sends text, markdown, image and news messages to WeCom (企业微信) group robots.',
  connection: wecomRobotConnection,
});
