/**
 * @module Whether the process is overloaded: the event loop ran late by more than a bound in the last
 * reading of the stall monitor, or the used heap is near the heap limit. Ingest and HTTP triggers answer
 * 503 with `Retry-After` while it says so, instead of taking work that would make it worse.
 */
import { getHeapStatistics } from 'node:v8';

export interface OverloadOptions {
  /** A delay over this is overload; 0: never. */
  maxEventLoopDelayMs: number;
  /** A used heap over this share of the limit is overload; 1 or more: never. */
  maxHeapRatio: number;
  /** Default: V8's heap statistics. */
  heap?: () => { used: number; limit: number };
}

/** The check, fed by the stall monitor's readings (about once a second). */
export interface OverloadCheck {
  /** Takes the longest event-loop delay of the last interval, and reads the heap. */
  noteReading(maxDelayMs: number): void;
  /** Why the process is overloaded now, or undefined. */
  reason(): string | undefined;
}

function v8Heap(): { used: number; limit: number } {
  const stats = getHeapStatistics();
  return { used: stats.used_heap_size, limit: stats.heap_size_limit };
}

/**
 * @example
 * const overload = createOverloadCheck({ maxEventLoopDelayMs: 1000, maxHeapRatio: 0.85 });
 * overload.noteReading(1500);
 * overload.reason(); // 'the event loop ran 1500 ms late (limit 1000 ms)'
 */
export function createOverloadCheck(options: OverloadOptions): OverloadCheck {
  const heap = options.heap ?? v8Heap;
  let delayMs = 0;
  let heapRatio = 0;
  return {
    noteReading(maxDelayMs) {
      delayMs = maxDelayMs;
      const { used, limit } = heap();
      heapRatio = limit > 0 ? used / limit : 0;
    },
    reason() {
      const { maxEventLoopDelayMs, maxHeapRatio } = options;
      if (maxEventLoopDelayMs > 0 && delayMs > maxEventLoopDelayMs) {
        return `the event loop ran ${Math.round(delayMs)} ms late (limit ${maxEventLoopDelayMs} ms)`;
      }
      if (maxHeapRatio < 1 && heapRatio > maxHeapRatio) {
        const percent = (share: number) => `${Math.round(share * 100)}%`;
        return `the heap is ${percent(heapRatio)} full (limit ${percent(maxHeapRatio)})`;
      }
      return undefined;
    },
  };
}
