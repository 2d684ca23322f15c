/**
 * @module Lets a test run sends paced by a test clock: advances the clock whenever every pending piece of
 * work is asleep, until the awaited work settles.
 */
import { setTimeout as delay } from 'node:timers/promises';

/** The part of the engine's TestClock this needs. */
export interface AdvanceableClock {
  advance(ms: number): void;
  readonly pendingSleeps: number;
}

/**
 * Awaits `work` while moving `clock` forward by `stepMs` each time something sleeps on it; real time is only
 * spent on loopback I/O. Fails after `maxSteps` advances, so a connector that never finishes fails the test.
 *
 * @example
 * const results = await driveClock(clock, Promise.allSettled(sends), 1_000);
 */
export async function driveClock<T>(
  clock: AdvanceableClock,
  work: Promise<T>,
  stepMs = 1_000,
  maxSteps = 10_000,
): Promise<T> {
  let settled = false;
  const done = work.finally(() => {
    settled = true;
  });
  let steps = 0;
  while (!settled) {
    await delay(2);
    if (settled || clock.pendingSleeps === 0) continue;
    steps += 1;
    if (steps > maxSteps) throw new Error(`driveClock: not done after ${maxSteps} advances of ${stepMs} ms`);
    clock.advance(stepMs);
  }
  return done;
}
