import { describe, expect, it } from 'vitest';
import { createHostPolicy, isLoopbackName, parseHostHeader, parseOrigin } from './host-policy.js';

describe('parseHostHeader', () => {
  it.each([
    ['127.0.0.1:8420', '127.0.0.1', '127.0.0.1:8420'],
    ['LocalHost:8420', 'localhost', 'localhost:8420'],
    ['[::1]:8420', '::1', '[::1]:8420'],
    ['flowbus.internal', 'flowbus.internal', 'flowbus.internal'],
    ['flowbus.internal:80', 'flowbus.internal', 'flowbus.internal'],
  ])('reads %s', (header, hostname, authority) => {
    expect(parseHostHeader(header)).toEqual({ hostname, authority });
  });

  it.each([
    ['a user part', 'evil.example@127.0.0.1'],
    ['a path', '127.0.0.1/x'],
    ['two values', '127.0.0.1, evil.example'],
    ['a bad port', '127.0.0.1:99999'],
    ['an empty value', ''],
    ['a space', 'local host'],
  ])('refuses a Host with %s', (_name, header) => {
    expect(parseHostHeader(header)).toBeUndefined();
  });
});

describe('parseOrigin', () => {
  it('reads an origin, leaving out the default port of its scheme', () => {
    expect(parseOrigin('http://127.0.0.1:8420')).toEqual({ hostname: '127.0.0.1', authority: '127.0.0.1:8420' });
    expect(parseOrigin('https://Flowbus.Internal:443')).toEqual({
      hostname: 'flowbus.internal',
      authority: 'flowbus.internal',
    });
  });

  it.each(['null', 'not an origin', 'file:///etc/passwd', 'http://user:pw@127.0.0.1'])('refuses %s', (value) => {
    expect(parseOrigin(value)).toBeUndefined();
  });
});

describe('isLoopbackName', () => {
  it.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['127.255.3.4', true],
    ['::1', true],
    ['127.0.0.256', false],
    ['localhost.', false],
    ['localhost.evil.example', false],
    ['127.0.0.1.evil.example', false],
    ['0.0.0.0', false],
    ['10.0.0.5', false],
  ])('%s: %s', (name, expected) => {
    expect(isLoopbackName(name)).toBe(expected);
  });
});

describe('createHostPolicy', () => {
  const policy = createHostPolicy({
    host: '10.0.0.5',
    allowedHosts: ['Flowbus.Internal', '.corp.example', '[fd00::7]', 'localhost'],
  });

  it.each([
    ['localhost', true, false],
    ['127.0.0.1', true, false],
    ['10.0.0.5', true, false],
    ['flowbus.internal', true, true],
    ['corp.example', true, true],
    ['ci.corp.example', true, true],
    ['fd00::7', true, true],
    ['evilcorp.example', false, false],
    ['flowbus.internal.evil.example', false, false],
    ['evil.example', false, false],
  ])('%s: allowed %s, explicitly %s', (name, allowed, explicit) => {
    expect(policy.allows(name)).toBe(allowed);
    expect(policy.isExplicitlyAllowed(name)).toBe(explicit);
  });
});
