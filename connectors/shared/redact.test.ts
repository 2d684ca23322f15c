import { describe, expect, it } from 'vitest';
import { redact, webhookSecrets } from './redact.js';

describe('redact', () => {
  it('masks each secret and its URL-encoded form', () => {
    const secret = 'SECa+b/c=';
    expect(redact(`sign ${secret} or ${encodeURIComponent(secret)}`, [secret])).toBe('sign *** or ***');
  });

  it('leaves very short values alone, so they do not shred the text', () => {
    expect(redact('a b c', ['a'])).toBe('a b c');
  });
});

describe('webhookSecrets', () => {
  it.each([
    { url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx', secret: '693a91f6-7xxx' },
    { url: 'https://oapi.dingtalk.com/robot/send?access_token=abc123456789', secret: 'abc123456789' },
    {
      url: 'https://open.feishu.cn/open-apis/bot/v2/hook/2bd4f3b1-0000-1111-2222-333344445555',
      secret: '2bd4f3b1-0000-1111-2222-333344445555',
    },
  ])('finds the token of $url', ({ url, secret }) => {
    const secrets = webhookSecrets(new URL(url));
    expect(secrets).toContain(secret);
    expect(secrets).toContain(new URL(url).href);
    expect(secrets).not.toContain('open-apis');
  });
});
