/**
 * @module Prefix and suffix index: one lookup per distinct prefix (or suffix) length in use. A value's
 * prefixes are hashed as its characters are read, so a lookup cuts no substring (no allocation, no
 * garbage per event); a text whose hash fits is then compared for real. Wildcards can be filed under
 * their literal beginning (or end) in the same index as an edge's prefixes (or suffixes), so that one
 * pass over a value's characters and one lookup per length serve both.
 */
import type { SlotSink } from './slot-lists.js';
import { type Wildcard, wildcardMatches } from './wildcard.js';

/** A wildcard filed under its literal beginning or end, and the slot it leads to. */
interface WildcardSlot<S> {
  wildcard: Wildcard;
  slot: S;
}

/** One registered text, the slots registered under it, and the wildcards to test when it fits. */
interface Entry<S> {
  text: string;
  slots: S[];
  wildcards: Array<WildcardSlot<S>>;
}

/** The hash of one more character: the same on both sides, whichever end the text is read from. */
const step = (hash: number, code: number): number => (Math.imul(hash, 31) + code) | 0;

/** Finds every registered prefix (or suffix) of a string. */
export class AffixIndex<S> {
  private readonly byText = new Map<string, Entry<S>>();
  private readonly byHash = new Map<number, Entry<S> | Array<Entry<S>>>();
  private readonly lengthUses = new Map<number, number>();
  /** Distinct lengths in use, ascending. */
  private lengths: number[] = [];

  constructor(private readonly end: 'start' | 'end') {}

  get size(): number {
    return this.byText.size;
  }

  /** The hash of `text` read from the end this index anchors at. */
  private hashOf(text: string): number {
    let hash = 0;
    const last = text.length - 1;
    for (let index = 0; index <= last; index++) {
      hash = step(hash, text.charCodeAt(this.end === 'start' ? index : last - index));
    }
    return hash;
  }

  add(text: string, slot: S): void {
    this.entryFor(text).slots.push(slot);
  }

  /** Files a wildcard under its literal beginning (or end): a value that has it is tested against the wildcard. */
  addWildcard(text: string, wildcard: Wildcard, slot: S): () => void {
    const filed: WildcardSlot<S> = { wildcard, slot };
    this.entryFor(text).wildcards.push(filed);
    return () => {
      const entry = this.byText.get(text);
      const index = entry?.wildcards.indexOf(filed) ?? -1;
      if (entry === undefined || index === -1) return;
      entry.wildcards.splice(index, 1);
      this.dropIfEmpty(entry);
    };
  }

  private entryFor(text: string): Entry<S> {
    let entry = this.byText.get(text);
    if (entry === undefined) {
      entry = { text, slots: [], wildcards: [] };
      this.byText.set(text, entry);
      const hash = this.hashOf(text);
      const known = this.byHash.get(hash);
      this.byHash.set(hash, known === undefined ? entry : [...(Array.isArray(known) ? known : [known]), entry]);
      this.countLength(text.length, 1);
    }
    return entry;
  }

  remove(text: string, slot: S): void {
    const entry = this.byText.get(text);
    const index = entry?.slots.indexOf(slot) ?? -1;
    if (entry === undefined || index === -1) return;
    entry.slots.splice(index, 1);
    this.dropIfEmpty(entry);
  }

  private dropIfEmpty(entry: Entry<S>): void {
    if (entry.slots.length > 0 || entry.wildcards.length > 0) return;
    const text = entry.text;
    this.byText.delete(text);
    const hash = this.hashOf(text);
    const known = this.byHash.get(hash)!;
    const rest = Array.isArray(known) ? known.filter((other) => other !== entry) : [];
    if (rest.length === 0) this.byHash.delete(hash);
    else this.byHash.set(hash, rest.length === 1 ? rest[0]! : rest);
    this.countLength(text.length, -1);
  }

  private countLength(length: number, change: number): void {
    const uses = (this.lengthUses.get(length) ?? 0) + change;
    if (uses > 0) this.lengthUses.set(length, uses);
    else this.lengthUses.delete(length);
    if (uses === 0 || (uses === 1 && change > 0)) {
      this.lengths = [...this.lengthUses.keys()].sort((left, right) => left - right);
    }
  }

  /** Marks the slots of every registered text that `value` starts (or ends) with. */
  find(value: string, sink: SlotSink<S>): void {
    const lengths = this.lengths;
    const size = value.length;
    const fromStart = this.end === 'start';
    let hash = 0;
    let read = 0;
    for (let index = 0; index < lengths.length; index++) {
      const length = lengths[index]!;
      if (length > size) return;
      for (; read < length; read++) hash = step(hash, value.charCodeAt(fromStart ? read : size - 1 - read));
      const found = this.byHash.get(hash);
      if (found === undefined) continue;
      if (!Array.isArray(found)) this.markIfAffix(found, length, value, sink);
      else for (let entry = 0; entry < found.length; entry++) this.markIfAffix(found[entry]!, length, value, sink);
    }
  }

  /** A hash can be shared by texts of other lengths or contents: only the real affix counts. */
  private markIfAffix(entry: Entry<S>, length: number, value: string, sink: SlotSink<S>): void {
    const text = entry.text;
    if (text.length !== length) return;
    if (!(this.end === 'start' ? value.startsWith(text) : value.endsWith(text))) return;
    if (entry.slots.length > 0) sink.mark(entry.slots);
    const wildcards = entry.wildcards;
    for (let index = 0; index < wildcards.length; index++) {
      const filed = wildcards[index]!;
      if (wildcardMatches(filed.wildcard, value)) sink.mark(filed.slot);
    }
  }
}
