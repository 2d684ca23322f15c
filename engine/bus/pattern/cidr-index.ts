/**
 * @module CIDR index: one hash lookup per distinct prefix length in use, on the address with its host
 * bits cleared. IPv4 blocks live in one map per prefix length keyed by the masked address as a small
 * integer (read from the text without allocating); IPv6 blocks are keyed by a string.
 */
import { type CidrBlock, masksFor, parseIp, parseIpv4 } from './cidr.js';
import { addSlot, removeSlot, type SlotSink, type Slots } from './slot-lists.js';

/** The lookup key of an IPv6 address cut to `bits`. */
function ipv6Key(words: readonly number[], masks: readonly number[], bits: number): string {
  let key = `${bits}/`;
  for (let index = 0; index < words.length; index++) key += `${(words[index]! & masks[index]!) >>> 0}:`;
  return key;
}

interface Ipv4Length {
  bits: number;
  mask: number;
  /** By the masked address as a signed 32-bit integer (a small integer for V8, so the lookup allocates nothing). */
  byKey: Map<number, Slots<unknown>>;
}

interface Ipv6Length {
  bits: number;
  masks: number[];
  uses: number;
}

/** Finds the registered CIDR blocks that hold an address. */
export class CidrIndex<S> {
  private ipv4: Ipv4Length[] = [];
  private readonly ipv6Keys = new Map<string, Slots<S>>();
  private readonly ipv6: Ipv6Length[] = [];

  add(block: CidrBlock, slot: S): void {
    if (block.network.length === 1) {
      let length = this.ipv4.find((known) => known.bits === block.bits);
      if (!length) {
        length = { bits: block.bits, mask: block.masks[0]! | 0, byKey: new Map() };
        this.ipv4 = [...this.ipv4, length];
      }
      addSlot(length.byKey as Map<number, Slots<S>>, block.network[0]! | 0, slot);
      return;
    }
    addSlot(this.ipv6Keys, ipv6Key(block.network, block.masks, block.bits), slot);
    const known = this.ipv6.find((length) => length.bits === block.bits);
    if (known) known.uses++;
    else this.ipv6.push({ bits: block.bits, masks: masksFor(block.bits, block.network.length), uses: 1 });
  }

  remove(block: CidrBlock, slot: S): void {
    if (block.network.length === 1) {
      const length = this.ipv4.find((known) => known.bits === block.bits);
      if (!length) return;
      removeSlot(length.byKey as Map<number, Slots<S>>, block.network[0]! | 0, slot);
      if (length.byKey.size === 0) this.ipv4 = this.ipv4.filter((known) => known !== length);
      return;
    }
    removeSlot(this.ipv6Keys, ipv6Key(block.network, block.masks, block.bits), slot);
    const index = this.ipv6.findIndex((length) => length.bits === block.bits);
    if (index !== -1 && --this.ipv6[index]!.uses === 0) this.ipv6.splice(index, 1);
  }

  /** Marks the slots of every block holding the address in `value` (nothing when it is not an address). */
  find(value: string, sink: SlotSink<S>): void {
    const ipv4 = this.ipv4;
    if (ipv4.length > 0) {
      const address = parseIpv4(value);
      if (address !== -1) {
        for (let index = 0; index < ipv4.length; index++) {
          const length = ipv4[index]!;
          const slots = length.byKey.get(address & length.mask) as Slots<S> | undefined;
          if (slots !== undefined) sink.mark(slots);
        }
        return;
      }
    }
    if (this.ipv6.length === 0) return;
    const address = parseIp(value);
    if (!address || address.length !== 4) return;
    for (let index = 0; index < this.ipv6.length; index++) {
      const { bits, masks } = this.ipv6[index]!;
      const slots = this.ipv6Keys.get(ipv6Key(address, masks, bits));
      if (slots !== undefined) sink.mark(slots);
    }
  }
}
