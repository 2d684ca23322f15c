/**
 * @module A list that keeps its first and its last entries and counts the ones in between, by key.
 */

/** What a bounded list left out: how many entries, after which kept entry, and how many per key. */
export interface Elision {
  /** Entries left out. */
  count: number;
  /** They were between the kept entries `after - 1` and `after` (0-based index in the kept list). */
  after: number;
  /** Entries left out per key (the step id, for a trace). */
  byKey: Record<string, number>;
}

/**
 * Keeps the first `ceil(capacity / 2)` entries and, in a ring, the last `floor(capacity / 2)`; every entry
 * pushed in between is counted and dropped, so memory stays bounded however long an execution runs.
 *
 * @example
 * const list = new BoundedList<string>(4, (item) => item);
 * for (const item of ['a', 'b', 'c', 'd', 'e', 'f']) list.push(item);
 * list.items(); // ['a', 'b', 'e', 'f']; list.elision() → { count: 2, after: 2, byKey: { c: 1, d: 1 } }
 */
export class BoundedList<T> {
  private readonly head: T[] = [];
  private readonly tail: T[] = [];
  /** Index in `tail` of its oldest entry once the ring is full. */
  private start = 0;
  private dropped = 0;
  private readonly droppedByKey = new Map<string, number>();
  private readonly headCapacity: number;
  private readonly tailCapacity: number;

  constructor(
    capacity: number,
    private readonly keyOf: (item: T) => string,
  ) {
    this.headCapacity = Math.ceil(capacity / 2);
    this.tailCapacity = Math.max(0, capacity - this.headCapacity);
  }

  get length(): number {
    return this.head.length + this.tail.length;
  }

  push(item: T): void {
    if (this.head.length < this.headCapacity) {
      this.head.push(item);
      return;
    }
    if (this.tail.length < this.tailCapacity) {
      this.tail.push(item);
      return;
    }
    const evicted = this.tailCapacity === 0 ? item : this.tail[this.start]!;
    if (this.tailCapacity > 0) {
      this.tail[this.start] = item;
      this.start = (this.start + 1) % this.tailCapacity;
    }
    this.count(this.keyOf(evicted), 1);
  }

  /** Counts entries left out elsewhere (by a called flow) as left out here. */
  addElided(byKey: Record<string, number>): void {
    for (const [key, count] of Object.entries(byKey)) this.count(key, count);
  }

  private count(key: string, count: number): void {
    this.dropped += count;
    this.droppedByKey.set(key, (this.droppedByKey.get(key) ?? 0) + count);
  }

  /** The kept entries, in the order they were pushed. */
  items(): T[] {
    return [...this.head, ...this.tail.slice(this.start), ...this.tail.slice(0, this.start)];
  }

  /** What was left out, or undefined when nothing was. */
  elision(): Elision | undefined {
    if (this.dropped === 0) return undefined;
    return { count: this.dropped, after: this.head.length, byKey: Object.fromEntries(this.droppedByKey) };
  }
}
