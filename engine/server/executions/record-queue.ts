/**
 * @module Finished executions waiting for their history entry: the entry (summaries, redaction, the stored
 * record) is built after the answer is written, in one batch per turn of the event loop, instead of on the
 * request path. Memory stays bounded: past `maxPending` waiting executions, an entry is built at once.
 */

/** Default bound on executions waiting for their history entry. */
export const DEFAULT_MAX_PENDING_RECORDS = 1024;

/**
 * A queue of work done after the current answers are written (`setImmediate` runs after the I/O callbacks
 * and their promise continuations, so a synchronous answer is on the socket first).
 *
 * @example
 * const queue = new RecordQueue((run: FinishedRun) => store.addExecution(run.stored), onError);
 * queue.add(run); // recorded on the next turn of the event loop
 */
export class RecordQueue<Item> {
  private pending: Item[] = [];
  private scheduled = false;

  constructor(
    private readonly record: (item: Item) => void,
    private readonly onError: (item: Item, thrown: unknown) => void,
    private readonly maxPending = DEFAULT_MAX_PENDING_RECORDS,
  ) {}

  /** Items waiting to be recorded. */
  get size(): number {
    return this.pending.length;
  }

  /** Records `item` on the next turn of the event loop, or now when too many are waiting already. */
  add(item: Item): void {
    if (this.pending.length >= this.maxPending) return this.recordOne(item);
    this.pending.push(item);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.drain);
  }

  /** Records everything waiting now (shutdown calls it before the store closes). */
  readonly drain = (): void => {
    this.scheduled = false;
    const items = this.pending;
    this.pending = [];
    for (const item of items) this.recordOne(item);
  };

  private recordOne(item: Item): void {
    try {
      this.record(item);
    } catch (thrown) {
      this.onError(item, thrown);
    }
  }
}
