/**
 * @module What the three robot fakes share: their clock, what they record, scripted answers, rolling counts.
 */

/** The fake's sense of time: the same clock the connector under test uses, or the real one. */
export interface FakeClock {
  now(): number;
}

export const realFakeClock: FakeClock = { now: () => Date.now() };

/** A request the fake accepted. */
export interface AcceptedMessage {
  body: unknown;
  at: number;
}

/** A request the fake refused, with the vendor code it answered. */
export interface RefusedMessage {
  body: unknown;
  at: number;
  code: number;
}

/** What every robot fake returns. */
export interface FakeRobot {
  /** The webhook URL to give the connector (holds the fake's key or token). */
  url: string;
  /** Messages accepted, in order. */
  received: AcceptedMessage[];
  /** Requests refused with a vendor error code (HTTP 200), in order. */
  rejected: RefusedMessage[];
  /** Makes the next `times` valid-token requests get this vendor answer instead of being processed. */
  answerNext(code: number, message: string, times?: number): void;
  /** Forgets what was received and refused, scripted answers and rate-limit state. */
  reset(): void;
  close(): Promise<void>;
}

/** A queue of scripted answers. */
export function createScript() {
  const queue: Array<{ code: number; message: string }> = [];
  return {
    push(code: number, message: string, times = 1) {
      for (let index = 0; index < times; index += 1) queue.push({ code, message });
    },
    take: () => queue.shift(),
    clear: () => void queue.splice(0),
  };
}

/** How many of `times` are in the rolling window `(now - windowMs, now]`. */
export function countInWindow(times: readonly number[], now: number, windowMs: number): number {
  return times.filter((time) => time > now - windowMs && time <= now).length;
}

/**
 * The most events that any rolling window of `windowMs` holds; for asserting a sender's pace.
 *
 * @example
 * maxInAnyWindow([0, 10, 60_000], 60_000); // 2
 */
export function maxInAnyWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let end = 0, start = 0; end < sorted.length; end += 1) {
    while (sorted[start] <= sorted[end] - windowMs) start += 1;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

/** A random token of hex digits, like the vendors' webhook keys. */
export function randomToken(): string {
  return crypto.randomUUID();
}
