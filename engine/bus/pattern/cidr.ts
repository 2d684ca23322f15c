/**
 * @module IP addresses and CIDR blocks (IPv4 and IPv6) for the `cidr` operator, parsed strictly.
 */

/** An address as 32-bit words: one word for IPv4, four for IPv6. */
type Words = number[];

const IPV6_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** Dotted-quad IPv4 without leading zeros; a character loop, because events are parsed on the hot path. */
function parseIpv4(text: string): Words | undefined {
  let word = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let index = 0; index <= text.length; index++) {
    const code = index < text.length ? text.charCodeAt(index) : 0x2e;
    if (code >= 0x30 && code <= 0x39) {
      if (digits === 1 && octet === 0) return undefined;
      octet = octet * 10 + (code - 0x30);
      if (++digits > 3 || octet > 255) return undefined;
    } else if (code === 0x2e && digits > 0) {
      word = word * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else {
      return undefined;
    }
  }
  return dots === 4 ? [word] : undefined;
}

/** Parses the groups of one side of `::` into 16-bit numbers; a trailing dotted IPv4 counts as two groups. */
function parseGroups(text: string, allowIpv4Tail: boolean): number[] | undefined {
  if (text === '') return [];
  const groups: number[] = [];
  const parts = text.split(':');
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    if (allowIpv4Tail && index === parts.length - 1 && part.includes('.')) {
      const ipv4 = parseIpv4(part);
      if (!ipv4) return undefined;
      groups.push(Math.floor(ipv4[0]! / 65536), ipv4[0]! % 65536);
    } else if (IPV6_GROUP.test(part)) {
      groups.push(Number.parseInt(part, 16));
    } else {
      return undefined;
    }
  }
  return groups;
}

function parseIpv6(text: string): Words | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0]!, halves.length === 1);
  const tail = halves.length === 2 ? parseGroups(halves[1]!, true) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...new Array<number>(halves.length === 1 ? 0 : missing).fill(0), ...tail];
  const words: Words = [];
  for (let index = 0; index < 8; index += 2) words.push(groups[index]! * 65536 + groups[index + 1]!);
  return words;
}

/** Parses an IPv4 or IPv6 address; undefined when the text is not one. */
export function parseIp(text: string): Words | undefined {
  if (text.length > 45) return undefined;
  return text.includes(':') ? parseIpv6(text) : parseIpv4(text);
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
