/**
 * @module What is particular to WeCom group robots: connection type, rate limit, result codes.
 */
import { webhookConnectionType } from '../shared/config.js';
import { resultCodeVendor, type ResultMeaning, type VendorResult } from '../shared/robot-vendor.js';

/** Step type and connection type id. */
export const WECOM_ROBOT_TYPE = 'wecom-robot';

/** A WeCom robot connection: the webhook URL, whose `key` is the secret. */
export const wecomRobotConnection = webhookConnectionType({
  type: WECOM_ROBOT_TYPE,
  title: 'WeCom group robot',
  description: 'A WeCom (企业微信) group robot webhook. The key in its URL is the secret: it lets anyone post.',
  webhookExample: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=...',
});

const CODES: Record<number, ResultMeaning> = {
  45009: { name: 'RATE_LIMITED', words: 'rate limited' },
  93000: { name: 'INVALID_WEBHOOK', words: 'invalid webhook URL' },
};

/** 40058 is "invalid request parameter"; the vendor says which in its message. */
function classify(result: VendorResult): ResultMeaning | undefined {
  if (result.code === 40058 && /exceed max length/i.test(result.message)) {
    return { name: 'TOO_LARGE', words: 'content too long' };
  }
  return undefined;
}

/** WeCom: at most 20 messages per minute per robot; 45009 means "too fast". */
export const wecomVendor = resultCodeVendor({
  namespace: 'WECOM',
  title: 'WeCom robot',
  codeName: 'errcode',
  messageName: 'errmsg',
  windows: [{ limit: 20, windowMs: 60_000 }],
  // 105 s in all: longer than the rolling minute, so the sends that filled it have left it.
  backoffMs: [15_000, 30_000, 60_000],
  codes: CODES,
  classify,
});
