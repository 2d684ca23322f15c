/**
 * @module IP addresses and CIDR blocks (IPv4 and IPv6) for the `cidr` operator, parsed strictly with ipaddr.js.
 */
import ipaddr from 'ipaddr.js';

/** An address as 32-bit words: one word for IPv4, four for IPv6. */
type Words = number[];

/** What ipaddr.js reads more leniently than an event field should be: more than 4 hex digits, a zone index. */
const IPV6_STRICT_GROUP = /^[0-9a-fA-F]{0,4}$/;

const ZERO = 48;
const DOT = 46;

/**
 * Reads a dotted-quad IPv4 address (four decimal octets 0–255 without leading zeros, what ipaddr.js's
 * `isValidFourPartDecimal` accepts) in one pass over the characters, without a regex, substrings or
 * objects: the matcher parses every event value a `cidr` rule looks at.
 *
 * @returns the address as an unsigned 32-bit number, or -1 when the text is not one
 */
export function parseIpv4(text: string): number {
  const length = text.length;
  if (length < 7 || length > 15) return -1;
  let address = 0;
  let octet = 0;
  let digits = 0;
  let parts = 0;
  for (let index = 0; index <= length; index++) {
    const code = index < length ? text.charCodeAt(index) : DOT;
    if (code === DOT) {
      if (digits === 0 || parts === 4) return -1;
      address = address * 256 + octet;
      parts++;
      octet = 0;
      digits = 0;
      continue;
    }
    const digit = code - ZERO;
    // a leading zero is only allowed as the whole octet
    if (digit < 0 || digit > 9 || (digits === 1 && octet === 0)) return -1;
    octet = octet * 10 + digit;
    if (++digits > 3 || octet > 255) return -1;
  }
  return parts === 4 ? address : -1;
}

/** Parses an IPv4 (dotted quad, no leading zeros) or IPv6 address (with ipaddr.js); undefined when it is not one. */
export function parseIp(text: string): Words | undefined {
  if (text.length > 45) return undefined;
  if (!text.includes(':')) {
    const address = parseIpv4(text);
    return address === -1 ? undefined : [address];
  }
  if (!hasStrictIpv6Groups(text) || !ipaddr.IPv6.isValid(text)) return undefined;
  return wordsOf(ipaddr.IPv6.parse(text).toByteArray());
}

/** Every group 1–4 hex digits (empty beside `::`), an IPv4 tail only last and only as a dotted quad. */
function hasStrictIpv6Groups(text: string): boolean {
  const groups = text.split(':');
  const last = groups.length - 1;
  return groups.every((group, index) => {
    if (index === last && group.includes('.')) return parseIpv4(group) !== -1;
    return IPV6_STRICT_GROUP.test(group);
  });
}

function wordsOf(bytes: number[]): Words {
  const words: Words = [];
  for (let index = 0; index < bytes.length; index += 4) {
    const [first, second, third, fourth] = bytes.slice(index, index + 4) as [number, number, number, number];
    words.push(((first << 24) | (second << 16) | (third << 8) | fourth) >>> 0);
  }
  return words;
}

/** A CIDR block ready to test addresses against. */
export interface CidrBlock {
  /** The prefix length. */
  bits: number;
  /** The network address with the host bits cleared. */
  network: Words;
  /** Per-word masks. */
  masks: Words;
}

/** Per-word masks keeping the first `bits` bits of an address of `wordCount` words. */
export function masksFor(bits: number, wordCount: number): Words {
  const masks: Words = [];
  for (let index = 0; index < wordCount; index++) {
    const take = Math.max(0, Math.min(32, bits - index * 32));
    masks.push(take === 0 ? 0 : take === 32 ? 0xffffffff : (0xffffffff << (32 - take)) >>> 0);
  }
  return masks;
}

/**
 * Parses `address/bits`, or a bare address meaning that one host.
 *
 * @returns the block, or a message saying what is wrong
 */
export function parseCidr(text: string): CidrBlock | string {
  const slash = text.indexOf('/');
  const address = parseIp(slash === -1 ? text : text.slice(0, slash));
  if (!address) return `"${text}" is not an IPv4 or IPv6 address or CIDR block`;
  const maxBits = address.length * 32;
  const bitsText = slash === -1 ? String(maxBits) : text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bitsText) || Number(bitsText) > maxBits) {
    return `prefix length in "${text}" must be a whole number from 0 to ${maxBits}`;
  }
  const bits = Number(bitsText);
  const masks = masksFor(bits, address.length);
  return { bits, network: address.map((word, index) => (word & masks[index]!) >>> 0), masks };
}

/** Whether a string value is an address inside the block (IPv4 and IPv6 never match each other). */
export function cidrContains(block: CidrBlock, value: string): boolean {
  const address = parseIp(value);
  if (!address || address.length !== block.network.length) return false;
  for (let index = 0; index < address.length; index++) {
    if ((address[index]! & block.masks[index]!) >>> 0 !== block.network[index]) return false;
  }
  return true;
}
