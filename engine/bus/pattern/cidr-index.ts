/**
 * @module CIDR index: one hash lookup per distinct prefix length in use, on the address with its host
 * bits cleared (a number key for IPv4, a string key for IPv6).
 */
import { type CidrBlock, masksFor, parseIp } from './cidr.js';
import { addSlot, removeSlot, type SlotSink, type Slots } from './slot-lists.js';

/** The lookup key of an address cut to `bits`: a number for IPv4, a string for IPv6. */
function keyOf(words: readonly number[], masks: readonly number[], bits: number): number | string {
  if (words.length === 1) return ((words[0]! & masks[0]!) >>> 0) * 64 + bits;
  let key = `${bits}/`;
  for (let index = 0; index < words.length; index++) key += `${(words[index]! & masks[index]!) >>> 0}:`;
  return key;
}

interface Length {
  bits: number;
  masks: number[];
  uses: number;
}

/** Finds the registered CIDR blocks that hold an address. */
export class CidrIndex<S> {
  private readonly byKey = new Map<number | string, Slots<S>>();
  /** Prefix lengths in use for IPv4 (index 1) and IPv6 (index 4), by address size in words. */
  private readonly lengths: Array<Length[]> = [[], [], [], [], []];

  add(block: CidrBlock, slot: S): void {
    addSlot(this.byKey, keyOf(block.network, block.masks, block.bits), slot);
    const lengths = this.lengths[block.network.length]!;
    const known = lengths.find((length) => length.bits === block.bits);
    if (known) known.uses++;
    else lengths.push({ bits: block.bits, masks: masksFor(block.bits, block.network.length), uses: 1 });
  }

  remove(block: CidrBlock, slot: S): void {
    removeSlot(this.byKey, keyOf(block.network, block.masks, block.bits), slot);
    const lengths = this.lengths[block.network.length]!;
    const index = lengths.findIndex((length) => length.bits === block.bits);
    if (index !== -1 && --lengths[index]!.uses === 0) lengths.splice(index, 1);
  }

  /** Marks the slots of every block holding the address in `value` (nothing when it is not an address). */
  find(value: string, sink: SlotSink<S>): void {
    const address = parseIp(value);
    if (!address) return;
    const lengths = this.lengths[address.length]!;
    for (let index = 0; index < lengths.length; index++) {
      const { bits, masks } = lengths[index]!;
      const slots = this.byKey.get(keyOf(address, masks, bits));
      if (slots !== undefined) sink.mark(slots);
    }
  }
}
