import { describe, expect, it } from 'vitest';
import { createRedactor, redact, REDACTED, webhookSecrets } from './redact.js';

describe('createRedactor', () => {
  it('does nothing until it knows a secret', () => {
    const redactor = createRedactor();
    const value = { a: 'token-1234' };
    expect(redactor.active).toBe(false);
    expect(redactor.redactValue(value)).toBe(value);
    expect(redactor.redactText('token-1234')).toBe('token-1234');
  });

  it('replaces secrets inside nested strings and leaves the original untouched', () => {
    const redactor = createRedactor();
    redactor.setSecrets(['s3cr3t', 'hook-key-99']);
    const list = ['ok', 'url?key=hook-key-99'];
    const value = { headers: { auth: 'Bearer s3cr3t' }, list, n: 5, none: null };
    const redacted = redactor.redactValue(value);
    expect(redacted).toEqual({
      headers: { auth: `Bearer ${REDACTED}` },
      list: ['ok', `url?key=${REDACTED}`],
      n: 5,
      none: null,
    });
    expect(value.headers.auth).toBe('Bearer s3cr3t');
  });

  it('returns the same object when nothing matched', () => {
    const redactor = createRedactor();
    redactor.setSecrets(['s3cr3t']);
    const value = { a: ['b', { c: 'd' }] };
    expect(redactor.redactValue(value)).toBe(value);
  });

  it('replaces a longer secret whole when it contains a shorter one', () => {
    const redactor = createRedactor();
    redactor.setSecrets(['abcd', 'abcdefgh']);
    expect(redactor.redactText('x abcdefgh y')).toBe(`x ${REDACTED} y`);
  });

  it.each([[''], ['a'], ['abc']])('ignores a secret too short to redact: %j', (secret) => {
    const redactor = createRedactor();
    redactor.setSecrets([secret]);
    expect(redactor.active).toBe(false);
  });

  it('treats regular expression characters literally', () => {
    const redactor = createRedactor();
    redactor.setSecrets(['a.b*c+(d)']);
    expect(redactor.redactText('a.b*c+(d) aXbbc')).toBe(`${REDACTED} aXbbc`);
  });

  // Regression: an object shared by a step trace and the result was redacted in the first place only.
  it('redacts an object shared by two places in both', () => {
    const redactor = createRedactor();
    redactor.setSecrets(['s3cr3t']);
    const shared = { token: 's3cr3t' };
    const redacted = redactor.redactValue({ steps: [{ vars: shared }], result: { vars: shared } });
    const vars = { token: REDACTED };
    expect(redacted).toEqual({ steps: [{ vars }], result: { vars } });
  });

  it('replaces the URL-encoded and form-encoded forms of a secret', () => {
    const redactor = createRedactor();
    redactor.setSecrets(['SECa+b/c= d']);
    const text = 'url ?sign=SECa%2Bb%2Fc%3D%20d form sign=SECa%2Bb%2Fc%3D+d raw SECa+b/c= d';
    expect(redactor.redactText(text)).toBe(`url ?sign=${REDACTED} form sign=${REDACTED} raw ${REDACTED}`);
  });

  it('survives cycles', () => {
    const redactor = createRedactor();
    redactor.setSecrets(['s3cr3t']);
    const value: Record<string, unknown> = { s: 's3cr3t' };
    value.self = value;
    expect((redactor.redactValue(value) as Record<string, unknown>).s).toBe(REDACTED);
  });
});

describe('redact', () => {
  it.each([
    { name: 'raw', text: 'bad key abc123', secret: 'abc123', expected: `bad key ${REDACTED}` },
    { name: 'URL-encoded', text: 'sign=SECa%2Bb%2Fc%3D', secret: 'SECa+b/c=', expected: `sign=${REDACTED}` },
    { name: 'JSON-escaped', text: '{"pass":"p\\"w\\\\d"}', secret: 'p"w\\d', expected: `{"pass":"${REDACTED}"}` },
    { name: 'too short to redact', text: 'a b c', secret: 'a', expected: 'a b c' },
  ])('masks a secret written $name', ({ text, secret, expected }) => {
    expect(redact(text, [secret])).toBe(expected);
  });

  it('leaves text without secrets as it is', () => {
    expect(redact('nothing here', [])).toBe('nothing here');
  });
});

describe('webhookSecrets', () => {
  const masked = (url: string, text: string) => redact(text, webhookSecrets(new URL(url)));

  it.each([
    { url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx', secret: '693a91f6-7xxx' },
    { url: 'https://oapi.dingtalk.com/robot/send?access_token=abc123456789', secret: 'abc123456789' },
    {
      url: 'https://open.feishu.cn/open-apis/bot/v2/hook/2bd4f3b1-0000-1111-2222-333344445555',
      secret: '2bd4f3b1-0000-1111-2222-333344445555',
    },
  ])('finds the token of $url, and no word of its path', ({ url, secret }) => {
    const secrets = webhookSecrets(new URL(url));
    expect(secrets).toContain(secret);
    expect(secrets).toContain(new URL(url).href);
    expect(secrets).not.toContain('open-apis');
    expect(masked(url, `the robot said: invalid token ${secret}`)).toBe(`the robot said: invalid token ${REDACTED}`);
  });

  it('masks a query value however the message writes it: decoded, encoded as in the URL, or re-encoded', () => {
    const url = 'https://hooks.example.com/send?key=a%2fb%2Bc%3D1234&timestamp=1700000000000&sign=xy+zw';
    expect(masked(url, 'as written: a%2fb%2Bc%3D1234')).toBe(`as written: ${REDACTED}`);
    expect(masked(url, 'decoded: a/b+c=1234')).toBe(`decoded: ${REDACTED}`);
    expect(masked(url, 'encoded: a%2Fb%2Bc%3D1234')).toBe(`encoded: ${REDACTED}`);
    expect(masked(url, 'sign: xy zw')).toBe(`sign: ${REDACTED}`);
  });

  it('masks a token in a path segment, as written and decoded', () => {
    const url = 'https://chat.example.com/v1/spaces/AAAA/messages/tok%3Aen-0123456789abcdef';
    expect(masked(url, 'path tok%3Aen-0123456789abcdef')).toBe(`path ${REDACTED}`);
    expect(masked(url, 'decoded tok:en-0123456789abcdef')).toBe(`decoded ${REDACTED}`);
    expect(masked(url, 'words: messages spaces')).toBe('words: messages spaces');
  });

  it('masks the whole URL as one', () => {
    const url = 'https://oapi.dingtalk.com/robot/send?access_token=abc123456789';
    expect(masked(url, `POST ${url} failed`)).toBe(`POST ${REDACTED} failed`);
  });
});
