import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { feishuSignature, feishuSignatureFields } from './sign.js';

describe('Feishu signing', () => {
  it('matches the vendor test vector: secret demo, timestamp 1599360473', () => {
    expect(feishuSignature('demo', 1599360473)).toBe('l1N0gAcBjdwBvGm1xMjOF0XSyaLRpR7tuO5dHfhAYc8=');
  });

  it("is not DingTalk's order (key = secret over timestamp + secret), the classic 19021 mistake", () => {
    const dingtalkOrder = createHmac('sha256', 'demo').update('1599360473\ndemo').digest('base64');
    expect(feishuSignature('demo', 1599360473)).not.toBe(dingtalkOrder);
  });

  it('puts the timestamp in whole seconds, as a string', () => {
    expect(feishuSignatureFields('demo', 1599360473_999)).toEqual({
      timestamp: '1599360473',
      sign: 'l1N0gAcBjdwBvGm1xMjOF0XSyaLRpR7tuO5dHfhAYc8=',
    });
  });
});
