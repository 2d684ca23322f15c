import { describe, expect, it } from 'vitest';
import { dingtalkSignature, signDingtalkUrl } from './sign.js';

// Computed independently (Python hmac/hashlib/base64) from the vendor's description.
const VECTOR = {
  secret: 'SEC0123456789abcdef',
  timestamp: 1700000000000,
  sign: 'TSZbRFUuvaSQaRKUpF970OPCb2/LcQAP3wOvwZIzBZk=',
};

describe('DingTalk signing', () => {
  it('signs timestamp + "\\n" + secret keyed by the secret', () => {
    expect(dingtalkSignature(VECTOR.secret, VECTOR.timestamp)).toBe(VECTOR.sign);
  });

  it('appends the millisecond timestamp and the URL-encoded sign, keeping the access token', () => {
    const webhook = new URL('https://oapi.dingtalk.com/robot/send?access_token=abc');
    const url = signDingtalkUrl(webhook, VECTOR.secret, VECTOR.timestamp);
    const sign = encodeURIComponent(VECTOR.sign);
    expect(url.search).toBe(`?access_token=abc&timestamp=1700000000000&sign=${sign}`);
    expect(url.search).not.toMatch(/[+/]|=$/);
    expect(webhook.search).toBe('?access_token=abc');
  });
});
