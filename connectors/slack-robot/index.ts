/**
 * @module Slack robot: posts a text or Block Kit message to a Slack incoming webhook.
 */
import { commonRobotErrors, defineRobotConnector, type RobotStepSpec } from '../shared/robot-step.js';
import { buildSlackMessage, SLACK_BLOCK_LIMIT, slackRobotConfigSchema } from './message.js';
import type { SlackRobotConfig } from './message.js';
import { SLACK_ROBOT_TYPE, slackRobotConnection, slackVendor } from './vendor.js';

export { SLACK_CODES, SLACK_ROBOT_TYPE, slackRobotConnection, slackVendor } from './vendor.js';
export { buildSlackMessage, SLACK_BLOCK_LIMIT, SLACK_MSG_TYPES, slackRobotConfigSchema } from './message.js';
export type { SlackMsgType, SlackRobotConfig } from './message.js';

/** The example in every language of the description. */
const EXAMPLE = [
  '```json',
  '{',
  '  "id": "notify-ops",',
  '  "type": "slack-robot",',
  '  "config": {',
  '    "connection": "ops-slack",',
  '    "msgType": "blocks",',
  '    "text": { "$expr": "\'Alarm on \' & vars.body.subject" },',
  '    "blocks": [',
  '      { "type": "header", "text": { "type": "plain_text", "text": "Alarm" } },',
  '      { "type": "section", "text": { "type": "mrkdwn", "text": "*Instance:* ins-sjksjk" } }',
  '    ]',
  '  }',
  '}',
  '```',
];

const DESCRIPTION = [
  'Posts a message to a Slack incoming webhook: `text`, or `blocks` (Block Kit).',
  '',
  'The webhook URL (`https://hooks.slack.com/services/...`) lives in a `slack-robot` connection config named',
  'by `connection`; the webhook posts to the channel it was created for. A text is read as Slack mrkdwn',
  '(`*bold*`, `_italic_`, `<https://example.com|link>`, `<@U012AB3CD>` to mention someone); set `mrkdwn` to',
  `false to post it as typed. A blocks message holds 1 to ${SLACK_BLOCK_LIMIT} Block Kit blocks, each an`,
  'object with its `type`, given as JSON; its `text` is still required: notifications and screen readers',
  'show it instead of the blocks.',
  '',
  'Slack takes one message a second per webhook: sends to one webhook queue up and wait for their turn (the',
  'execution timeout still applies). When Slack answers 429, the send waits as long as its `Retry-After`',
  'asks (3 s, 10 s, 20 s without one) and retries up to 3 times. The message passes through unchanged.',
  '',
  ...EXAMPLE,
  '',
  'Errors: `SLACK:INVALID_WEBHOOK` (`invalid_token`, `no_service`), `SLACK:CHANNEL_UNAVAILABLE`',
  '(`channel_not_found`, `channel_is_archived`), `SLACK:NOT_ALLOWED` (`action_prohibited`,',
  '`posting_to_general_channel_denied`), `SLACK:INVALID_PAYLOAD` (`invalid_payload`, `no_text`,',
  '`invalid_blocks`), `SLACK:TOO_LARGE` (`too_many_attachments`), `SLACK:RATE_LIMITED` (429 after every',
  'retry; `details.retryAfterMs`), `SLACK:ERROR` (another code; `details.answer`), `SLACK:HTTP_STATUS`,',
  '`SLACK:CONNECTIVITY`, `VALIDATION`. `details.status` is the HTTP status; `details.retryable` is false for',
  'a refused message, webhook or channel, true for 429, 408 and 5xx; a network error is retryable too.',
  'Messages name the connection, never the webhook or its token.',
].join('\n');

