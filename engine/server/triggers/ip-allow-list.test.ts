import { describe, expect, it } from 'vitest';
import { compileIpAllowList } from './ip-allow-list.js';

describe('compileIpAllowList', () => {
  const list = compileIpAllowList(['10.0.0.0/8', '192.168.1.7', '2001:db8::/32', '::1']);

  it.each([
    ['10.1.2.3', true],
    ['::ffff:10.1.2.3', true],
    ['192.168.1.7', true],
    ['192.168.1.8', false],
    ['2001:db8:1::5', true],
    ['2001:db9::1', false],
    ['::1', true],
    ['127.0.0.1', false],
    ['not an address', false],
    [undefined, false],
  ])('%s allowed: %s', (address, allowed) => {
    expect(list.allows(address)).toBe(allowed);
  });

  it.each([['10.0.0.0/40'], ['300.1.1.1'], ['fe80::zz'], ['']])('refuses the entry %j', (entry) => {
    expect(() => compileIpAllowList(['127.0.0.1', entry])).toThrow(
      expect.objectContaining({ type: 'VALIDATION', message: expect.stringContaining('ipAllowList[1]') }),
    );
  });
});
