import { describe, expect, it } from 'vitest';
import { mediaType, parseBody } from './body.js';

describe('parseBody', () => {
  it.each([
    ['JSON', 'application/json', '{"a":[1]}', { a: [1] }],
    ['+json', 'application/cloudevents+json; charset=utf-8', '{"id":"e"}', { id: 'e' }],
    ['text', 'text/plain', 'hello', 'hello'],
    ['latin-1 text', 'text/plain; charset=ISO-8859-1', Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'café'],
    ['XML', 'application/xml', '<a/>', '<a/>'],
    ['a form', 'application/x-www-form-urlencoded', 'a=1&b=x+y&a=2', { a: ['1', '2'], b: 'x y' }],
    ['an empty body', 'application/json', '', null],
  ])('parses %s', (_name, type, body, payload) => {
    expect(parseBody(Buffer.from(body), type).payload).toEqual(payload);
  });

  it.each([['application/octet-stream'], ['image/png'], [undefined]])('keeps %s bytes as base64', (type) => {
    expect(parseBody(Buffer.from([255, 0, 1]), type)).toEqual({ payload: '/wAB', encoding: 'base64' });
  });

  it.each([['{"a":'], ['{a:1}'], ['[1,]']])('refuses malformed JSON %j with HTTP:BAD_REQUEST', (text) => {
    expect(() => parseBody(Buffer.from(text), 'application/json')).toThrow(
      expect.objectContaining({
        type: 'HTTP:BAD_REQUEST',
        message: expect.stringMatching(/^malformed JSON body: /),
      }),
    );
  });

  // The body is parsed before its depth is checked: the refusal must still name the first place in the text.
  it.each([
    ['a valid body', '{"a":[[1]],"b":[[[2]]],"c":[[[3]]]}', '/b/0/0'],
    ['a malformed body', '{"a":[[[2]]],', '/a/0/0'],
  ])('refuses %s nesting past the limit with HTTP:BAD_REQUEST naming where', (_name, text, pointer) => {
    expect(() => parseBody(Buffer.from(text), 'application/json', 3)).toThrow(
      expect.objectContaining({
        type: 'HTTP:BAD_REQUEST',
        message: expect.stringMatching(/^the JSON body is too deeply nested: /),
        details: { pointer, limit: 3 },
      }),
    );
  });

  it('parses a body nested exactly to the limit', () => {
    expect(parseBody(Buffer.from('{"a":[[1]]}'), 'application/json', 3).payload).toEqual({ a: [[1]] });
  });

  it('reads media types without parameters, in lower case', () => {
    expect(mediaType(' Application/JSON ; charset=utf-8')).toBe('application/json');
    expect(mediaType(undefined)).toBe('');
  });
});