/** The `slack-robot` step: its definition, vendor, and how config and connection become a request. */
const slackRobotSpec: RobotStepSpec<SlackRobotConfig> = {
  type: SLACK_ROBOT_TYPE,
  title: 'Slack Robot',
  keywords: ['slack', 'webhook', 'incoming webhook', '机器人', 'chat', 'channel', 'block kit', 'notify', 'message'],
  i18n: {
    'zh-CN': {
      title: 'Slack 机器人',
      description: [
        '向 Slack 传入 Webhook（incoming webhook）发送消息：`text`（文本）或 `blocks`（Block Kit）。',
        '',
        'webhook 地址（`https://hooks.slack.com/services/...`）保存在 `slack-robot` 连接配置中，由 `connection`',
        '指定；消息发到创建该 webhook 时选定的频道。文本按 Slack mrkdwn 解析（`*加粗*`、`_斜体_`、',
        '`<https://example.com|链接>`、用 `<@U012AB3CD>` 提醒某人）；把 `mrkdwn` 设为 false 则按原样发送。',
        `blocks 消息含 1 到 ${SLACK_BLOCK_LIMIT} 个 Block Kit 块，每个块是带 \`type\` 的对象，以 JSON 给出；此时仍需填写`,
        '`text`：通知和屏幕阅读器显示它，而不是块。',
        '',
        'Slack 每个 webhook 每秒接收一条消息：发往同一 webhook 的消息排队等候（执行超时仍然有效）。Slack 应答 429',
        '时，发送会按其 `Retry-After` 等待（没有时等 3 秒、10 秒、20 秒）并最多重试 3 次。消息原样通过。',
        '',
        ...EXAMPLE,
        '',
        '错误：`SLACK:INVALID_WEBHOOK`（`invalid_token`、`no_service`）、`SLACK:CHANNEL_UNAVAILABLE`',
        '（`channel_not_found`、`channel_is_archived`）、`SLACK:NOT_ALLOWED`（`action_prohibited`、',
        '`posting_to_general_channel_denied`）、`SLACK:INVALID_PAYLOAD`（`invalid_payload`、`no_text`、',
        '`invalid_blocks`）、`SLACK:TOO_LARGE`（`too_many_attachments`）、`SLACK:RATE_LIMITED`（每次重试都是 429；',
        '见 `details.retryAfterMs`）、`SLACK:ERROR`（其他错误码；见 `details.answer`）、`SLACK:HTTP_STATUS`、',
        '`SLACK:CONNECTIVITY`、`VALIDATION`。`details.status` 是 HTTP 状态；消息、webhook 或频道被拒时',
        '`details.retryable` 为 false，429、408 和 5xx 时为 true；网络错误也可重试。错误信息只写连接名称，不会写出',
        'webhook 或其 token。',
      ].join('\n'),
      fields: {
        connection: { title: '连接', description: 'Slack 传入 Webhook 连接配置的名称（其中保存 webhook 地址）。' },
        msgType: { title: '消息类型' },
        text: { title: '文本', description: '消息内容（文本消息），或通知中显示的备用文本（blocks 消息）。' },
        mrkdwn: {
          title: '格式化文本',
          description: '按 Slack mrkdwn 解析文本（`*加粗*`、`<https://example.com|链接>`）；关闭则按原样显示。',
        },
        blocks: {
          title: '块',
          description: `Block Kit 块的 JSON（blocks 消息）：1 到 ${SLACK_BLOCK_LIMIT} 个，每个带 \`type\`。`,
        },
      },
    },
  },
  description: DESCRIPTION,
  config: slackRobotConfigSchema,
  errors: [
    { type: 'SLACK:INVALID_WEBHOOK', description: 'The webhook is wrong, disabled or removed (403, 404).' },
    { type: 'SLACK:CHANNEL_UNAVAILABLE', description: 'The channel is gone or archived (404, 410).' },
    { type: 'SLACK:NOT_ALLOWED', description: 'The workspace forbids this post (403).' },
    { type: 'SLACK:INVALID_PAYLOAD', description: 'Slack refused the message: bad JSON, blocks or no text (400).' },
    { type: 'SLACK:TOO_LARGE', description: 'Too many attachments (400).' },
    { type: 'SLACK:RATE_LIMITED', description: 'Slack answered 429 (too fast) to every retry.' },
    ...commonRobotErrors(slackVendor),
  ],
  vendor: slackVendor,
  request({ config, webhook }) {
    const body = JSON.stringify(buildSlackMessage(config));
    return { prepare: () => ({ url: webhook, body }) };
  },
};

/** The Slack robot connector: its connection type and step. */
export const slackRobotConnector = defineRobotConnector(slackRobotSpec, {
  title: 'Slack robot',
  docs: 'Posts text and Block Kit messages to Slack channels through incoming webhooks.',
  connection: slackRobotConnection,
});
