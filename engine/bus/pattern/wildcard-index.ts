/**
 * @module Wildcard index: a wildcard is filed under its literal beginning (or, when it starts with
 * `*`, its literal end), so only wildcards whose fixed part fits the value are tested.
 */
import { AffixIndex } from './affix-index.js';
import type { SlotSink, Slots } from './slot-lists.js';
import { type Wildcard, wildcardMatches } from './wildcard.js';

interface Entry<S> {
  wildcard: Wildcard;
  slot: S;
}

/** Finds the registered wildcards a string matches. */
export class WildcardIndex<S> implements SlotSink<Entry<S>> {
  private readonly byStart = new AffixIndex<Entry<S>>('start');
  private readonly byEnd = new AffixIndex<Entry<S>>('end');
  /** Wildcards with no literal beginning or end (`*`, `*x*`): tested on every value. */
  private readonly scanned: Array<Entry<S>> = [];
  private value = '';
  private sink: SlotSink<S> | undefined;

  add(wildcard: Wildcard, slot: S): () => void {
    const entry: Entry<S> = { wildcard, slot };
    const first = wildcard.segments[0]!;
    const last = wildcard.segments[wildcard.segments.length - 1]!;
    if (first !== '' || wildcard.segments.length === 1) {
      this.byStart.add(first, entry);
      return () => this.byStart.remove(first, entry);
    }
    if (last !== '') {
      this.byEnd.add(last, entry);
      return () => this.byEnd.remove(last, entry);
    }
    this.scanned.push(entry);
    return () => void this.scanned.splice(this.scanned.indexOf(entry), 1);
  }

  /** Marks the slots of every wildcard matching `value`. */
  find(value: string, sink: SlotSink<S>): void {
    this.value = value;
    this.sink = sink;
    this.byStart.find(value, this);
    this.byEnd.find(value, this);
    if (this.scanned.length > 0) this.mark(this.scanned);
    this.sink = undefined;
  }

  /** Receives candidates from the affix indexes and passes on those that really match. */
  mark(entries: Slots<Entry<S>>): void {
    if (!Array.isArray(entries)) {
      if (wildcardMatches(entries.wildcard, this.value)) this.sink!.mark(entries.slot);
      return;
    }
    for (let index = 0; index < entries.length; index++) {
      const entry = entries[index]!;
      if (wildcardMatches(entry.wildcard, this.value)) this.sink!.mark(entry.slot);
    }
  }
}
