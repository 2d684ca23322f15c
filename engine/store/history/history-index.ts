/**
 * @module The in-memory index of the execution history: one small entry per execution (what a list line
 * shows, and where the record lives), kept per flow in start-time order, so that listing, filtering and
 * retention cost what they return or drop, never the length of the history.
 */
import type { FlowError } from '../../core/errors.js';
import type { ExecutionStatus } from '../../runtime/types.js';
import {
  DEFAULT_EXECUTION_LIMIT,
  handledErrorCount,
  matchesQuery,
  MAX_EXECUTION_LIMIT,
  summarizeExecution,
} from '../execution-query.js';
import { expiredPrefix } from '../retention.js';
import type { ExecutionQuery, ExecutionSummary, RetentionPolicy, StoredExecution } from '../types.js';

/** Where a record's line is: its segment and byte offset; `end` bounds the line when known (else 0). */
export interface RecordPlace {
  segment: number;
  offset: number;
  end: number;
}

/** One execution of the index: its list line, and its place once written (segment 0 until then). */
export interface IndexEntry extends ExecutionSummary, RecordPlace {
  dryRun?: boolean;
  /** Set once retention dropped it, so the lists by status and trigger cut it off too. */
  dropped?: boolean;
}

/** Strings repeated across entries (flow ids, triggers, versions) are kept once. */
const interned = new Map<string, string>();
function intern(value: string): string {
  const known = interned.get(value);
  if (known !== undefined) return known;
  if (interned.size < 100_000) interned.set(value, value);
  return value;
}

/** The index entry of an execution, not yet placed. */
export function indexEntry(execution: StoredExecution): IndexEntry {
  const entry: IndexEntry = {
    id: execution.id,
    flowId: intern(execution.flowId),
    status: intern(execution.status) as ExecutionStatus,
    trigger: intern(execution.trigger),
    startedAt: execution.startedAt,
    endedAt: execution.endedAt,
    durationMs: execution.durationMs,
    segment: 0,
    offset: 0,
    end: 0,
  };
  if (execution.flowVersion) entry.flowVersion = intern(execution.flowVersion);
  if (execution.error) entry.error = execution.error as FlowError;
  if (execution.dryRun) entry.dryRun = true;
  const handled = handledErrorCount(execution);
  if (handled > 0) entry.handledErrors = handled;
  return entry;
}

const before = (left: IndexEntry, right: IndexEntry) =>
  left.startedAt < right.startedAt || (left.startedAt === right.startedAt && left.id < right.id);

/** Entries, oldest start first; dropped entries are a prefix cut off by moving `head`. */
class EntryList {
  items: IndexEntry[] = [];
  head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  /** Executions end roughly in start order, so the place is found by walking back from the end. */
  insert(entry: IndexEntry): void {
    let at = this.items.length;
    while (at > this.head && before(entry, this.items[at - 1]!)) at -= 1;
    if (at === this.items.length) this.items.push(entry);
    else this.items.splice(at, 0, entry);
  }

  remove(entry: IndexEntry): void {
    const at = this.items.indexOf(entry, this.head);
    if (at >= 0) this.items.splice(at, 1);
  }

  /** Cuts off the oldest `count` entries and answers them. */
  dropOldest(count: number): IndexEntry[] {
    const dropped = this.items.slice(this.head, this.head + count);
    this.head += count;
    this.compact();
    return dropped;
  }

  /** Cuts off the dropped entries at the front: retention drops the oldest, so they are always a prefix. */
  dropDead(): void {
    while (this.head < this.items.length && this.items[this.head]!.dropped) this.head += 1;
    this.compact();
  }

  /** The index after the newest entry that started at or before `until`. */
  upperBound(until: number): number {
    let low = this.head;
    let high = this.items.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.items[middle]!.startedAt <= until) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Compacting once half is dead keeps the cost of a drop constant on average. */
  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}

/**
 * One flow's entries, and the same entries by status and by trigger, so that a filter walks only what it
 * can match: a rare status is found without reading past every other execution.
 */
class FlowEntries {
  readonly all = new EntryList();
  readonly byStatus = new Map<string, EntryList>();
  readonly byTrigger = new Map<string, EntryList>();

  get size(): number {
    return this.all.size;
  }

  insert(entry: IndexEntry): void {
    this.all.insert(entry);
    listOf(this.byStatus, entry.status).insert(entry);
    listOf(this.byTrigger, entry.trigger).insert(entry);
  }

