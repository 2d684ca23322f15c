/**
 * @module What is particular to DingTalk custom robots: connection type, rate limit, result codes.
 */
import { isPlainObject, type ConnectionTypeDefinition } from '../../engine/sdk.js';
import { resultCodeVendor, type VendorResult } from '../shared/robot-vendor.js';

/** Step type and connection type id. */
export const DINGTALK_ROBOT_TYPE = 'dingtalk-robot';

/** A DingTalk robot connection: the webhook URL (with its access token) and the signing secret, if set. */
export const dingtalkRobotConnection: ConnectionTypeDefinition = {
  type: DINGTALK_ROBOT_TYPE,
  title: 'DingTalk custom robot',
  description: 'A DingTalk (钉钉) custom robot webhook, with the secret when the robot has signing (加签) on.',
  schema: {
    type: 'object',
    properties: {
      webhook: {
        type: 'string',
        title: 'Webhook URL',
        description: 'The full URL, e.g. `https://oapi.dingtalk.com/robot/send?access_token=...`.',
        'x-secret': true,
      },
      secret: {
        type: 'string',
        title: 'Signing secret',
        description: 'The secret shown when signing is on; it starts with `SEC`. Empty without signing.',
        pattern: '^SEC',
        'x-secret': true,
      },
    },
    required: ['webhook'],
    additionalProperties: false,
  },
};

function classifySecurity(message: string): { name: string; words: string } {
  if (/keyword/i.test(message)) return { name: 'KEYWORDS', words: 'no keyword of the robot in the message' };
  if (/sign|timestamp/i.test(message)) return { name: 'SIGNATURE', words: 'signature or timestamp rejected' };
  if (/whitelist|\bip\b/i.test(message)) return { name: 'IP_NOT_ALLOWED', words: 'this IP is not allowed' };
  return { name: 'ERROR', words: 'security check failed' };
}

function classify(result: VendorResult): { name: string; words: string } {
  switch (result.code) {
    case 310000:
      return classifySecurity(result.message);
    case 130101:
      return { name: 'RATE_LIMITED', words: 'rate limited' };
    case 300001:
    case 300005:
      return { name: 'INVALID_WEBHOOK', words: 'access token does not exist' };
    case 40035:
      // "Missing parameter": the access token, or the JSON body.
      return /json/i.test(result.message)
        ? { name: 'ERROR', words: 'missing or malformed JSON body' }
        : { name: 'INVALID_WEBHOOK', words: 'missing access token' };
    default:
      return { name: 'ERROR', words: 'refused' };
  }
}

function readResult(answer: unknown): VendorResult | undefined {
  if (!isPlainObject(answer) || typeof answer.errcode !== 'number') return undefined;
  return { code: answer.errcode, message: typeof answer.errmsg === 'string' ? answer.errmsg : '' };
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
  readResult,
  classify,
});
