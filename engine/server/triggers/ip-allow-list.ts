/**
 * @module IP allow-lists of HTTP triggers: addresses and CIDR ranges, IPv4 and IPv6, parsed once.
 */
import ipaddr from 'ipaddr.js';
import { FlowbusError } from '../../core/errors.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Decides whether a caller's address may call a trigger. */
export interface IpAllowList {
  allows(address: string | undefined): boolean;
}

function parseEntry(entry: string): [Address, number] {
  if (entry.includes('/')) return ipaddr.parseCIDR(entry);
  const address = ipaddr.parse(entry);
  return [address, address.kind() === 'ipv4' ? 32 : 128];
}

/**
 * Compiles an allow-list; throws `VALIDATION` naming the first bad entry. An IPv4-mapped IPv6 caller
 * (`::ffff:10.0.0.1`) is matched as its IPv4 address.
 *
 * @example
 * compileIpAllowList(['10.0.0.0/8', '::1']).allows('::ffff:10.1.2.3'); // true
 */
export function compileIpAllowList(entries: readonly string[]): IpAllowList {
  const ranges = entries.map((entry, index) => {
    try {
      return parseEntry(entry.trim());
    } catch {
      const message = `ipAllowList[${index}] "${entry}" is not an IP address or CIDR range`;
      throw new FlowbusError('VALIDATION', message, { pointer: `/trigger/config/ipAllowList/${index}` });
    }
  });
  return {
    allows(address) {
      if (!address) return false;
      let parsed: Address;
      try {
        parsed = ipaddr.process(address);
      } catch {
        return false;
      }
      return ranges.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits));
    },
  };
}
