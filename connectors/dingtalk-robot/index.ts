/**
 * @module DingTalk robot: sends a text or markdown message to a DingTalk custom robot, signed when the
 * connection has a secret.
 */
import type { StepDefinition } from '../../engine/sdk.js';
import { defineConnector } from '../shared/connector.js';
import { invalidConnection, readOptionalSecret } from '../shared/config.js';
import {
  commonRobotErrors,
  createRobotStep,
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
      description: '向钉钉自定义机器人发送消息：`text`（`content`）或 `markdown`（`title` 和 `text`）。',
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
export const dingtalkRobotConnector = defineConnector({
  id: DINGTALK_ROBOT_TYPE,
  title: 'DingTalk robot',
  docs: 'Sends messages to DingTalk (钉钉) group robots, signed when the connection has a secret.',
  connectionTypes: [dingtalkRobotConnection],
  create: (services) => ({ steps: [createDingtalkRobotStep(services)] }),
});
