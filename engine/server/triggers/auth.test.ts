import { createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { challenge, checkHeaderAuth, checkHmac, safeEqual, type TriggerAuth } from './auth.js';

const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;
const auth = (type: TriggerAuth['type']): TriggerAuth => ({ type, connection: 'c', header: 'x-signature' });
const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

describe('trigger auth checks', () => {
  it('compares strings of any lengths', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
  });

  it.each([
    ['right', basic('u:p:w'), true],
    ['wrong password', basic('u:p'), false],
    ['wrong user', basic('x:p:w'), false],
    ['no colon', basic('u'), false],
    ['lower-case scheme', basic('u:p:w').replace('Basic', 'basic'), true],
    ['other scheme', 'Bearer u:p:w', false],
  ])('Basic: %s', (_name, header, ok) => {
    const credentials = { username: 'u', password: 'p:w' };
    expect(checkHeaderAuth(auth('basic'), request({ authorization: header }), credentials)).toBe(ok);
  });

  it.each([
    ['right', 'Bearer t0k', { token: 't0k' }, true],
    ['wrong', 'Bearer t0', { token: 't0k' }, false],
    ['missing', undefined, { token: 't0k' }, false],
    ['no token configured', 'Bearer ', {}, false],
    ['an empty token configured', 'Bearer ', { token: '' }, false],
  ])('bearer: %s', (_name, header, credentials, ok) => {
    const headers: Record<string, string> = header === undefined ? {} : { authorization: header };
    expect(checkHeaderAuth(auth('bearer'), request(headers), credentials)).toBe(ok);
  });

  it('refuses Basic when the connection lacks a field', () => {
    const incomplete = { username: 'u' };
    expect(checkHeaderAuth(auth('basic'), request({ authorization: basic('u:') }), incomplete)).toBe(false);
  });

  it('checks an HMAC signature of the exact bytes', () => {
    const body = Buffer.from('{"a":1}');
    const signature = createHmac('sha256', 's3').update(body).digest('hex');
    const check = (value: string, secret: unknown = 's3', bytes = body) =>
      checkHmac(auth('hmac'), request({ 'x-signature': value }), bytes, { secret });
    expect(check(signature)).toBe(true);
    expect(check(`sha256=${signature}`)).toBe(true);
    expect(check(signature, 's3', Buffer.from('{"a": 1}'))).toBe(false);
    expect(check(signature, 'other')).toBe(false);
    expect(check(signature, '')).toBe(false);
    expect(check('')).toBe(false);
  });

  it('challenges Basic and bearer callers only', () => {
    expect(challenge(auth('basic'))).toMatch(/^Basic/);
    expect(challenge(auth('bearer'))).toMatch(/^Bearer/);
    expect(challenge(auth('hmac'))).toBeUndefined();
  });
});