  remove(entry: IndexEntry): void {
    this.all.remove(entry);
    this.byStatus.get(entry.status)?.remove(entry);
    this.byTrigger.get(entry.trigger)?.remove(entry);
  }

  dropOldest(count: number): IndexEntry[] {
    const dropped = this.all.dropOldest(count);
    for (const entry of dropped) entry.dropped = true;
    for (const lists of [this.byStatus, this.byTrigger]) {
      for (const [key, list] of lists) {
        list.dropDead();
        if (list.size === 0) lists.delete(key);
      }
    }
    return dropped;
  }

  /** The shortest list holding every entry that can match the query. */
  listFor(query: ExecutionQuery): EntryList | undefined {
    const candidates = [this.all];
    if (query.status !== undefined) candidates.push(this.byStatus.get(query.status) ?? EMPTY);
    if (query.trigger !== undefined) candidates.push(this.byTrigger.get(query.trigger) ?? EMPTY);
    return candidates.reduce((shortest, list) => (list.size < shortest.size ? list : shortest));
  }
}

const EMPTY = new EntryList();

function listOf(lists: Map<string, EntryList>, key: string): EntryList {
  let list = lists.get(key);
  if (!list) lists.set(key, (list = new EntryList()));
  return list;
}

/** The index: entries by id and per flow. */
export class HistoryIndex {
  private readonly byId = new Map<string, IndexEntry>();
  private readonly flows = new Map<string, FlowEntries>();

  get size(): number {
    return this.byId.size;
  }

  get(id: string): IndexEntry | undefined {
    return this.byId.get(id);
  }

  /** Adds an entry; answers the entry it replaced (the same id recorded again), if any. */
  add(entry: IndexEntry): IndexEntry | undefined {
    const replaced = this.byId.get(entry.id);
    if (replaced) this.flows.get(replaced.flowId)?.remove(replaced);
    this.byId.set(entry.id, entry);
    let flow = this.flows.get(entry.flowId);
    if (!flow) this.flows.set(entry.flowId, (flow = new FlowEntries()));
    flow.insert(entry);
    return replaced;
  }

  /** Drops what falls outside the policy in one flow (all flows when none is named); answers the dropped. */
  prune(policy: RetentionPolicy, now: number, flowId?: string): IndexEntry[] {
    const names = flowId === undefined ? [...this.flows.keys()] : [flowId];
    const dropped: IndexEntry[] = [];
    for (const name of names) {
      const flow = this.flows.get(name);
      if (!flow) continue;
      const { items, head } = flow.all;
      const count = expiredPrefix(flow.size, (index) => items[head + index]!.startedAt, policy, now);
      if (count === 0) continue;
      for (const entry of flow.dropOldest(count)) {
        this.byId.delete(entry.id);
        dropped.push(entry);
      }
      if (flow.size === 0) this.flows.delete(name);
    }
    return dropped;
  }

  /**
   * Filters, orders newest first and cuts to the limit: in each flow the shortest list that can match (all,
   * by status, by trigger) is walked back from `until` and stops at `since` or once it has `limit` matches.
   */
  query(query: ExecutionQuery = {}): ExecutionSummary[] {
    const limit = Math.min(Math.max(1, query.limit ?? DEFAULT_EXECUTION_LIMIT), MAX_EXECUTION_LIMIT);
    const flows = query.flowId !== undefined ? [this.flows.get(query.flowId)] : [...this.flows.values()];
    // Paging: an unknown cursor (dropped by retention since) lists nothing rather than start again.
    const cursor = query.before === undefined ? undefined : this.byId.get(query.before);
    if (query.before !== undefined && !cursor) return [];
    const until = Math.min(query.until ?? Infinity, cursor?.startedAt ?? Infinity);
    const found: IndexEntry[] = [];
    for (const flow of flows) {
      const list = flow?.listFor(query);
      if (!list) continue;
      let taken = 0;
      const since = query.since ?? -Infinity;
      for (let at = list.upperBound(until) - 1; at >= list.head && taken < limit; at--) {
        const entry = list.items[at]!;
        if (entry.startedAt < since) break;
        if (cursor && !before(entry, cursor)) continue;
        if (!matchesQuery(entry, query)) continue;
        found.push(entry);
        taken += 1;
      }
    }
    found.sort((left, right) => right.startedAt - left.startedAt || (left.id < right.id ? 1 : -1));
    return found.slice(0, limit).map(summarizeExecution);
  }
}
