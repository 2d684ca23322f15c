/**
 * @module Index of `anything-but` conditions on one edge: every such condition is satisfied by a
 * value unless the value is excluded, so a lookup finds the excluded ones (values by hash, prefixes
 * and suffixes by affix lookup) and marks the rest, without testing each condition.
 */
import { AffixIndex } from './affix-index.js';
import { addSlot, removeSlot, type SlotSink, type Slots } from './slot-lists.js';
import type { Exclusion, Scalar } from './types.js';

/** An indexed `anything-but`; `excludedIn` is the lookup that last found it excluded. */
interface Entry<S> {
  slot: S;
  excludedIn: number;
}

/** Finds the `anything-but` conditions a value satisfies. */
export class ExclusionIndex<S> implements SlotSink<Entry<S>> {
  private readonly entries: Array<Entry<S>> = [];
  private readonly byValue = new Map<Scalar, Slots<Entry<S>>>();
  private readonly prefixes = new AffixIndex<Entry<S>>('start');
  private readonly suffixes = new AffixIndex<Entry<S>>('end');
  private lookup = 0;

  get size(): number {
    return this.entries.length;
  }

  /** Registers an indexable exclusion (not `tested`); returns how to take it out again. */
  add(excluded: Exclude<Exclusion, { kind: 'tested' }>, slot: S): () => void {
    const entry: Entry<S> = { slot, excludedIn: 0 };
    this.entries.push(entry);
    if (excluded.kind === 'values') {
      for (const value of excluded.values) addSlot(this.byValue, value, entry);
    } else {
      const affixes = excluded.kind === 'prefix' ? this.prefixes : this.suffixes;
      for (const text of excluded.texts) affixes.add(text, entry);
    }
    return () => {
      this.entries.splice(this.entries.indexOf(entry), 1);
      if (excluded.kind === 'values') {
        for (const value of excluded.values) removeSlot(this.byValue, value, entry);
      } else {
        const affixes = excluded.kind === 'prefix' ? this.prefixes : this.suffixes;
        for (const text of excluded.texts) affixes.remove(text, entry);
      }
    };
  }

  /** Receives the entries that exclude the value being looked up. */
  mark(entries: Slots<Entry<S>>): void {
    const lookup = this.lookup;
    if (!Array.isArray(entries)) {
      entries.excludedIn = lookup;
      return;
    }
    for (let index = 0; index < entries.length; index++) entries[index]!.excludedIn = lookup;
  }

  /** Marks the slot of every `anything-but` that does not exclude `value`. */
  find(value: Scalar, sink: SlotSink<S>): void {
    const lookup = ++this.lookup;
    const excluded = this.byValue.get(value);
    if (excluded !== undefined) this.mark(excluded);
    if (typeof value === 'string') {
      if (this.prefixes.size > 0) this.prefixes.find(value, this);
      if (this.suffixes.size > 0) this.suffixes.find(value, this);
    }
    const entries = this.entries;
    for (let index = 0; index < entries.length; index++) {
      const entry = entries[index]!;
      if (entry.excludedIn !== lookup) sink.mark(entry.slot);
    }
  }
}
