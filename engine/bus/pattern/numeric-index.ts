/**
 * @module Numeric range index. Ranges with a lower bound are sorted by it, ranges with only an upper
 * bound by that; a lookup stops at the first range that cannot hold the number, so one-sided
 * thresholds (the common alarm case) cost only what they match.
 */
import { inRange } from './numeric.js';
import type { SlotSink } from './slot-lists.js';
import type { NumericRange } from './types.js';

interface Entry<S> {
  range: NumericRange;
  slot: S;
}

function insertSorted<S>(entries: Array<Entry<S>>, entry: Entry<S>, key: (entry: Entry<S>) => number): void {
  let low = 0;
  let high = entries.length;
  const value = key(entry);
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (key(entries[middle]!) <= value) low = middle + 1;
    else high = middle;
  }
  entries.splice(low, 0, entry);
}

const lowerOf = (entry: Entry<unknown>): number => entry.range.lower!;
const negatedUpperOf = (entry: Entry<unknown>): number => -entry.range.upper!;

/** Finds the numeric ranges that hold a number. */
export class NumericIndex<S> {
  /** Ranges with a lower bound, by lower bound ascending. */
  private readonly withLower: Array<Entry<S>> = [];
  /** Ranges with only an upper bound, by upper bound descending. */
  private readonly upperOnly: Array<Entry<S>> = [];

  get size(): number {
    return this.withLower.length + this.upperOnly.length;
  }

  add(range: NumericRange, slot: S): void {
    const entry: Entry<S> = { range, slot };
    if (range.lower !== undefined) insertSorted(this.withLower, entry, lowerOf);
    else insertSorted(this.upperOnly, entry, negatedUpperOf);
  }

  remove(range: NumericRange, slot: S): void {
    const entries = range.lower !== undefined ? this.withLower : this.upperOnly;
    const index = entries.findIndex((entry) => entry.slot === slot && entry.range === range);
    if (index !== -1) entries.splice(index, 1);
  }

  /** Marks the slots of every range holding `value`. */
  find(value: number, sink: SlotSink<S>): void {
    const withLower = this.withLower;
    for (let index = 0; index < withLower.length; index++) {
      const entry = withLower[index]!;
      if (entry.range.lower! > value) break;
      if (inRange(entry.range, value)) sink.mark(entry.slot);
    }
    const upperOnly = this.upperOnly;
    for (let index = 0; index < upperOnly.length; index++) {
      const entry = upperOnly[index]!;
      if (entry.range.upper! < value) break;
      if (inRange(entry.range, value)) sink.mark(entry.slot);
    }
  }
}
