/**
 * @module What is particular to DingTalk custom robots: connection type, rate limit, result codes.
 */
import { webhookConnectionType } from '../shared/config.js';
import { resultCodeVendor, type ResultMeaning, type VendorResult } from '../shared/robot-vendor.js';

/** Step type and connection type id. */
export const DINGTALK_ROBOT_TYPE = 'dingtalk-robot';

/** A DingTalk robot connection: the webhook URL (with its access token) and the signing secret, if set. */
export const dingtalkRobotConnection = webhookConnectionType({
  type: DINGTALK_ROBOT_TYPE,
  title: 'DingTalk custom robot',
  description: 'A DingTalk (钉钉) custom robot webhook, with the secret when the robot has signing (加签) on.',
  webhookExample: 'https://oapi.dingtalk.com/robot/send?access_token=...',
  secret: {
    description: 'The secret shown when signing is on; it starts with `SEC`. Empty without signing.',
    pattern: '^SEC',
  },
});

function classifySecurity(message: string): ResultMeaning {
  if (/keyword/i.test(message)) return { name: 'KEYWORDS', words: 'no keyword of the robot in the message' };
  if (/sign|timestamp/i.test(message)) return { name: 'SIGNATURE', words: 'signature or timestamp rejected' };
  if (/whitelist|\bip\b/i.test(message)) return { name: 'IP_NOT_ALLOWED', words: 'this IP is not allowed' };
  return { name: 'ERROR', words: 'security check failed' };
}

const CODES: Record<number, ResultMeaning> = {
  130101: { name: 'RATE_LIMITED', words: 'rate limited' },
  300001: { name: 'INVALID_WEBHOOK', words: 'access token does not exist' },
  300005: { name: 'INVALID_WEBHOOK', words: 'access token does not exist' },
};

/** The codes whose message says which error they are. */
function classify(result: VendorResult): ResultMeaning | undefined {
  if (result.code === 310000) return classifySecurity(result.message);
  // 40035 is "missing parameter": the access token, or the JSON body.
  if (result.code !== 40035) return undefined;
  return /json/i.test(result.message)
    ? { name: 'ERROR', words: 'missing or malformed JSON body' }
    : { name: 'INVALID_WEBHOOK', words: 'missing access token' };
}

/** DingTalk: at most 20 messages per minute per robot; beyond, 130101 and a 10-minute throttle. */
export const dingtalkVendor = resultCodeVendor({
  namespace: 'DINGTALK',
  title: 'DingTalk robot',
  codeName: 'errcode',
  messageName: 'errmsg',
  windows: [{ limit: 20, windowMs: 60_000 }],
  // 630 s in all: outlasts the 10-minute throttle that follows an excess.
  backoffMs: [30_000, 120_000, 480_000],
  codes: CODES,
  classify,
});
