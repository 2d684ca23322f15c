/**
 * @module Per-robot send lanes: one send at a time per robot, delayed (never dropped) to stay within the
 * vendor's documented rate, measured on the injected clock.
 */
import type { Clock } from '../../engine/sdk.js';
import { untilAborted, waitFor } from './wait.js';

/** At most `limit` sends in any rolling `windowMs`. */
export interface RateWindow {
  limit: number;
  windowMs: number;
}

/** The queue of one robot (one webhook). */
export interface RobotLane {
  /** Runs `task` once every earlier task of the lane has settled; a cancelled wait keeps the order. */
  exclusive<T>(task: () => Promise<T>, signal: AbortSignal, doing: string): Promise<T>;
  /** Waits until one more send fits in every window, counts it, and returns how long it waited (ms). */
  takeSlot(clock: Clock, signal: AbortSignal, doing: string): Promise<number>;
}

/** Lanes by key; one registry lives in each `createConnectorSteps` closure. */
export interface RobotLanes {
  lane(key: string, windows: readonly RateWindow[]): RobotLane;
}

/**
 * How long until one more send fits in every window, given the times of earlier sends (ascending).
 *
 * @example
 * delayUntilFree([0, 10], [{ limit: 2, windowMs: 100 }], 50); // 50: the send at 0 leaves the window at 100
 */
export function delayUntilFree(
  sentAt: readonly number[],
  windows: readonly RateWindow[],
  now: number,
): number {
  let delay = 0;
  for (const { limit, windowMs } of windows) {
    const inWindow = sentAt.filter((time) => time > now - windowMs);
    if (inWindow.length < limit) continue;
    // The oldest sends must leave the window until only limit - 1 remain.
    const mustLeave = inWindow[inWindow.length - limit];
    delay = Math.max(delay, mustLeave + windowMs - now);
  }
  return delay;
}

function createLane(windows: readonly RateWindow[]): RobotLane {
  const longestWindow = Math.max(...windows.map((window) => window.windowMs));
  let sentAt: number[] = [];
  let tail: Promise<unknown> = Promise.resolve();
  return {
    async exclusive(task, signal, doing) {
      const previous = tail;
      let release!: () => void;
      const done = new Promise<void>((resolve) => (release = resolve));
      // The next task starts only after the previous one AND this one are over, even if this one gave up.
      tail = Promise.all([previous.catch(() => undefined), done]);
      try {
        await untilAborted(previous.catch(() => undefined), signal, doing);
        return await task();
      } finally {
        release();
      }
    },
    async takeSlot(clock, signal, doing) {
      const start = clock.now();
      for (;;) {
        const now = clock.now();
        sentAt = sentAt.filter((time) => time > now - longestWindow);
        const delay = delayUntilFree(sentAt, windows, now);
        if (delay <= 0) {
          sentAt.push(now);
          return now - start;
        }
        await waitFor(clock, delay, signal, doing);
      }
    },
  };
}

/** A fresh registry of lanes; nothing is shared between two registries. */
export function createRobotLanes(): RobotLanes {
  const lanes = new Map<string, RobotLane>();
  return {
    lane(key, windows) {
      let lane = lanes.get(key);
      if (!lane) {
        lane = createLane(windows);
        lanes.set(key, lane);
      }
      return lane;
    },
  };
}
