/**
 * @module The one polling helper of the tests: waits for a condition instead of sleeping for a guessed time.
 */

/** How long {@link waitFor} polls before it gives up, and how often. */
export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
}

/**
 * Polls `probe` until it gives a truthy value and returns that value; fails naming `what` after `timeoutMs`.
 * Probes may be async; an error a probe throws fails the wait at once.
 *
 * @example
 * await waitFor(() => robot.received.length === 2, 'both robot messages');
 * const trace = await waitFor(async () => (await api('GET', `/api/events/${id}`)).body, 'the trace', 20_000);
 */
export async function waitFor<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  timeoutOrOptions: number | WaitOptions = {},
): Promise<T> {
  const options = typeof timeoutOrOptions === 'number' ? { timeoutMs: timeoutOrOptions } : timeoutOrOptions;
  const { timeoutMs = 10_000, intervalMs = 10 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
