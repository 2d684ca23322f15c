/**
 * @module WeCom robot: sends a text, markdown, image or news message to a WeCom group robot.
 */
import type { StepDefinition } from '../../engine/sdk.js';
import { defineConnector } from '../shared/connector.js';
import {
  commonRobotErrors,
  createRobotStep,
  type RobotStepDependencies,
  type RobotStepSpec,
} from '../shared/robot-step.js';
import { WECOM_LIMITS, buildWecomMessage, wecomRobotConfigSchema } from './message.js';
import type { WecomRobotConfig } from './message.js';
import { WECOM_ROBOT_TYPE, wecomVendor, wecomRobotConnection } from './vendor.js';

export { WECOM_ROBOT_TYPE, wecomRobotConnection, wecomVendor } from './vendor.js';
export { buildWecomMessage, WECOM_LIMITS, WECOM_MSG_TYPES, wecomRobotConfigSchema } from './message.js';
export type { WecomArticle, WecomMsgType, WecomRobotConfig } from './message.js';

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
      description: '向企业微信群机器人发送消息：`text`、`markdown`、`image` 或 `news`。',
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
export const wecomRobotConnector = defineConnector({
  id: WECOM_ROBOT_TYPE,
  title: 'WeCom robot',
  docs: 'Sends text, markdown, image and news messages to WeCom (企业微信) group robots.',
  connectionTypes: [wecomRobotConnection],
  create: (services) => ({ steps: [createWecomRobotStep(services)] }),
});
