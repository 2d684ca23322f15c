import { describe, expect, it } from 'vitest';
import { alteredInputParts } from './replay-input.js';

describe('alteredInputParts', () => {
  it.each([
    ['a plain input', { payload: { a: 1, text: 'fine' }, attributes: { headers: { 'x-y': 'z' } } }, []],
    [
      'a redacted header',
      { payload: {}, attributes: { headers: { authorization: '[redacted]' } } },
      [{ pointer: '/attributes/headers/authorization', reason: 'redacted' }],
    ],
    ['a secret redacted inside a string', { payload: { url: 'https://x/?key=[redacted]' } }, [{ pointer: '/payload/url', reason: 'redacted' }]],
    [
      'a value cut to a preview',
      { payload: { big: { truncated: true, size: 9000, preview: '{"a' } } },
      [{ pointer: '/payload/big', reason: 'truncated' }],
    ],
    ['an object that only looks cut', { payload: { truncated: true } }, []],
    ['a key needing escapes', { payload: { 'a/b': '[redacted]' } }, [{ pointer: '/payload/a~1b', reason: 'redacted' }]],
  ])('%s', (_name, input, expected) => {
    expect(alteredInputParts(input as never)).toEqual(expected);
  });
});
