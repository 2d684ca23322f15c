/**
 * @module Tests of the HTTP trigger schema: path and address patterns, defaults.
 */
import { describe, expect, it } from 'vitest';
import { HTTP_PATH_PATTERN, IP_OR_CIDR_PATTERN, httpTrigger } from './index.js';

const path = new RegExp(HTTP_PATH_PATTERN);
const address = new RegExp(IP_OR_CIDR_PATTERN);

describe('http trigger path pattern', () => {
  it.each(['/', '/alarms', '/orders/{orderId}', '/a/{x}/b/{y_2}', '/files/*', '/*', '/v1.2/ok~x-y_z'])(
    'accepts %s',
    (value) => expect(path.test(value)).toBe(true),
  );

  it.each([
    ['no leading slash', 'alarms'],
    ['empty', ''],
    ['a star not at the end', '/a/*/b'],
    ['a star inside a segment', '/a*'],
    ['a parameter inside a segment', '/file-{id}'],
    ['an unnamed parameter', '/a/{}'],
    ['a parameter starting with a digit', '/a/{1x}'],
    ['a double slash', '/a//b'],
    ['a trailing slash', '/a/'],
    ['a dot segment', '/a/../b'],
    ['a query string', '/a?x=1'],
    ['an express-style parameter', '/a/:id'],
    ['a space', '/a b'],
  ])('rejects %s', (_, value) => expect(path.test(value)).toBe(false));
});

describe('http trigger config', () => {
  it('defaults to POST, sync 200 answers and no auth', () => {
    const properties = httpTrigger.config.properties!;
    expect(properties.methods.default).toEqual(['POST']);
    expect(properties.response.properties!.mode.default).toBe('sync');
    expect(properties.response.properties!.status.default).toBe(200);
    expect(properties.auth.properties!.type.default).toBe('none');
    expect(properties.auth.properties!.header.default).toBe('X-Signature');
    expect(properties.auth.properties!.connection['x-connection']).toBe('http-auth');
  });

  it.each(['10.0.0.1', '10.0.0.0/8', '::1', '2001:db8::/32', '::ffff:192.0.2.1'])('allows %s', (value) =>
    expect(address.test(value)).toBe(true),
  );

  it.each(['example.com', '10.0.0.0/', '10.0.0.0/1234', ''])('rejects the address %j', (v) =>
    expect(address.test(v)).toBe(false),
  );
});
