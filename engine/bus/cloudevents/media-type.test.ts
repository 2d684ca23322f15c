/**
 * @module Tests of Content-Type parsing and the JSON and text media type checks.
 */
import { describe, expect, it } from 'vitest';
import { declaresJson, isJsonMediaType, isTextMediaType, parseMediaType } from './media-type.js';

describe('parseMediaType', () => {
  it.each([
    ['Application/CloudEvents+JSON; Charset=UTF-8', 'application/cloudevents+json', { charset: 'UTF-8' }],
    ['text/plain', 'text/plain', {}],
    [' text/plain ; charset="utf-8" ', 'text/plain', { charset: 'utf-8' }],
    ['text/plain; name="a;b"; x=1', 'text/plain', { name: 'a;b', x: '1' }],
    ['application/json;', 'application/json', {}],
  ])('reads %j', (value, essence, parameters) => {
    expect(parseMediaType(value)).toMatchObject({ essence, parameters });
  });

  it.each(['', 'json', 'application/', '/json', 'a/b/c', 'text plain/x', 'text/plain; na me=1'])(
    'refuses %j',
    (value) => {
      expect(parseMediaType(value)).toBeUndefined();
    },
  );

  it('tells JSON and text content apart', () => {
    const media = (value: string) => parseMediaType(value)!;
    expect(isJsonMediaType(media('application/vnd.api+json'))).toBe(true);
    expect(isJsonMediaType(media('text/json'))).toBe(true);
    expect(isJsonMediaType(media('application/xml'))).toBe(false);
    expect(isTextMediaType(media('application/atom+xml'))).toBe(true);
    expect(isTextMediaType(media('application/x-www-form-urlencoded'))).toBe(true);
    expect(isTextMediaType(media('application/octet-stream'))).toBe(false);
    expect(declaresJson(undefined)).toBe(true);
    expect(declaresJson('application/json; charset=utf-8')).toBe(true);
    expect(declaresJson('not a type')).toBe(false);
  });
});
