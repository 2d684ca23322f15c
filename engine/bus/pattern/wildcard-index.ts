/**
 * @module Wildcard index: a wildcard is filed under its literal beginning (or, when it starts with
 * `*`, its literal end) in the edge's own prefix (or suffix) index, so only wildcards whose fixed part
 * fits the value are tested, and a value's characters are hashed once for prefixes and wildcards alike.
 */
import type { AffixIndex } from './affix-index.js';
import type { SlotSink } from './slot-lists.js';
import { type Wildcard, wildcardMatches } from './wildcard.js';

interface Entry<S> {
  wildcard: Wildcard;
  slot: S;
}

/** Files wildcards in the affix indexes it is given; keeps only those without a literal beginning or end. */
export class WildcardIndex<S> {
  /** Wildcards with no literal beginning or end (`*`, `*x*`): tested on every value. */
  private readonly scanned: Array<Entry<S>> = [];

  constructor(
    private readonly starts: AffixIndex<S>,
    private readonly ends: AffixIndex<S>,
  ) {}

  add(wildcard: Wildcard, slot: S): () => void {
    const first = wildcard.segments[0]!;
    const last = wildcard.segments[wildcard.segments.length - 1]!;
    if (first !== '' || wildcard.segments.length === 1) return this.starts.addWildcard(first, wildcard, slot);
    if (last !== '') return this.ends.addWildcard(last, wildcard, slot);
    const entry: Entry<S> = { wildcard, slot };
    this.scanned.push(entry);
    return () => void this.scanned.splice(this.scanned.indexOf(entry), 1);
  }

  /** Marks the slots of the wildcards without a literal beginning or end that match `value` (the others are found by the affix indexes). */
  find(value: string, sink: SlotSink<S>): void {
    const scanned = this.scanned;
    for (let index = 0; index < scanned.length; index++) {
      const entry = scanned[index]!;
      if (wildcardMatches(entry.wildcard, value)) sink.mark(entry.slot);
    }
  }
}
