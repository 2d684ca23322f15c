/**
 * @module Prefix and suffix index: one hash lookup per distinct prefix (or suffix) length in use.
 */
import { addSlot, removeSlot, type SlotSink, type Slots } from './slot-lists.js';

/** Finds every registered prefix (or suffix) of a string. */
export class AffixIndex<S> {
  private readonly byText = new Map<string, Slots<S>>();
  private readonly lengthUses = new Map<number, number>();
  /** Distinct lengths in use, ascending. */
  private lengths: number[] = [];

  constructor(private readonly end: 'start' | 'end') {}

  get size(): number {
    return this.byText.size;
  }

  add(text: string, slot: S): void {
    addSlot(this.byText, text, slot);
    const uses = this.lengthUses.get(text.length) ?? 0;
    this.lengthUses.set(text.length, uses + 1);
    if (uses === 0) this.lengths = [...this.lengthUses.keys()].sort((left, right) => left - right);
  }

  remove(text: string, slot: S): void {
    removeSlot(this.byText, text, slot);
    const uses = (this.lengthUses.get(text.length) ?? 1) - 1;
    if (uses > 0) {
      this.lengthUses.set(text.length, uses);
      return;
    }
    this.lengthUses.delete(text.length);
    this.lengths = [...this.lengthUses.keys()].sort((left, right) => left - right);
  }

  /** Marks the slots of every registered text that `value` starts (or ends) with. */
  find(value: string, sink: SlotSink<S>): void {
    const lengths = this.lengths;
    const size = value.length;
    for (let index = 0; index < lengths.length; index++) {
      const length = lengths[index]!;
      if (length > size) return;
      let part = value;
      if (length !== size) part = this.end === 'start' ? value.slice(0, length) : value.slice(size - length);
      const slots = this.byText.get(part);
      if (slots !== undefined) sink.mark(slots);
    }
  }
}
