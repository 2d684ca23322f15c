/**
 * @module What is particular to Feishu/Lark custom bots: connection type, rate limits, result codes.
 */
import { isPlainObject } from '../../engine/sdk.js';
import { webhookConnectionType } from '../shared/config.js';
import { resultCodeVendor, type ResultMeaning, type VendorResult } from '../shared/robot-vendor.js';

/** Step type and connection type id. */
export const FEISHU_ROBOT_TYPE = 'feishu-robot';

/** A Feishu bot connection: the webhook URL (with its token) and the signing secret, if set. */
export const feishuRobotConnection = webhookConnectionType({
  type: FEISHU_ROBOT_TYPE,
  title: 'Feishu / Lark custom bot',
  description: 'A Feishu (飞书) or Lark custom bot webhook, with the secret when signature verification is on.',
  webhookExample: 'https://open.feishu.cn/open-apis/bot/v2/hook/...',
  secret: { description: 'The secret shown when signature verification is on. Leave empty without it.' },
});

const CODES: Record<number, ResultMeaning> = {
  19021: { name: 'SIGNATURE', words: 'signature or timestamp rejected' },
  19022: { name: 'IP_NOT_ALLOWED', words: 'this IP is not allowed' },
  19024: { name: 'KEYWORDS', words: 'no keyword of the bot in the message' },
  11232: { name: 'RATE_LIMITED', words: 'rate limited' },
  9499: { name: 'TOO_LARGE', words: 'bad request: body over 20 KB or malformed' },
  19001: { name: 'INVALID_WEBHOOK', words: 'invalid webhook token' },
};

function readResult(answer: unknown): VendorResult | undefined {
  if (!isPlainObject(answer)) return undefined;
  // StatusCode/StatusMessage are the legacy names of code/msg.
  const code = typeof answer.code === 'number' ? answer.code : answer.StatusCode;
  if (typeof code !== 'number') return undefined;
  const message = typeof answer.msg === 'string' ? answer.msg : answer.StatusMessage;
  return { code, message: typeof message === 'string' ? message : '' };
}

/** Feishu: at most 5 requests a second and 100 a minute per bot; 11232 means "too fast". */
export const feishuVendor = resultCodeVendor({
  namespace: 'FEISHU',
  title: 'Feishu robot',
  codeName: 'code',
  messageName: 'msg',
  windows: [
    { limit: 5, windowMs: 1_000 },
    { limit: 100, windowMs: 60_000 },
  ],
  // 72 s in all: longer than the minute window.
  backoffMs: [2_000, 10_000, 60_000],
  readResult,
  codes: CODES,
});
